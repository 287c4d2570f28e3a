-- 0011: the assigning unit copied onto each deadline (as LeadUnitId already is), so that "deadlines a user may see"
-- (led, assigned or coordinated within their scope) is one indexed condition instead of a join through WorkItems.

ALTER TABLE "WorkItemDeadlines" ADD COLUMN "AssignedByUnitId" INTEGER NOT NULL DEFAULT 0;

UPDATE "WorkItemDeadlines" SET "AssignedByUnitId" = (
    SELECT w."AssignedByUnitId" FROM "WorkItems" AS w WHERE w."Id" = "WorkItemDeadlines"."WorkItemId");

CREATE INDEX "IX_WorkItemDeadlines_AssignedByUnitId_DueOn" ON "WorkItemDeadlines" ("AssignedByUnitId", "DueOn");
