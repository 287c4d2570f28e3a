-- 0018: the default regime's petition figures are pre-filled from the case register (Features/Cases/CaseMeasures)
-- instead of being typed by hand. Only indicators still without a measure are changed: a province that bound them to
-- something else keeps its choice.
UPDATE "ReportIndicators" SET "MeasureCode" = 'don-nhan'
 WHERE "Code" = 'DON_NHAN' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
UPDATE "ReportIndicators" SET "MeasureCode" = 'don-thuoc-tham-quyen'
 WHERE "Code" = 'DON_TQ' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
UPDATE "ReportIndicators" SET "MeasureCode" = 'don-da-giai-quyet'
 WHERE "Code" = 'DON_GQ' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
UPDATE "ReportIndicators" SET "MeasureCode" = 'don-giai-quyet-dung-han'
 WHERE "Code" = 'DON_DUNGHAN' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
