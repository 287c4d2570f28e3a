-- 0008: plan cascade: a plan may oblige subordinate units to adopt their own plan; child plans inherit targets.
-- Hand-written (ADD COLUMN keeps existing rows; NOT NULL columns get a default for them).
ALTER TABLE "Plans" ADD COLUMN "ParentPlanId" INTEGER NULL CONSTRAINT "FK_Plans_Plans_ParentPlanId" REFERENCES "Plans" ("Id") ON DELETE RESTRICT;
ALTER TABLE "Plans" ADD COLUMN "RequiresAdoption" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Plans" ADD COLUMN "AdoptionDueOn" TEXT NULL;
ALTER TABLE "Plans" ADD COLUMN "AdoptionKinds" TEXT NULL;
CREATE INDEX "IX_Plans_ParentPlanId" ON "Plans" ("ParentPlanId");

ALTER TABLE "PlanTargets" ADD COLUMN "InheritedFromTargetId" INTEGER NULL;
ALTER TABLE "PlanTargets" ADD COLUMN "DroppedReason" TEXT NULL;
