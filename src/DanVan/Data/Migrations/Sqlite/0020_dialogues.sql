-- 0020: dialogues with the people (đối thoại với Nhân dân; issue 17): the dialogue with its notice and results on the
-- statutory clock (rules doi-thoai-thong-bao, doi-thoai-cong-bo-ket-qua of 0013), the opinions of its record, and a
-- commitment for each opinion not answered on the spot. Report indicators DT_* are pre-filled from its measures.

CREATE TABLE "Dialogues" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Dialogues" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Topic" TEXT NOT NULL,
    "ChairName" TEXT NOT NULL,
    "Audience" INTEGER NOT NULL,
    "AudienceDetail" TEXT NULL,
    "HeldOn" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Online" INTEGER NOT NULL,
    "CoOrganiser" TEXT NULL,
    "State" INTEGER NOT NULL,
    "NoticeOn" TEXT NULL,
    "NoticeExplanation" TEXT NULL,
    "Attendees" INTEGER NULL,
    "RecordSummary" TEXT NULL,
    "ResultsDueOn" TEXT NULL,
    "ResultsDueExplanation" TEXT NULL,
    "ResultsPublishedOn" TEXT NULL,
    "ResultsSummary" TEXT NULL,
    "SearchText" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_Dialogues_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DialogueOpinions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DialogueOpinions" PRIMARY KEY AUTOINCREMENT,
    "DialogueId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "SpeakerName" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "Field" TEXT NOT NULL,
    "AnsweredOnSpot" INTEGER NOT NULL,
    "Answer" TEXT NULL,
    CONSTRAINT "FK_DialogueOpinions_Dialogues_DialogueId" FOREIGN KEY ("DialogueId") REFERENCES "Dialogues" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DialogueCommitments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DialogueCommitments" PRIMARY KEY AUTOINCREMENT,
    "DialogueId" INTEGER NOT NULL,
    "OpinionId" INTEGER NOT NULL,
    "OwnerUnitId" INTEGER NOT NULL,
    "Content" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "State" INTEGER NOT NULL,
    "DoneOn" TEXT NULL,
    "DoneNote" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_DialogueCommitments_Dialogues_DialogueId" FOREIGN KEY ("DialogueId") REFERENCES "Dialogues" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DialogueCommitments_DialogueOpinions_OpinionId" FOREIGN KEY ("OpinionId") REFERENCES "DialogueOpinions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DialogueCommitments_OrgUnits_OwnerUnitId" FOREIGN KEY ("OwnerUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Dialogues_UnitId_HeldOn" ON "Dialogues" ("UnitId", "HeldOn");
CREATE INDEX "IX_Dialogues_State_HeldOn" ON "Dialogues" ("State", "HeldOn");
CREATE UNIQUE INDEX "IX_DialogueOpinions_DialogueId_Number" ON "DialogueOpinions" ("DialogueId", "Number");
CREATE INDEX "IX_DialogueCommitments_DialogueId" ON "DialogueCommitments" ("DialogueId");
CREATE UNIQUE INDEX "IX_DialogueCommitments_OpinionId" ON "DialogueCommitments" ("OpinionId");
CREATE INDEX "IX_DialogueCommitments_OwnerUnitId_State_DueOn" ON "DialogueCommitments" ("OwnerUnitId", "State", "DueOn");
CREATE INDEX "IX_DialogueCommitments_State_DueOn" ON "DialogueCommitments" ("State", "DueOn");

UPDATE "ReportIndicators" SET "MeasureCode" = 'doi-thoai-cuoc' WHERE "Code" = 'DT_CUOC' AND "MeasureCode" IS NULL;
UPDATE "ReportIndicators" SET "MeasureCode" = 'doi-thoai-y-kien' WHERE "Code" = 'DT_YKIEN' AND "MeasureCode" IS NULL;
UPDATE "ReportIndicators" SET "MeasureCode" = 'doi-thoai-y-kien-da-giai-quyet' WHERE "Code" = 'DT_GQ' AND "MeasureCode" IS NULL;
