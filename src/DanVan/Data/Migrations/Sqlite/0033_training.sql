-- 0033: propaganda, briefing and training (issue 18): each unit's staff roster (who joined and left, so "100 % được
-- quán triệt" is counted over the staff of a day), its sessions (kind, documents covered, audience, attendees) and
-- which staff attended. TT_CUOC and TT_LUOT of the default regime are pre-filled from the sessions.
CREATE TABLE "StaffMembers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_StaffMembers" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "FullName" TEXT NOT NULL,
    "Position" TEXT NULL,
    "JoinedOn" TEXT NULL,
    "LeftOn" TEXT NULL,
    "SearchText" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_StaffMembers_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_StaffMembers_UnitId_FullName" ON "StaffMembers" ("UnitId", "FullName");

CREATE TABLE "TrainingSessions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TrainingSessions" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Place" TEXT NULL,
    "Audience" INTEGER NOT NULL,
    "AudienceSize" INTEGER NULL,
    "Attendees" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "SearchText" TEXT NOT NULL,
    "RecordedByUserName" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_TrainingSessions_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_TrainingSessions_UnitId_HeldOn" ON "TrainingSessions" ("UnitId", "HeldOn");

CREATE TABLE "TrainingSessionDocuments" (
    "SessionId" INTEGER NOT NULL,
    "DocumentId" INTEGER NOT NULL,
    CONSTRAINT "PK_TrainingSessionDocuments" PRIMARY KEY ("SessionId", "DocumentId"),
    CONSTRAINT "FK_TrainingSessionDocuments_TrainingSessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "TrainingSessions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TrainingSessionDocuments_Documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "Documents" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_TrainingSessionDocuments_DocumentId" ON "TrainingSessionDocuments" ("DocumentId");

CREATE TABLE "TrainingAttendances" (
    "SessionId" INTEGER NOT NULL,
    "StaffMemberId" INTEGER NOT NULL,
    CONSTRAINT "PK_TrainingAttendances" PRIMARY KEY ("SessionId", "StaffMemberId"),
    CONSTRAINT "FK_TrainingAttendances_TrainingSessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "TrainingSessions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TrainingAttendances_StaffMembers_StaffMemberId" FOREIGN KEY ("StaffMemberId") REFERENCES "StaffMembers" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_TrainingAttendances_StaffMemberId" ON "TrainingAttendances" ("StaffMemberId");

-- Existing installations: the default regime's propaganda figures come from the sessions.
UPDATE "ReportIndicators" SET "MeasureCode" = 'tuyen-truyen-cuoc'
WHERE "Code" = 'TT_CUOC' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
UPDATE "ReportIndicators" SET "MeasureCode" = 'tuyen-truyen-luot'
WHERE "Code" = 'TT_LUOT' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
