-- 0019: "Dân vận khéo" models and exemplars (issue 15): the registration with its nine entries, its milestones, each
-- dated step of its lifecycle with the evidence of progress reports, and the fields and recognition levels as data.
-- The default regime's model indicators are pre-filled from the models' measures (Features/Models/ModelMeasures).

CREATE TABLE "MobilizationModels" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MobilizationModels" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "RegisteredWithUnitId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Subject" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "FieldCode" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Situation" TEXT NOT NULL,
    "Objectives" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "AreaAndTargets" TEXT NOT NULL,
    "Forces" TEXT NOT NULL,
    "Resources" TEXT NOT NULL,
    "StartOn" TEXT NOT NULL,
    "EvaluationOn" TEXT NOT NULL,
    "Outputs" TEXT NOT NULL,
    "Sustainability" TEXT NOT NULL,
    "State" INTEGER NOT NULL,
    "RegisteredOn" TEXT NOT NULL,
    "ApprovedOn" TEXT NULL,
    "LaunchedOn" TEXT NULL,
    "LevelCode" TEXT NULL,
    "RecognisedOn" TEXT NULL,
    "RecognisedByUnitId" INTEGER NULL,
    "RemovedOn" TEXT NULL,
    "ReplicatedFromId" INTEGER NULL,
    "SearchText" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_MobilizationModels_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MobilizationModels_OrgUnits_RegisteredWithUnitId" FOREIGN KEY ("RegisteredWithUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ModelMilestones" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ModelMilestones" PRIMARY KEY AUTOINCREMENT,
    "ModelId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "DoneOn" TEXT NULL,
    CONSTRAINT "FK_ModelMilestones_MobilizationModels_ModelId" FOREIGN KEY ("ModelId") REFERENCES "MobilizationModels" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ModelSteps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ModelSteps" PRIMARY KEY AUTOINCREMENT,
    "ModelId" INTEGER NOT NULL,
    "Action" INTEGER NOT NULL,
    "On" TEXT NOT NULL,
    "Note" TEXT NULL,
    "Score" INTEGER NULL,
    "LevelCode" TEXT NULL,
    "MilestoneId" INTEGER NULL,
    "RelatedModelId" INTEGER NULL,
    "StateAfter" INTEGER NOT NULL,
    "ByUnitId" INTEGER NOT NULL,
    "ByUserName" TEXT NOT NULL,
    "AtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_ModelSteps_MobilizationModels_ModelId" FOREIGN KEY ("ModelId") REFERENCES "MobilizationModels" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ModelEvidence" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ModelEvidence" PRIMARY KEY AUTOINCREMENT,
    "StepId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Content" BLOB NOT NULL,
    CONSTRAINT "FK_ModelEvidence_ModelSteps_StepId" FOREIGN KEY ("StepId") REFERENCES "ModelSteps" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ModelFields" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ModelFields" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "LegalBasis" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL
);

CREATE TABLE "RecognitionLevels" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RecognitionLevels" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Rank" INTEGER NOT NULL,
    "LegalBasis" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL
);

CREATE INDEX "IX_MobilizationModels_UnitId_RegisteredOn" ON "MobilizationModels" ("UnitId", "RegisteredOn");
CREATE INDEX "IX_MobilizationModels_UnitId_State" ON "MobilizationModels" ("UnitId", "State");
CREATE INDEX "IX_MobilizationModels_RegisteredWithUnitId_State" ON "MobilizationModels" ("RegisteredWithUnitId", "State");
CREATE INDEX "IX_MobilizationModels_Year_State" ON "MobilizationModels" ("Year", "State");
CREATE INDEX "IX_MobilizationModels_State_RecognisedOn" ON "MobilizationModels" ("State", "RecognisedOn");
CREATE INDEX "IX_MobilizationModels_ReplicatedFromId" ON "MobilizationModels" ("ReplicatedFromId");
CREATE UNIQUE INDEX "IX_ModelMilestones_ModelId_Order" ON "ModelMilestones" ("ModelId", "Order");
CREATE INDEX "IX_ModelSteps_ModelId_Id" ON "ModelSteps" ("ModelId", "Id");
CREATE INDEX "IX_ModelEvidence_StepId" ON "ModelEvidence" ("StepId");
CREATE UNIQUE INDEX "IX_ModelFields_Code_ValidFrom" ON "ModelFields" ("Code", "ValidFrom");
CREATE UNIQUE INDEX "IX_RecognitionLevels_Code_ValidFrom" ON "RecognitionLevels" ("Code", "ValidFrom");

-- Existing installations: the default regime's model indicators come from the models' measures, and it gains the
-- replicated and still-active counts right after MH_CONGNHAN, as DefaultRegime lists them.
UPDATE "ReportIndicators" SET "MeasureCode" = 'mo-hinh-dang-ky'
WHERE "Code" = 'MH_DANGKY' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
UPDATE "ReportIndicators" SET "MeasureCode" = 'mo-hinh-cong-nhan'
WHERE "Code" = 'MH_CONGNHAN' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
UPDATE "ReportIndicators" SET "Order" = "Order" + 2
WHERE "RegimeId" IN (SELECT r."Id" FROM "ReportRegimes" r WHERE r."Code" = 'DVCQ')
  AND "RegimeId" NOT IN (SELECT x."RegimeId" FROM "ReportIndicators" x WHERE x."Code" = 'MH_NHANRONG')
  AND "Order" > (SELECT c."Order" FROM "ReportIndicators" c WHERE c."RegimeId" = "ReportIndicators"."RegimeId" AND c."Code" = 'MH_CONGNHAN');
INSERT INTO "ReportIndicators" ("RegimeId", "Code", "Name", "Unit", "Group", "Order", "Aggregation", "IsRequired", "MeasureCode")
SELECT c."RegimeId", n."Code", n."Name", 'mô hình', c."Group", c."Order" + n."Offset", c."Aggregation", 0, n."MeasureCode"
FROM "ReportIndicators" c
CROSS JOIN (SELECT 'MH_NHANRONG' AS "Code", 'Mô hình “Dân vận khéo” nhân rộng từ đơn vị khác' AS "Name", 1 AS "Offset", 'mo-hinh-nhan-rong' AS "MeasureCode"
            UNION ALL SELECT 'MH_HIEUQUA', 'Mô hình “Dân vận khéo” còn duy trì, hiệu quả', 2, 'mo-hinh-con-hieu-qua') n
WHERE c."Code" = 'MH_CONGNHAN' AND c."RegimeId" IN (SELECT r."Id" FROM "ReportRegimes" r WHERE r."Code" = 'DVCQ')
  AND NOT EXISTS (SELECT 1 FROM "ReportIndicators" x WHERE x."RegimeId" = c."RegimeId" AND x."Code" = n."Code");
