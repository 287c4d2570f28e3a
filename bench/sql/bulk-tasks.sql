-- Bulk benchmark tasks (bench/board.sh; bench/run.sh while the app has no `generate-data` verb).
--   psql -v tasks=N -v province=CODE -f bench/sql/bulk-tasks.sql      (province '' = every commune of the country)
-- N tasks assigned by Sở Nội vụ Tây Ninh (80.SNV), each with one deadline, led in turn by the communes, wards and
-- special zones (of the province, or all 3,321); dates over three years from 2024-01-01; a quarter open (overdue or
-- not, progress 0-89 %), the rest done on time, two days early or three days late.
WITH communes AS (SELECT array_agg(c."Id" ORDER BY c."Id") AS ids FROM "OrgUnits" c
                  WHERE c."Kind" IN (3, 4, 5)
                    AND (:'province' = '' OR c."AncestorPath" LIKE (SELECT p."AncestorPath" || p."Id" || '/%' FROM "OrgUnits" p WHERE p."Code" = :'province'))),
     snv AS (SELECT "Id" AS id FROM "OrgUnits" WHERE "Code" = '80.SNV')
INSERT INTO "WorkItems" ("Title", "AssignedByUnitId", "LeadUnitId", "Recurrence", "RecurDay", "RecurMonth", "PeriodStart", "PeriodEnd", "CreatedAtUtc", "SearchText")
SELECT 'Nhiệm vụ thử nghiệm số ' || g, snv.id, communes.ids[1 + (g % cardinality(communes.ids))], 0, 1, 1,
       date '2024-01-01', date '2024-01-01' + (g % 1095), now(), 'nhiem vu thu nghiem so ' || g
FROM generate_series(1, :tasks) g, communes, snv;
INSERT INTO "WorkItemDeadlines" ("WorkItemId", "LeadUnitId", "AssignedByUnitId", "DueOn", "OriginalDueOn", "CompletedOn", "Progress", "LastUpdatedAtUtc")
SELECT "Id", "LeadUnitId", "AssignedByUnitId", "PeriodEnd", "PeriodEnd",
       CASE WHEN "Id" % 4 = 0 THEN NULL WHEN "Id" % 4 = 1 THEN "PeriodEnd" + 3 ELSE "PeriodEnd" - 2 END,
       CASE WHEN "Id" % 4 = 0 THEN ("Id" % 90) ELSE 100 END, now() - ("Id" % 40) * interval '1 day'
FROM "WorkItems" WHERE "Title" LIKE 'Nhiệm vụ thử nghiệm số %';
ANALYZE;
