-- 0007: plans (Kế hoạch): structured content of a registered plan document, numeric targets.

CREATE TABLE "Plans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Plans" PRIMARY KEY AUTOINCREMENT,
    "DocumentId" INTEGER NOT NULL,
    "OwnerUnitId" INTEGER NOT NULL,
    "Purposes" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_Plans_Documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "Documents" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Plans_OrgUnits_OwnerUnitId" FOREIGN KEY ("OwnerUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PlanTargets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanTargets" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Description" TEXT NOT NULL,
    "Comparison" TEXT NOT NULL,
    "Value" INTEGER NOT NULL,
    "Unit" TEXT NOT NULL,
    "ResponsibleUnitId" INTEGER NULL,
    "Measure" TEXT NULL,
    CONSTRAINT "FK_PlanTargets_OrgUnits_ResponsibleUnitId" FOREIGN KEY ("ResponsibleUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PlanTargets_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Plans_DocumentId" ON "Plans" ("DocumentId");

CREATE INDEX "IX_Plans_OwnerUnitId" ON "Plans" ("OwnerUnitId");

CREATE INDEX "IX_PlanTargets_PlanId" ON "PlanTargets" ("PlanId");

CREATE INDEX "IX_PlanTargets_ResponsibleUnitId" ON "PlanTargets" ("ResponsibleUnitId");
