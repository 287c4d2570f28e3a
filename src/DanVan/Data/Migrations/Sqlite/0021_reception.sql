-- 0021: citizen reception (tiếp công dân; issue 13): the heads' duties as data, the schedule and log of every session,
-- and the case a matter raised at a session became.
CREATE TABLE "ReceptionDuties" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReceptionDuties" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Holder" TEXT NOT NULL,
    "UnitKinds" TEXT NOT NULL,
    "Minimum" INTEGER NOT NULL,
    "Per" INTEGER NOT NULL,
    "Basis" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL
);
CREATE UNIQUE INDEX "IX_ReceptionDuties_Code_ValidFrom" ON "ReceptionDuties" ("Code", "ValidFrom");

CREATE TABLE "ReceptionSessions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReceptionSessions" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "State" INTEGER NOT NULL,
    "On" TEXT NOT NULL,
    "Time" TEXT,
    "Place" TEXT NOT NULL,
    "HostName" TEXT NOT NULL,
    "HostPost" TEXT NOT NULL,
    "CitizensReceived" INTEGER,
    "Groups" INTEGER,
    "GroupRepresentatives" TEXT,
    "Matters" TEXT,
    "Conclusion" TEXT,
    "NotHeldReason" TEXT,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "RecordedBy" TEXT,
    "RecordedAtUtc" TEXT,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_ReceptionSessions_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_ReceptionSessions_UnitId_On" ON "ReceptionSessions" ("UnitId", "On");
CREATE INDEX "IX_ReceptionSessions_On_State" ON "ReceptionSessions" ("On", "State");

ALTER TABLE "Cases" ADD COLUMN "ReceptionSessionId" INTEGER NULL CONSTRAINT "FK_Cases_ReceptionSessions_ReceptionSessionId" REFERENCES "ReceptionSessions" ("Id") ON DELETE RESTRICT;
CREATE INDEX "IX_Cases_ReceptionSessionId" ON "Cases" ("ReceptionSessionId");

-- The reception figures of the default regime are counted from the sessions' log (Features/Reception/ReceptionMeasures).
UPDATE "ReportIndicators" SET "MeasureCode" = 'tiep-cong-dan-dinh-ky'
 WHERE "Code" = 'TCD_DINHKY' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
UPDATE "ReportIndicators" SET "MeasureCode" = 'tiep-cong-dan-luot'
 WHERE "Code" = 'TCD_LUOT' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
