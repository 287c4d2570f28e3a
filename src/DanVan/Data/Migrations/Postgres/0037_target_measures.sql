-- 0037: a plan's numeric target linked to the measure that tracks it (issue 18, ADR-028): one measure ("4 cuộc đối
-- thoại") or the ratio of two ("đơn giải quyết đúng hạn ÷ đơn đã giải quyết"), by the codes every capability offers;
-- and the tasks meant to close its gap, one link per (target, task).
ALTER TABLE "PlanTargets" ADD COLUMN "MeasureCode" character varying(60);
ALTER TABLE "PlanTargets" ADD COLUMN "DenominatorCode" character varying(60);
CREATE INDEX "IX_PlanTargets_MeasureCode" ON "PlanTargets" ("MeasureCode");

CREATE TABLE "PlanTargetTasks" (
    "PlanTargetId" integer NOT NULL,
    "WorkItemId" integer NOT NULL,
    "LinkedByUserName" character varying(256) NOT NULL,
    "LinkedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_PlanTargetTasks" PRIMARY KEY ("PlanTargetId", "WorkItemId"),
    CONSTRAINT "FK_PlanTargetTasks_PlanTargets_PlanTargetId" FOREIGN KEY ("PlanTargetId") REFERENCES "PlanTargets" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PlanTargetTasks_WorkItems_WorkItemId" FOREIGN KEY ("WorkItemId") REFERENCES "WorkItems" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_PlanTargetTasks_WorkItemId" ON "PlanTargetTasks" ("WorkItemId");
