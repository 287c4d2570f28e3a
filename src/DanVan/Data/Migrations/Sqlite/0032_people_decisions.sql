-- 0032: what the people discuss and decide directly (issue 18, Điều 15 Luật 10/2022/QH15): the kinds of matter with
-- their approval and quorum shares as data (basis, validity), and each vote of a community with households entitled,
-- present, for and against, the outcome computed and the threshold kept as it stood. DC_BAN is pre-filled from it.
CREATE TABLE "DecisionRules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DecisionRules" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ApprovalNumerator" INTEGER NOT NULL,
    "ApprovalDenominator" INTEGER NOT NULL,
    "ApprovalStrict" INTEGER NOT NULL,
    "QuorumNumerator" INTEGER NOT NULL,
    "QuorumDenominator" INTEGER NOT NULL,
    "QuorumStrict" INTEGER NOT NULL,
    "LegalBasis" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL
);
CREATE UNIQUE INDEX "IX_DecisionRules_Code_ValidFrom" ON "DecisionRules" ("Code", "ValidFrom");

CREATE TABLE "PeopleDecisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PeopleDecisions" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Community" TEXT NOT NULL,
    "RuleCode" TEXT NOT NULL,
    "Matter" TEXT NOT NULL,
    "Form" INTEGER NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Place" TEXT NULL,
    "HouseholdsEntitled" INTEGER NOT NULL,
    "HouseholdsPresent" INTEGER NOT NULL,
    "For" INTEGER NOT NULL,
    "Against" INTEGER NOT NULL,
    "Outcome" INTEGER NOT NULL,
    "ThresholdText" TEXT NOT NULL,
    "LegalBasis" TEXT NOT NULL,
    "ChairName" TEXT NULL,
    "SecretaryName" TEXT NULL,
    "Conclusion" TEXT NULL,
    "SearchText" TEXT NOT NULL,
    "RecordedByUserName" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_PeopleDecisions_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_PeopleDecisions_UnitId_HeldOn" ON "PeopleDecisions" ("UnitId", "HeldOn");

-- Existing installations: the default regime's people-decide figure comes from the register of votes.
UPDATE "ReportIndicators" SET "MeasureCode" = 'dan-ban-quyet-dinh'
WHERE "Code" = 'DC_BAN' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
