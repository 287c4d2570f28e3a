-- 0016: citizens' cases (đơn thư, vụ việc; issue 13): the register, each dated step, and the denouncer's identity
-- sealed with a key kept outside the database (IdentityProtector). Deadlines come from the statutory clock (0013).

CREATE TABLE "Cases" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Cases" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "AccessKeyHash" TEXT NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "Source" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Instance" INTEGER NOT NULL,
    "Summary" TEXT NOT NULL,
    "Field" TEXT NOT NULL,
    "SenderName" TEXT NULL,
    "SenderAddress" TEXT NULL,
    "SenderPhone" TEXT NULL,
    "Signatories" INTEGER NOT NULL,
    "Representatives" TEXT NULL,
    "Respondent" TEXT NULL,
    "WithinCompetence" INTEGER NOT NULL,
    "Anonymous" INTEGER NOT NULL,
    "Conditions" INTEGER NOT NULL,
    "State" INTEGER NOT NULL,
    "AcceptedOn" TEXT NULL,
    "ClosedOn" TEXT NULL,
    "ClosedOnTime" INTEGER NULL,
    "HandlerUserId" TEXT NULL,
    "DueOn" TEXT NULL,
    "DueRuleCode" TEXT NULL,
    "DueExplanation" TEXT NULL,
    "DuplicateOfId" INTEGER NULL,
    "SearchText" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_Cases_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CaseIdentities" (
    "CaseId" INTEGER NOT NULL CONSTRAINT "PK_CaseIdentities" PRIMARY KEY,
    "KeyId" TEXT NOT NULL,
    "Sealed" TEXT NOT NULL,
    CONSTRAINT "FK_CaseIdentities_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CaseSteps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CaseSteps" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "Action" INTEGER NULL,
    "On" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "ToBody" TEXT NULL,
    "Days" INTEGER NULL,
    "StateAfter" INTEGER NOT NULL,
    "DueOnAfter" TEXT NULL,
    "DueExplanation" TEXT NULL,
    "ByUserName" TEXT NOT NULL,
    "AtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_CaseSteps_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Cases_Code" ON "Cases" ("Code");
CREATE INDEX "IX_Cases_DuplicateOfId" ON "Cases" ("DuplicateOfId");
CREATE INDEX "IX_Cases_HandlerUserId_State" ON "Cases" ("HandlerUserId", "State");
CREATE INDEX "IX_Cases_UnitId_ReceivedOn" ON "Cases" ("UnitId", "ReceivedOn");
CREATE INDEX "IX_Cases_UnitId_State_DueOn" ON "Cases" ("UnitId", "State", "DueOn");
CREATE INDEX "IX_CaseSteps_CaseId_Id" ON "CaseSteps" ("CaseId", "Id");
