-- 0017: report indicators are pre-filled from named measures (Features/Shared/Measures: each capability offers its
-- own), not from a list of task-only cases.
ALTER TABLE "ReportIndicators" ADD COLUMN "MeasureCode" character varying(60) NULL;
UPDATE "ReportIndicators" SET "MeasureCode" = 'nhiem-vu-den-han' WHERE "Prefill" = 1;
UPDATE "ReportIndicators" SET "MeasureCode" = 'nhiem-vu-dung-han' WHERE "Prefill" = 2;
ALTER TABLE "ReportIndicators" DROP COLUMN "Prefill";
