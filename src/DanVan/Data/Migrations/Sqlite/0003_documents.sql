-- 0003: the document register (Văn bản): types as data, documents, citations, original files.

CREATE TABLE "DocumentTypes" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_DocumentTypes" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "UsedByState" INTEGER NOT NULL,
    "UsedByParty" INTEGER NOT NULL
);

CREATE TABLE "Documents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Documents" PRIMARY KEY AUTOINCREMENT,
    "OwnerUnitId" INTEGER NOT NULL,
    "IssuingUnitId" INTEGER NULL,
    "IssuerName" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Style" INTEGER NOT NULL,
    "Number" INTEGER NULL,
    "Year" INTEGER NULL,
    "TypeCode" TEXT NULL,
    "IssuerSymbol" TEXT NOT NULL,
    "TypeName" TEXT NOT NULL,
    "Place" TEXT NULL,
    "IssuedOn" TEXT NULL,
    "Title" TEXT NOT NULL,
    "SignerAuthority" TEXT NULL,
    "SignerPosition" TEXT NULL,
    "SignerName" TEXT NULL,
    "Recipients" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "SearchText" TEXT NOT NULL,
    CONSTRAINT "FK_Documents_OrgUnits_IssuingUnitId" FOREIGN KEY ("IssuingUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Documents_OrgUnits_OwnerUnitId" FOREIGN KEY ("OwnerUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DocumentCitations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DocumentCitations" PRIMARY KEY AUTOINCREMENT,
    "DocumentId" INTEGER NOT NULL,
    "Relation" INTEGER NOT NULL,
    "CitedCode" TEXT NULL,
    "CitedDocumentId" INTEGER NULL,
    "Description" TEXT NOT NULL,
    CONSTRAINT "FK_DocumentCitations_Documents_CitedDocumentId" FOREIGN KEY ("CitedDocumentId") REFERENCES "Documents" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_DocumentCitations_Documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "Documents" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DocumentFiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DocumentFiles" PRIMARY KEY AUTOINCREMENT,
    "DocumentId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Content" BLOB NOT NULL,
    CONSTRAINT "FK_DocumentFiles_Documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "Documents" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_DocumentCitations_CitedCode" ON "DocumentCitations" ("CitedCode");

CREATE INDEX "IX_DocumentCitations_CitedDocumentId" ON "DocumentCitations" ("CitedDocumentId");

CREATE INDEX "IX_DocumentCitations_DocumentId" ON "DocumentCitations" ("DocumentId");

CREATE UNIQUE INDEX "IX_DocumentFiles_DocumentId" ON "DocumentFiles" ("DocumentId");

CREATE INDEX "IX_Documents_Code" ON "Documents" ("Code");

CREATE INDEX "IX_Documents_IssuingUnitId" ON "Documents" ("IssuingUnitId");

CREATE INDEX "IX_Documents_OwnerUnitId_IssuedOn" ON "Documents" ("OwnerUnitId", "IssuedOn");
