-- 0027: scoring and ranking of units' dân vận work (issue 16, ADR-021): frameworks as data (one per province and
-- version, criteria with their maximum, how each is scored — entered or measured from DanVan's records through a step
-- table —, evidence, bonus and penalty caps, disqualifiers, grade bands), the year's round of a province, every unit's
-- sheet with its lines (measured, self, appraised points and the reason of a change), evidence files, and the
-- commendation titles with their quotas and the proposals of a dossier (one subject, one form, one year).

CREATE TABLE "ScoringFrameworks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ScoringFrameworks" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "ProvinceCode" TEXT NULL,
    "LegalBasis" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL,
    "AppliesToKinds" TEXT NOT NULL,
    "BonusCap" REAL NOT NULL,
    "PenaltyCap" REAL NOT NULL,
    "Bands" TEXT NOT NULL,
    "Note" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL
);

CREATE TABLE "ScoringCriteria" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ScoringCriteria" PRIMARY KEY AUTOINCREMENT,
    "FrameworkId" INTEGER NOT NULL,
    "ParentId" INTEGER NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "MaxPoints" REAL NOT NULL,
    "Method" INTEGER NOT NULL,
    "MeasureCode" TEXT NULL,
    "DenominatorCode" TEXT NULL,
    "Steps" TEXT NULL,
    "NoneScoresFull" INTEGER NOT NULL,
    "EvidenceRequired" INTEGER NOT NULL,
    "Guidance" TEXT NULL,
    CONSTRAINT "FK_ScoringCriteria_ScoringFrameworks_FrameworkId" FOREIGN KEY ("FrameworkId") REFERENCES "ScoringFrameworks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ScoringCriteria_ScoringCriteria_ParentId" FOREIGN KEY ("ParentId") REFERENCES "ScoringCriteria" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ScoringRounds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ScoringRounds" PRIMARY KEY AUTOINCREMENT,
    "FrameworkId" INTEGER NOT NULL,
    "ProvinceUnitId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "PeriodFrom" TEXT NOT NULL,
    "PeriodTo" TEXT NOT NULL,
    "SelfFrom" TEXT NOT NULL,
    "SelfDue" TEXT NOT NULL,
    "ObjectionDays" INTEGER NOT NULL,
    "AppraisalOn" TEXT NOT NULL,
    "State" INTEGER NOT NULL,
    "OpenedBy" TEXT NOT NULL,
    "OpenedAtUtc" TEXT NOT NULL,
    "MeasuredAtUtc" TEXT NULL,
    "PublishedAtUtc" TEXT NULL,
    "PublishedBy" TEXT NULL,
    CONSTRAINT "FK_ScoringRounds_ScoringFrameworks_FrameworkId" FOREIGN KEY ("FrameworkId") REFERENCES "ScoringFrameworks" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ScoringRounds_OrgUnits_ProvinceUnitId" FOREIGN KEY ("ProvinceUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ScoreSheets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ScoreSheets" PRIMARY KEY AUTOINCREMENT,
    "RoundId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "UnitPath" TEXT NOT NULL,
    "Group" INTEGER NOT NULL,
    "State" INTEGER NOT NULL,
    "Explanation" TEXT NULL,
    "SelfTotal" REAL NOT NULL,
    "AppraisedTotal" REAL NULL,
    "FinalTotal" REAL NULL,
    "Grade" TEXT NULL,
    "Disqualified" INTEGER NOT NULL,
    "SubmittedAtUtc" TEXT NULL,
    "SubmittedBy" TEXT NULL,
    "AppraisedAtUtc" TEXT NULL,
    "AppraisedBy" TEXT NULL,
    "ObjectionText" TEXT NULL,
    "ObjectedAtUtc" TEXT NULL,
    "ObjectedBy" TEXT NULL,
    "DecisionText" TEXT NULL,
    "DecidedAtUtc" TEXT NULL,
    "DecidedBy" TEXT NULL,
    "MeasuredAtUtc" TEXT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_ScoreSheets_ScoringRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "ScoringRounds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ScoreSheets_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ScoreLines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ScoreLines" PRIMARY KEY AUTOINCREMENT,
    "SheetId" INTEGER NOT NULL,
    "CriterionId" INTEGER NOT NULL,
    "MeasuredValue" REAL NULL,
    "Provenance" TEXT NULL,
    "SelfPoints" REAL NULL,
    "Note" TEXT NULL,
    "AppraisedPoints" REAL NULL,
    "AppraisalReason" TEXT NULL,
    CONSTRAINT "FK_ScoreLines_ScoreSheets_SheetId" FOREIGN KEY ("SheetId") REFERENCES "ScoreSheets" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ScoreLines_ScoringCriteria_CriterionId" FOREIGN KEY ("CriterionId") REFERENCES "ScoringCriteria" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ScoreEvidence" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ScoreEvidence" PRIMARY KEY AUTOINCREMENT,
    "LineId" INTEGER NOT NULL,
    "SheetId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Content" BLOB NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploadedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_ScoreEvidence_ScoreLines_LineId" FOREIGN KEY ("LineId") REFERENCES "ScoreLines" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CommendationTitles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CommendationTitles" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Form" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "QuotaCollectives" INTEGER NOT NULL,
    "QuotaIndividuals" INTEGER NOT NULL,
    "LegalBasis" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL
);

