-- 0015: periodic reports an official can trust (issue 12): required figures and outline parts per regime, an optional
-- approval by the unit head before a report reaches the receiving unit, a period's due date extended for all units or
-- for one (history kept), reminders sent to units that have not submitted.
-- (Notifications that are not the daily digest use the "Source" column of 0014.)

ALTER TABLE "ReportRegimes" ADD COLUMN "RequiresHeadApproval" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ReportIndicators" ADD COLUMN "IsRequired" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ReportSections" ADD COLUMN "IsRequired" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "ReportSubmissions" ADD COLUMN "OwnDueOn" TEXT NULL;
ALTER TABLE "ReportSubmissions" ADD COLUMN "ApprovedBy" TEXT NULL;
ALTER TABLE "ReportSubmissions" ADD COLUMN "ApprovedAtUtc" TEXT NULL;
ALTER TABLE "ReportVersions" ADD COLUMN "DecidedBy" TEXT NULL;
ALTER TABLE "ReportVersions" ADD COLUMN "ApprovedBy" TEXT NULL;
ALTER TABLE "ReportVersions" ADD COLUMN "ApprovedAtUtc" TEXT NULL;

-- The default regime's required items (a fresh database gets them from the seed).
UPDATE "ReportIndicators" SET "IsRequired" = 1
WHERE "Code" IN ('TCD_DINHKY', 'DON_NHAN', 'DT_CUOC') AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
UPDATE "ReportSections" SET "IsRequired" = 1
WHERE "Code" IN ('I', 'III') AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');

CREATE TABLE "ReportDueChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportDueChanges" PRIMARY KEY AUTOINCREMENT,
    "PeriodId" INTEGER NOT NULL,
    "SubmissionId" INTEGER NULL,
    "PreviousDueOn" TEXT NOT NULL,
    "NewDueOn" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "ChangedBy" TEXT NOT NULL,
    "ChangedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_ReportDueChanges_ReportPeriods_PeriodId" FOREIGN KEY ("PeriodId") REFERENCES "ReportPeriods" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ReportDueChanges_ReportSubmissions_SubmissionId" FOREIGN KEY ("SubmissionId") REFERENCES "ReportSubmissions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ReportDueChanges_PeriodId_ChangedAtUtc" ON "ReportDueChanges" ("PeriodId", "ChangedAtUtc");
CREATE INDEX "IX_ReportDueChanges_SubmissionId" ON "ReportDueChanges" ("SubmissionId");

CREATE TABLE "ReportReminders" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportReminders" PRIMARY KEY AUTOINCREMENT,
    "PeriodId" INTEGER NOT NULL,
    "Units" INTEGER NOT NULL,
    "Recipients" INTEGER NOT NULL,
    "SentBy" TEXT NOT NULL,
    "SentAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_ReportReminders_ReportPeriods_PeriodId" FOREIGN KEY ("PeriodId") REFERENCES "ReportPeriods" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ReportReminders_PeriodId_SentAtUtc" ON "ReportReminders" ("PeriodId", "SentAtUtc");

-- A head's reports waiting for approval are found by unit and status (IX_ReportSubmissions_UnitId_Status exists).
