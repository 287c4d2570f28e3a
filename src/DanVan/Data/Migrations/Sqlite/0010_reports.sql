-- Issue 5: report regimes, periods, submissions (figures, narrative, versions, attachments).

CREATE TABLE "ReportRegimes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportRegimes" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "LegalBasis" TEXT NULL,
    "Frequency" INTEGER NOT NULL,
    "ObligatedKinds" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL
);

CREATE TABLE "ReportDueRules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportDueRules" PRIMARY KEY AUTOINCREMENT,
    "RegimeId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "DueDay" INTEGER NOT NULL,
    "DueMonth" INTEGER NOT NULL,
    "CutoffDay" INTEGER NOT NULL,
    "CutoffMonth" INTEGER NOT NULL,
    CONSTRAINT "FK_ReportDueRules_ReportRegimes_RegimeId" FOREIGN KEY ("RegimeId") REFERENCES "ReportRegimes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReportIndicators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportIndicators" PRIMARY KEY AUTOINCREMENT,
    "RegimeId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    "Group" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "Aggregation" INTEGER NOT NULL,
    "NumeratorCode" TEXT NULL,
    "DenominatorCode" TEXT NULL,
    "NotAboveCode" TEXT NULL,
    "Prefill" INTEGER NOT NULL,
    CONSTRAINT "FK_ReportIndicators_ReportRegimes_RegimeId" FOREIGN KEY ("RegimeId") REFERENCES "ReportRegimes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReportPeriods" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportPeriods" PRIMARY KEY AUTOINCREMENT,
    "RegimeId" INTEGER NOT NULL,
    "OwnerUnitId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Label" TEXT NOT NULL,
    "StartOn" TEXT NOT NULL,
    "CutoffOn" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "OpenedAtUtc" TEXT NOT NULL,
    "ClosedAtUtc" TEXT NULL,
    CONSTRAINT "FK_ReportPeriods_OrgUnits_OwnerUnitId" FOREIGN KEY ("OwnerUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ReportPeriods_ReportRegimes_RegimeId" FOREIGN KEY ("RegimeId") REFERENCES "ReportRegimes" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ReportSections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportSections" PRIMARY KEY AUTOINCREMENT,
    "RegimeId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Guidance" TEXT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "FK_ReportSections_ReportRegimes_RegimeId" FOREIGN KEY ("RegimeId") REFERENCES "ReportRegimes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReportSubmissions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportSubmissions" PRIMARY KEY AUTOINCREMENT,
    "PeriodId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "UnitPath" TEXT NOT NULL,
    "ProvinceId" INTEGER NOT NULL,
    "ReceiverUnitId" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "SubmittedAtUtc" TEXT NULL,
    "SubmittedBy" TEXT NULL,
    "DecidedAtUtc" TEXT NULL,
    "DecidedBy" TEXT NULL,
    "ReturnComment" TEXT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_ReportSubmissions_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ReportSubmissions_ReportPeriods_PeriodId" FOREIGN KEY ("PeriodId") REFERENCES "ReportPeriods" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReportAttachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportAttachments" PRIMARY KEY AUTOINCREMENT,
    "SubmissionId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "Size" INTEGER NOT NULL,
    "UploadedAtUtc" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    CONSTRAINT "FK_ReportAttachments_ReportSubmissions_SubmissionId" FOREIGN KEY ("SubmissionId") REFERENCES "ReportSubmissions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReportNarratives" (
    "SubmissionId" INTEGER NOT NULL,
    "SectionId" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    CONSTRAINT "PK_ReportNarratives" PRIMARY KEY ("SubmissionId", "SectionId"),
    CONSTRAINT "FK_ReportNarratives_ReportSections_SectionId" FOREIGN KEY ("SectionId") REFERENCES "ReportSections" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ReportNarratives_ReportSubmissions_SubmissionId" FOREIGN KEY ("SubmissionId") REFERENCES "ReportSubmissions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReportValues" (
    "SubmissionId" INTEGER NOT NULL,
    "PeriodId" INTEGER NOT NULL,
    "IndicatorId" INTEGER NOT NULL,
    "Value" REAL NULL,
    "Source" INTEGER NOT NULL,
    "PrefilledValue" REAL NULL,
    "Provenance" TEXT NULL,
    "OverrideReason" TEXT NULL,
    CONSTRAINT "PK_ReportValues" PRIMARY KEY ("SubmissionId", "IndicatorId"),
    CONSTRAINT "FK_ReportValues_ReportIndicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "ReportIndicators" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ReportValues_ReportSubmissions_SubmissionId" FOREIGN KEY ("SubmissionId") REFERENCES "ReportSubmissions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReportVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportVersions" PRIMARY KEY AUTOINCREMENT,
    "SubmissionId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "SubmittedAtUtc" TEXT NOT NULL,
    "SubmittedBy" TEXT NOT NULL,
    "ValuesJson" TEXT NOT NULL,
    "NarrativeJson" TEXT NOT NULL,
    "Decision" INTEGER NULL,
    "DecisionComment" TEXT NULL,
    "DecidedAtUtc" TEXT NULL,
    CONSTRAINT "FK_ReportVersions_ReportSubmissions_SubmissionId" FOREIGN KEY ("SubmissionId") REFERENCES "ReportSubmissions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ReportAttachments_SubmissionId" ON "ReportAttachments" ("SubmissionId");

CREATE UNIQUE INDEX "IX_ReportDueRules_RegimeId_Kind" ON "ReportDueRules" ("RegimeId", "Kind");

CREATE UNIQUE INDEX "IX_ReportIndicators_RegimeId_Code" ON "ReportIndicators" ("RegimeId", "Code");

CREATE INDEX "IX_ReportNarratives_SectionId" ON "ReportNarratives" ("SectionId");

CREATE UNIQUE INDEX "IX_ReportPeriods_OwnerUnitId_RegimeId_Kind_Year" ON "ReportPeriods" ("OwnerUnitId", "RegimeId", "Kind", "Year");

CREATE INDEX "IX_ReportPeriods_RegimeId_Year" ON "ReportPeriods" ("RegimeId", "Year");

CREATE UNIQUE INDEX "IX_ReportRegimes_Code" ON "ReportRegimes" ("Code");

CREATE UNIQUE INDEX "IX_ReportSections_RegimeId_Code" ON "ReportSections" ("RegimeId", "Code");

CREATE INDEX "IX_ReportSubmissions_PeriodId_ProvinceId" ON "ReportSubmissions" ("PeriodId", "ProvinceId");

CREATE INDEX "IX_ReportSubmissions_PeriodId_Status" ON "ReportSubmissions" ("PeriodId", "Status");

CREATE UNIQUE INDEX "IX_ReportSubmissions_PeriodId_UnitId" ON "ReportSubmissions" ("PeriodId", "UnitId");

CREATE INDEX "IX_ReportSubmissions_PeriodId_UnitPath" ON "ReportSubmissions" ("PeriodId", "UnitPath");

CREATE INDEX "IX_ReportSubmissions_UnitId_Status" ON "ReportSubmissions" ("UnitId", "Status");

CREATE INDEX "IX_ReportValues_IndicatorId" ON "ReportValues" ("IndicatorId");

CREATE INDEX "IX_ReportValues_PeriodId_IndicatorId" ON "ReportValues" ("PeriodId", "IndicatorId");

CREATE UNIQUE INDEX "IX_ReportVersions_SubmissionId_Version" ON "ReportVersions" ("SubmissionId", "Version");
