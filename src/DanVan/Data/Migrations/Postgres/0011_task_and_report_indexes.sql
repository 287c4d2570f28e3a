-- 0011: the assigning unit copied onto each deadline (as LeadUnitId already is), so that "deadlines a user may see"
-- (led, assigned or coordinated within their scope) is one indexed condition instead of a join through WorkItems
-- (bench: GET /api/tasks of a coordinator at 500,000 tasks).

ALTER TABLE "WorkItemDeadlines" ADD COLUMN "AssignedByUnitId" integer NOT NULL DEFAULT 0;

UPDATE "WorkItemDeadlines" AS d SET "AssignedByUnitId" = w."AssignedByUnitId"
FROM "WorkItems" AS w WHERE w."Id" = d."WorkItemId";

ALTER TABLE "WorkItemDeadlines" ALTER COLUMN "AssignedByUnitId" DROP DEFAULT;

CREATE INDEX "IX_WorkItemDeadlines_AssignedByUnitId_DueOn" ON "WorkItemDeadlines" ("AssignedByUnitId", "DueOn");

-- A report slot's path is matched with LIKE 'prefix%' (a subtree's reports): under a non-C collation only the pattern
-- operator class lets the index serve it (bench: the roll-up's trend read every slot of six periods).
DROP INDEX "IX_ReportSubmissions_PeriodId_UnitPath";
CREATE INDEX "IX_ReportSubmissions_PeriodId_UnitPath" ON "ReportSubmissions" ("PeriodId", "UnitPath" text_pattern_ops);
