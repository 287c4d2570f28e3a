-- 0031: the disclosure register of grassroots democracy (issue 18, ADR-022): the items a commune (Điều 11 Luật
-- 10/2022/QH15) or an agency (Chương III) must make public, as data with article, basis, review date and validity;
-- each disclosure of a unit for an item and year with its date, end, forms, radio days and file (apart, so lists never
-- read it). The default regime's DC_CONGKHAI is pre-filled from the register.
CREATE TABLE "DisclosureItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DisclosureItems" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Scope" INTEGER NOT NULL,
    "Article" TEXT NOT NULL,
    "LegalBasis" TEXT NOT NULL,
    "DueMonth" INTEGER NOT NULL,
    "DueDay" INTEGER NOT NULL,
    "RadioDays" INTEGER NULL,
    "SortOrder" INTEGER NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL
);
CREATE UNIQUE INDEX "IX_DisclosureItems_Code_ValidFrom" ON "DisclosureItems" ("Code", "ValidFrom");

CREATE TABLE "Disclosures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Disclosures" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "ItemCode" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "DisclosedOn" TEXT NOT NULL,
    "EndsOn" TEXT NULL,
    "Forms" INTEGER NOT NULL,
    "RadioDays" INTEGER NULL,
    "Note" TEXT NULL,
    "IsPublic" INTEGER NOT NULL,
    "FileName" TEXT NULL,
    "FileContentType" TEXT NULL,
    "FileSize" INTEGER NOT NULL,
    "SearchText" TEXT NOT NULL,
    "RecordedByUserName" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_Disclosures_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_Disclosures_UnitId_Year_ItemCode" ON "Disclosures" ("UnitId", "Year", "ItemCode");
CREATE INDEX "IX_Disclosures_Year_ItemCode" ON "Disclosures" ("Year", "ItemCode");
CREATE INDEX "IX_Disclosures_UnitId_DisclosedOn" ON "Disclosures" ("UnitId", "DisclosedOn");

CREATE TABLE "DisclosureFiles" (
    "DisclosureId" INTEGER NOT NULL CONSTRAINT "PK_DisclosureFiles" PRIMARY KEY,
    "Content" BLOB NOT NULL,
    CONSTRAINT "FK_DisclosureFiles_Disclosures_DisclosureId" FOREIGN KEY ("DisclosureId") REFERENCES "Disclosures" ("Id") ON DELETE CASCADE
);

-- Existing installations: the default regime's disclosure figure comes from the register.
UPDATE "ReportIndicators" SET "MeasureCode" = 'cong-khai'
WHERE "Code" = 'DC_CONGKHAI' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
