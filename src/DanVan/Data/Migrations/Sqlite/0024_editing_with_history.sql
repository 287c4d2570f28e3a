-- 0024: editing with history, withdrawal and deletion (issue 12, ADR-019). Documents, plans, their targets and tasks
-- carry a version number (the concurrency token a form carries back) and their withdrawal (thu hồi: when, by whom,
-- why). Every previous version is kept whole, as JSON, in "RecordVersions" with who replaced it, when and why.
ALTER TABLE "Documents" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Documents" ADD COLUMN "WithdrawnAtUtc" TEXT NULL;
ALTER TABLE "Documents" ADD COLUMN "WithdrawnBy" TEXT NULL;
ALTER TABLE "Documents" ADD COLUMN "WithdrawnReason" TEXT NULL;

ALTER TABLE "Plans" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Plans" ADD COLUMN "WithdrawnAtUtc" TEXT NULL;
ALTER TABLE "Plans" ADD COLUMN "WithdrawnBy" TEXT NULL;
ALTER TABLE "Plans" ADD COLUMN "WithdrawnReason" TEXT NULL;

ALTER TABLE "PlanTargets" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "PlanTargets" ADD COLUMN "WithdrawnAtUtc" TEXT NULL;
ALTER TABLE "PlanTargets" ADD COLUMN "WithdrawnBy" TEXT NULL;
ALTER TABLE "PlanTargets" ADD COLUMN "WithdrawnReason" TEXT NULL;

ALTER TABLE "WorkItems" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "WorkItems" ADD COLUMN "WithdrawnAtUtc" TEXT NULL;
ALTER TABLE "WorkItems" ADD COLUMN "WithdrawnBy" TEXT NULL;
ALTER TABLE "WorkItems" ADD COLUMN "WithdrawnReason" TEXT NULL;

-- Copied from the task when it is withdrawn: every list of deadlines skips it (the model's query filter).
ALTER TABLE "WorkItemDeadlines" ADD COLUMN "Withdrawn" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "RecordVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RecordVersions" PRIMARY KEY AUTOINCREMENT,
    "Kind" INTEGER NOT NULL,
    "RecordId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Snapshot" TEXT NOT NULL,
    "ReplacedAtUtc" TEXT NOT NULL,
    "ReplacedBy" TEXT NOT NULL,
    "Reason" TEXT NULL,
    CONSTRAINT "FK_RecordVersions_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);
-- A record's history, newest first, is one index range; a version is unique per record.
CREATE UNIQUE INDEX "IX_RecordVersions_Kind_RecordId_Version" ON "RecordVersions" ("Kind", "RecordId", "Version");
CREATE INDEX "IX_RecordVersions_UnitId" ON "RecordVersions" ("UnitId");
