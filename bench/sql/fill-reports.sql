-- Fills the report slots of every open period (bench/run.sh fallback, after the periods were opened through the API):
-- nine slots in ten submitted (a third of them accepted), one in seven of those late; a figure for every indicator
-- that is not computed, consistent with the regime's "not above" rules (a later indicator of a chain is smaller).
UPDATE "ReportSubmissions" s
SET "Status" = CASE WHEN s."Id" % 3 = 0 THEN 4 ELSE 2 END, "Version" = 1, "SubmittedBy" = 'bench',
    "SubmittedAtUtc" = (p."DueOn" - (s."Id" % 10) + CASE WHEN s."Id" % 7 = 0 THEN 12 ELSE 0 END)::timestamp AT TIME ZONE 'UTC',
    "UpdatedAtUtc" = now()
FROM "ReportPeriods" p
WHERE p."Id" = s."PeriodId" AND s."Status" = 1 AND s."Id" % 10 <> 0;
INSERT INTO "ReportValues" ("SubmissionId", "IndicatorId", "Value", "Source")
SELECT s."Id", i."Id", CASE WHEN i."Aggregation" = 2 THEN 70 + s."Id" % 30 ELSE 60 + s."Id" % 17 - i."Id" END, 1
FROM "ReportSubmissions" s
JOIN "ReportPeriods" p ON p."Id" = s."PeriodId"
JOIN "ReportIndicators" i ON i."RegimeId" = p."RegimeId"
WHERE s."Status" IN (2, 4) AND i."Aggregation" <> 3
ON CONFLICT DO NOTHING;
ANALYZE;
