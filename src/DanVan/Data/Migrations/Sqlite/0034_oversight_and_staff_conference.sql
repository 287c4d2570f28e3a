-- 0034: the people supervise (issue 18, facts.md §3.4): Ban Thanh tra nhân dân and Ban Giám sát đầu tư của cộng đồng
-- of a unit with their members and their inspections and supervisions, the member-count bounds as data (basis,
-- validity); and the agencies' yearly Hội nghị cán bộ, công chức, viên chức (Điều 50 Luật 10/2022/QH15) with its due
-- TEXT as data. DC_GIAMSAT and DC_HNCB are pre-filled from them.
CREATE TABLE "OversightBoardRules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OversightBoardRules" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Scope" INTEGER NOT NULL,
    "MinMembers" INTEGER NULL,
    "MaxMembers" INTEGER NULL,
    "LegalBasis" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL
);
CREATE UNIQUE INDEX "IX_OversightBoardRules_Code_ValidFrom" ON "OversightBoardRules" ("Code", "ValidFrom");

CREATE TABLE "OversightBoards" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OversightBoards" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Project" TEXT NULL,
    "TermFrom" TEXT NOT NULL,
    "TermTo" TEXT NOT NULL,
    "MemberCount" INTEGER NOT NULL,
    "SearchText" TEXT NOT NULL,
    "RecordedByUserName" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_OversightBoards_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_OversightBoards_UnitId_TermFrom" ON "OversightBoards" ("UnitId", "TermFrom");
CREATE INDEX "IX_OversightBoards_TermFrom" ON "OversightBoards" ("TermFrom");

CREATE TABLE "OversightBoardMembers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OversightBoardMembers" PRIMARY KEY AUTOINCREMENT,
    "BoardId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Role" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_OversightBoardMembers_OversightBoards_BoardId" FOREIGN KEY ("BoardId") REFERENCES "OversightBoards" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_OversightBoardMembers_BoardId" ON "OversightBoardMembers" ("BoardId");

CREATE TABLE "OversightActivities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OversightActivities" PRIMARY KEY AUTOINCREMENT,
    "BoardId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "BoardKind" INTEGER NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Subject" TEXT NOT NULL,
    "Findings" TEXT NULL,
    "Recommendations" TEXT NULL,
    "RecommendationsSettled" INTEGER NOT NULL,
    "SearchText" TEXT NOT NULL,
    "RecordedByUserName" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_OversightActivities_OversightBoards_BoardId" FOREIGN KEY ("BoardId") REFERENCES "OversightBoards" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_OversightActivities_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_OversightActivities_BoardId_HeldOn" ON "OversightActivities" ("BoardId", "HeldOn");
CREATE INDEX "IX_OversightActivities_UnitId_HeldOn" ON "OversightActivities" ("UnitId", "HeldOn");

CREATE TABLE "StaffConferenceRules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_StaffConferenceRules" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "DueMonth" INTEGER NOT NULL,
    "DueDay" INTEGER NOT NULL,
    "PlenaryBelow" INTEGER NOT NULL,
    "LegalBasis" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL
);
CREATE UNIQUE INDEX "IX_StaffConferenceRules_Code_ValidFrom" ON "StaffConferenceRules" ("Code", "ValidFrom");

CREATE TABLE "StaffConferences" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_StaffConferences" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Attendees" INTEGER NOT NULL,
    "StaffTotal" INTEGER NOT NULL,
    "Form" INTEGER NOT NULL,
    "ResolutionNumber" TEXT NULL,
    "ResolutionOn" TEXT NULL,
    "ResolutionText" TEXT NULL,
    "Notes" TEXT NULL,
    "SearchText" TEXT NOT NULL,
    "RecordedByUserName" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_StaffConferences_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "IX_StaffConferences_UnitId_Year" ON "StaffConferences" ("UnitId", "Year");
CREATE INDEX "IX_StaffConferences_UnitId_HeldOn" ON "StaffConferences" ("UnitId", "HeldOn");
CREATE INDEX "IX_StaffConferences_HeldOn" ON "StaffConferences" ("HeldOn");

-- Existing installations: the default regime's supervision and staff-conference figures come from these registers.
UPDATE "ReportIndicators" SET "MeasureCode" = 'giam-sat-ttnd'
WHERE "Code" = 'DC_GIAMSAT' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
UPDATE "ReportIndicators" SET "MeasureCode" = 'hoi-nghi-can-bo'
WHERE "Code" = 'DC_HNCB' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
