-- 0008: plan cascade: a plan may oblige subordinate units to adopt their own plan; child plans inherit targets.
-- Hand-written (ADD COLUMN keeps existing rows; NOT NULL columns get a default for them).
ALTER TABLE "Plans" ADD COLUMN "ParentPlanId" integer;
ALTER TABLE "Plans" ADD COLUMN "RequiresAdoption" boolean NOT NULL DEFAULT FALSE;
ALTER TABLE "Plans" ADD COLUMN "AdoptionDueOn" date;
ALTER TABLE "Plans" ADD COLUMN "AdoptionKinds" character varying(300);
ALTER TABLE "Plans" ADD CONSTRAINT "FK_Plans_Plans_ParentPlanId" FOREIGN KEY ("ParentPlanId") REFERENCES "Plans" ("Id") ON DELETE RESTRICT;
CREATE INDEX "IX_Plans_ParentPlanId" ON "Plans" ("ParentPlanId");

ALTER TABLE "PlanTargets" ADD COLUMN "InheritedFromTargetId" integer;
ALTER TABLE "PlanTargets" ADD COLUMN "DroppedReason" character varying(500);
