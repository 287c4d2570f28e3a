-- 0004: tasks (Nhiệm vụ): assignments, coordinating units, deadlines, progress updates.

CREATE TABLE "WorkItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkItems" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "AssignedByUnitId" INTEGER NOT NULL,
    "LeadUnitId" INTEGER NOT NULL,
    "SourceDocumentId" INTEGER NULL,
    "Recurrence" INTEGER NOT NULL,
    "RecurDay" INTEGER NOT NULL,
    "RecurMonth" INTEGER NOT NULL,
    "RecurAnchor" TEXT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "SearchText" TEXT NOT NULL,
    CONSTRAINT "FK_WorkItems_Documents_SourceDocumentId" FOREIGN KEY ("SourceDocumentId") REFERENCES "Documents" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_WorkItems_OrgUnits_AssignedByUnitId" FOREIGN KEY ("AssignedByUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkItems_OrgUnits_LeadUnitId" FOREIGN KEY ("LeadUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WorkItemCoUnits" (
    "WorkItemId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    CONSTRAINT "PK_WorkItemCoUnits" PRIMARY KEY ("WorkItemId", "UnitId"),
    CONSTRAINT "FK_WorkItemCoUnits_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkItemCoUnits_WorkItems_WorkItemId" FOREIGN KEY ("WorkItemId") REFERENCES "WorkItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WorkItemDeadlines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkItemDeadlines" PRIMARY KEY AUTOINCREMENT,
    "WorkItemId" INTEGER NOT NULL,
    "LeadUnitId" INTEGER NOT NULL,
    "DueOn" TEXT NOT NULL,
    "OriginalDueOn" TEXT NOT NULL,
    "CompletedOn" TEXT NULL,
    "Progress" INTEGER NOT NULL,
    "LastUpdatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_WorkItemDeadlines_WorkItems_WorkItemId" FOREIGN KEY ("WorkItemId") REFERENCES "WorkItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WorkItemUpdates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkItemUpdates" PRIMARY KEY AUTOINCREMENT,
    "DeadlineId" INTEGER NOT NULL,
    "AtUtc" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "Progress" INTEGER NOT NULL,
    "Note" TEXT NOT NULL,
    "Completes" INTEGER NOT NULL,
    CONSTRAINT "FK_WorkItemUpdates_WorkItemDeadlines_DeadlineId" FOREIGN KEY ("DeadlineId") REFERENCES "WorkItemDeadlines" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_WorkItemCoUnits_UnitId" ON "WorkItemCoUnits" ("UnitId");

CREATE INDEX "IX_WorkItemDeadlines_DueOn_CompletedOn" ON "WorkItemDeadlines" ("DueOn", "CompletedOn");

CREATE INDEX "IX_WorkItemDeadlines_LeadUnitId_DueOn" ON "WorkItemDeadlines" ("LeadUnitId", "DueOn");

CREATE INDEX "IX_WorkItemDeadlines_WorkItemId" ON "WorkItemDeadlines" ("WorkItemId");

CREATE INDEX "IX_WorkItems_AssignedByUnitId" ON "WorkItems" ("AssignedByUnitId");

CREATE INDEX "IX_WorkItems_LeadUnitId" ON "WorkItems" ("LeadUnitId");

CREATE INDEX "IX_WorkItems_SourceDocumentId" ON "WorkItems" ("SourceDocumentId");

CREATE INDEX "IX_WorkItemUpdates_DeadlineId" ON "WorkItemUpdates" ("DeadlineId");
