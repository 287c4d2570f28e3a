-- 0025: the fields of cases (lĩnh vực đơn) become data the administrator keeps (issue 13: "the list is data"); the
-- shipped list is copied in by ReferenceData, cases keep their field's code.
CREATE TABLE "CaseFields" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CaseFields" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "LegalBasis" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL
);

CREATE UNIQUE INDEX "IX_CaseFields_Code_ValidFrom" ON "CaseFields" ("Code", "ValidFrom");
