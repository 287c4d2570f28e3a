-- 0030: reviews of "Dân vận khéo" models are scored against criteria that are data (issue 15, ADR-015): each
-- criterion with its maximum, basis and validity, for collective or individual models; a review keeps its points
-- per criterion with the criterion's name and maximum as they stood.
CREATE TABLE "ModelReviewCriteria" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ModelReviewCriteria" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Subject" INTEGER NULL,
    "MaxPoints" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "LegalBasis" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL
);
CREATE UNIQUE INDEX "IX_ModelReviewCriteria_Code_ValidFrom" ON "ModelReviewCriteria" ("Code", "ValidFrom");

CREATE TABLE "ModelReviewScores" (
    "StepId" INTEGER NOT NULL,
    "CriterionCode" TEXT NOT NULL,
    "CriterionName" TEXT NOT NULL,
    "MaxPoints" INTEGER NOT NULL,
    "Points" INTEGER NOT NULL,
    CONSTRAINT "PK_ModelReviewScores" PRIMARY KEY ("StepId", "CriterionCode"),
    CONSTRAINT "FK_ModelReviewScores_ModelSteps_StepId" FOREIGN KEY ("StepId") REFERENCES "ModelSteps" ("Id") ON DELETE CASCADE
);