CREATE TABLE "CommendationProposals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CommendationProposals" PRIMARY KEY AUTOINCREMENT,
    "RoundId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "TitleId" INTEGER NOT NULL,
    "Form" TEXT NOT NULL,
    "SubjectKey" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "PersonName" TEXT NULL,
    "PersonPosition" TEXT NULL,
    "Achievements" TEXT NOT NULL,
    "ProposedBy" TEXT NOT NULL,
    "ProposedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_CommendationProposals_ScoringRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "ScoringRounds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CommendationProposals_CommendationTitles_TitleId" FOREIGN KEY ("TitleId") REFERENCES "CommendationTitles" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CommendationProposals_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_ScoringFrameworks_Code_Version" ON "ScoringFrameworks" ("Code", "Version");
CREATE UNIQUE INDEX "IX_ScoringCriteria_FrameworkId_Code" ON "ScoringCriteria" ("FrameworkId", "Code");
CREATE INDEX "IX_ScoringCriteria_ParentId" ON "ScoringCriteria" ("ParentId");
CREATE UNIQUE INDEX "IX_ScoringRounds_ProvinceUnitId_Year_FrameworkId" ON "ScoringRounds" ("ProvinceUnitId", "Year", "FrameworkId");
CREATE INDEX "IX_ScoringRounds_FrameworkId" ON "ScoringRounds" ("FrameworkId");
CREATE UNIQUE INDEX "IX_ScoreSheets_RoundId_UnitId" ON "ScoreSheets" ("RoundId", "UnitId");
CREATE INDEX "IX_ScoreSheets_RoundId_Group_FinalTotal" ON "ScoreSheets" ("RoundId", "Group", "FinalTotal");
CREATE INDEX "IX_ScoreSheets_RoundId_State" ON "ScoreSheets" ("RoundId", "State");
CREATE INDEX "IX_ScoreSheets_UnitId_RoundId" ON "ScoreSheets" ("UnitId", "RoundId");
CREATE UNIQUE INDEX "IX_ScoreLines_SheetId_CriterionId" ON "ScoreLines" ("SheetId", "CriterionId");
CREATE INDEX "IX_ScoreLines_CriterionId" ON "ScoreLines" ("CriterionId");
CREATE INDEX "IX_ScoreEvidence_LineId" ON "ScoreEvidence" ("LineId");
CREATE INDEX "IX_ScoreEvidence_SheetId" ON "ScoreEvidence" ("SheetId");
CREATE UNIQUE INDEX "IX_CommendationTitles_Code_ValidFrom" ON "CommendationTitles" ("Code", "ValidFrom");
CREATE UNIQUE INDEX "IX_CommendationProposals_Year_SubjectKey_Form" ON "CommendationProposals" ("Year", "SubjectKey", "Form");
CREATE INDEX "IX_CommendationProposals_RoundId_TitleId" ON "CommendationProposals" ("RoundId", "TitleId");
CREATE INDEX "IX_CommendationProposals_TitleId" ON "CommendationProposals" ("TitleId");
CREATE INDEX "IX_CommendationProposals_UnitId" ON "CommendationProposals" ("UnitId");
