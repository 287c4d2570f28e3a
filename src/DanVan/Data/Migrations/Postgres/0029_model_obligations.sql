-- 0029: a task can oblige its lead unit to register at least N "Dân vận khéo" models of a year (issue 15, ADR-015):
-- the unit's registrations fulfil the deadline, which keeps the model that did it. The compliance view lists the
-- obliged units of a province and year through the filtered index.
ALTER TABLE "WorkItems" ADD COLUMN "ModelQuota" integer NULL;
ALTER TABLE "WorkItems" ADD COLUMN "ModelYear" integer NULL;
ALTER TABLE "WorkItemDeadlines" ADD COLUMN "FulfilledByModelId" integer NULL;
CREATE INDEX "IX_WorkItems_ModelObligations" ON "WorkItems" ("ModelYear", "LeadUnitId") WHERE "ModelQuota" IS NOT NULL;
