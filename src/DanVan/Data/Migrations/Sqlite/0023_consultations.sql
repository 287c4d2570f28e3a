-- 0023: draft consultations (lấy ý kiến dự thảo; issue 17, ADR-018): the consultation with its deadline and the rule
-- for silence as the letter writes it, the draft cut into numbered paragraphs, the obliged respondents and where each
-- stands (silence recorded only after the deadline), every version of their answers, and each comment anchored to a
-- paragraph with the drafting unit's handling (tiếp thu / tiếp thu một phần / giải trình).

CREATE TABLE "Consultations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Consultations" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "LetterNumber" TEXT NULL,
    "Audience" INTEGER NOT NULL,
    "SentOn" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "DueExplanation" TEXT NOT NULL,
    "SilenceRule" TEXT NOT NULL,
    "SilenceMeansAgreement" INTEGER NOT NULL,
    "Round" INTEGER NOT NULL,
    "PreviousRoundId" INTEGER NULL,
    "Contact" TEXT NULL,
    "DraftFileName" TEXT NULL,
    "DraftContent" BLOB NULL,
    "SignerName" TEXT NULL,
    "SignerAuthority" TEXT NULL,
    "SearchText" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_Consultations_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Consultations_Consultations_PreviousRoundId" FOREIGN KEY ("PreviousRoundId") REFERENCES "Consultations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DraftParagraphs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DraftParagraphs" PRIMARY KEY AUTOINCREMENT,
    "ConsultationId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "Label" TEXT NULL,
    "Text" TEXT NOT NULL,
    CONSTRAINT "FK_DraftParagraphs_Consultations_ConsultationId" FOREIGN KEY ("ConsultationId") REFERENCES "Consultations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ConsultationRespondents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ConsultationRespondents" PRIMARY KEY AUTOINCREMENT,
    "ConsultationId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "State" INTEGER NOT NULL,
    "CurrentVersion" INTEGER NOT NULL,
    "AnsweredAtUtc" TEXT NULL,
    "SilenceAppliedAtUtc" TEXT NULL,
    CONSTRAINT "FK_ConsultationRespondents_Consultations_ConsultationId" FOREIGN KEY ("ConsultationId") REFERENCES "Consultations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ConsultationRespondents_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ConsultationAnswers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ConsultationAnswers" PRIMARY KEY AUTOINCREMENT,
    "RespondentId" INTEGER NOT NULL,
    "ConsultationId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "Agrees" INTEGER NOT NULL,
    "GeneralComment" TEXT NULL,
    "SignerName" TEXT NOT NULL,
    "SignerPosition" TEXT NULL,
    "FileName" TEXT NULL,
    "FileContentType" TEXT NULL,
    "FileContent" BLOB NULL,
    "SubmittedBy" TEXT NOT NULL,
    "SubmittedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_ConsultationAnswers_ConsultationRespondents_RespondentId" FOREIGN KEY ("RespondentId") REFERENCES "ConsultationRespondents" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ConsultationComments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ConsultationComments" PRIMARY KEY AUTOINCREMENT,
    "AnswerId" INTEGER NOT NULL,
    "ConsultationId" INTEGER NOT NULL,
    "ParagraphId" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Handling" INTEGER NULL,
    "Explanation" TEXT NULL,
    "HandledBy" TEXT NULL,
    "HandledAtUtc" TEXT NULL,
    CONSTRAINT "FK_ConsultationComments_ConsultationAnswers_AnswerId" FOREIGN KEY ("AnswerId") REFERENCES "ConsultationAnswers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ConsultationComments_DraftParagraphs_ParagraphId" FOREIGN KEY ("ParagraphId") REFERENCES "DraftParagraphs" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Consultations_UnitId_SentOn" ON "Consultations" ("UnitId", "SentOn");
CREATE INDEX "IX_Consultations_DueOn" ON "Consultations" ("DueOn");
CREATE INDEX "IX_Consultations_PreviousRoundId" ON "Consultations" ("PreviousRoundId");
CREATE UNIQUE INDEX "IX_DraftParagraphs_ConsultationId_Number" ON "DraftParagraphs" ("ConsultationId", "Number");
CREATE UNIQUE INDEX "IX_ConsultationRespondents_ConsultationId_UnitId" ON "ConsultationRespondents" ("ConsultationId", "UnitId");
CREATE INDEX "IX_ConsultationRespondents_UnitId_State" ON "ConsultationRespondents" ("UnitId", "State");
CREATE UNIQUE INDEX "IX_ConsultationAnswers_RespondentId_Version" ON "ConsultationAnswers" ("RespondentId", "Version");
CREATE INDEX "IX_ConsultationAnswers_ConsultationId" ON "ConsultationAnswers" ("ConsultationId");
CREATE INDEX "IX_ConsultationComments_AnswerId" ON "ConsultationComments" ("AnswerId");
CREATE INDEX "IX_ConsultationComments_ParagraphId" ON "ConsultationComments" ("ParagraphId");
CREATE INDEX "IX_ConsultationComments_ConsultationId_ParagraphId" ON "ConsultationComments" ("ConsultationId", "ParagraphId");
