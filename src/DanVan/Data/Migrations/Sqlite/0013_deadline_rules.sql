-- 0013: the statutory clock's rules of law as data (issue 13): each time limit with its basis, counting, valid-from/to
-- and the variants for complicated, remote, several-place, second-instance and dismissal cases. Filled from the
-- shipped catalogue (Domain/Deadlines/ShippedRules.cs) by ReferenceData on start; administrators correct them.

CREATE TABLE "DeadlineRules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DeadlineRules" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Procedure" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "CountsFrom" TEXT NOT NULL,
    "Counting" INTEGER NOT NULL,
    "Direction" INTEGER NOT NULL,
    "Days" INTEGER NOT NULL,
    "MaxExtensions" INTEGER NOT NULL,
    "ExtensionDays" INTEGER NULL,
    "AllowsExtraDays" INTEGER NOT NULL,
    "Basis" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL,
    "Verification" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "UpdatedAtUtc" TEXT NOT NULL
);

CREATE TABLE "DeadlineRuleVariants" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DeadlineRuleVariants" PRIMARY KEY AUTOINCREMENT,
    "RuleId" INTEGER NOT NULL,
    "Conditions" INTEGER NOT NULL,
    "Days" INTEGER NOT NULL,
    "MaxExtensions" INTEGER NULL,
    "Basis" TEXT NULL,
    CONSTRAINT "FK_DeadlineRuleVariants_DeadlineRules_RuleId" FOREIGN KEY ("RuleId") REFERENCES "DeadlineRules" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_DeadlineRules_Code_ValidFrom" ON "DeadlineRules" ("Code", "ValidFrom");
CREATE UNIQUE INDEX "IX_DeadlineRuleVariants_RuleId_Conditions" ON "DeadlineRuleVariants" ("RuleId", "Conditions");
