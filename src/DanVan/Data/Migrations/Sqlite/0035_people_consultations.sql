-- 0035: the people give their opinions before decisions (issue 18, Điều 25–26 Luật 10/2022/QH15, ADR-026): the kinds
-- of matter as data (article, basis, validity); each consultation of a commune with its matter, community, forms
-- (Điều 26 a–h as flags), dates, opinions received, agreeing and other, the response (tiếp thu, giải trình) and the
-- decision made afterwards, its file apart. The default regime's DC_YKIEN is pre-filled from it and VB from the
-- document register, whose (issuing unit, issue date) index serves that count.
CREATE TABLE "PeopleConsultationMatters" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PeopleConsultationMatters" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Article" TEXT NOT NULL,
    "LegalBasis" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL
);
CREATE UNIQUE INDEX "IX_PeopleConsultationMatters_Code_ValidFrom" ON "PeopleConsultationMatters" ("Code", "ValidFrom");

CREATE TABLE "PeopleConsultations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PeopleConsultations" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "MatterCode" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Community" TEXT NOT NULL,
    "Forms" INTEGER NOT NULL,
    "OpensOn" TEXT NOT NULL,
    "ClosesOn" TEXT NOT NULL,
    "OpinionsReceived" INTEGER NOT NULL,
    "OpinionsAgreed" INTEGER NOT NULL,
    "OpinionsOther" INTEGER NOT NULL,
    "Response" TEXT NULL,
    "Decision" TEXT NULL,
    "DecidedOn" TEXT NULL,
    "FileName" TEXT NULL,
    "FileContentType" TEXT NULL,
    "FileSize" INTEGER NOT NULL,
    "SearchText" TEXT NOT NULL,
    "RecordedByUserName" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_PeopleConsultations_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_PeopleConsultations_UnitId_ClosesOn" ON "PeopleConsultations" ("UnitId", "ClosesOn");
CREATE INDEX "IX_PeopleConsultations_MatterCode_ClosesOn" ON "PeopleConsultations" ("MatterCode", "ClosesOn");
CREATE INDEX "IX_PeopleConsultations_ClosesOn" ON "PeopleConsultations" ("ClosesOn");

CREATE TABLE "PeopleConsultationFiles" (
    "ConsultationId" INTEGER NOT NULL CONSTRAINT "PK_PeopleConsultationFiles" PRIMARY KEY,
    "Content" BLOB NOT NULL,
    CONSTRAINT "FK_PeopleConsultationFiles_PeopleConsultations_ConsultationId" FOREIGN KEY ("ConsultationId") REFERENCES "PeopleConsultations" ("Id") ON DELETE CASCADE
);

-- VB counts the documents a unit issued in a period: one index on (issuing unit, issue date) replaces the one on the unit alone.
DROP INDEX IF EXISTS "IX_Documents_IssuingUnitId";
CREATE INDEX "IX_Documents_IssuingUnitId_IssuedOn" ON "Documents" ("IssuingUnitId", "IssuedOn");

-- Existing installations: the default regime's consultation and document figures come from the registers.
UPDATE "ReportIndicators" SET "MeasureCode" = 'lay-y-kien-nhan-dan'
WHERE "Code" = 'DC_YKIEN' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
UPDATE "ReportIndicators" SET "MeasureCode" = 'van-ban-ban-hanh'
WHERE "Code" = 'VB' AND "MeasureCode" IS NULL AND "RegimeId" IN (SELECT "Id" FROM "ReportRegimes" WHERE "Code" = 'DVCQ');
