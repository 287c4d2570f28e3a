-- 0036: indices as data (issue 18, ADR-027): SIPAS, PAR INDEX, PAPI, PCI, DTI, DDCI and the QĐ 766 service index with
-- their owner, basis (valid from), scale, level and components (filled by the reference data at start-up, then the
-- administrator's); the values per index or component, unit and year with their source, one each (entered again:
-- replaced, the audit trail keeps the value before). The default regime's SIPAS is pre-filled from the unit's value.
CREATE TABLE "IndexDefinitions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndexDefinitions" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Owner" TEXT NOT NULL,
    "LegalBasis" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "FirstYear" INTEGER NOT NULL,
    "ScaleMin" REAL NOT NULL,
    "ScaleMax" REAL NOT NULL,
    "Unit" TEXT NOT NULL,
    "Level" INTEGER NOT NULL,
    "Combination" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Note" TEXT NULL
);
CREATE UNIQUE INDEX "IX_IndexDefinitions_Code" ON "IndexDefinitions" ("Code");

CREATE TABLE "IndexComponents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndexComponents" PRIMARY KEY AUTOINCREMENT,
    "IndexCode" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "MaxPoints" REAL NULL,
    "SortOrder" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "IX_IndexComponents_IndexCode_Code" ON "IndexComponents" ("IndexCode", "Code");

CREATE TABLE "IndexValues" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndexValues" PRIMARY KEY AUTOINCREMENT,
    "IndexCode" TEXT NOT NULL,
    "ComponentCode" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Value" REAL NOT NULL,
    "Source" INTEGER NOT NULL,
    "SourceNote" TEXT NULL,
    "EnteredByUserName" TEXT NOT NULL,
    "EnteredAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_IndexValues_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "IX_IndexValues_IndexCode_ComponentCode_UnitId_Year" ON "IndexValues" ("IndexCode", "ComponentCode", "UnitId", "Year");
CREATE INDEX "IX_IndexValues_UnitId_Year" ON "IndexValues" ("UnitId", "Year");
CREATE INDEX "IX_IndexValues_IndexCode_Year" ON "IndexValues" ("IndexCode", "Year");

-- Existing installations: the default regime's SIPAS comes from the unit's SIPAS value of the year.
UPDATE "ReportIndicators" SET "MeasureCode" = 'chi-so-sipas'
WHERE "Code" = 'SIPAS' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
