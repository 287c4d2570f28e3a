-- 0005: extension requests (xin gia hạn) on task deadlines.

CREATE TABLE "ExtensionRequests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ExtensionRequests" PRIMARY KEY AUTOINCREMENT,
    "DeadlineId" INTEGER NOT NULL,
    "RequestedDueOn" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "RequestedBy" TEXT NOT NULL,
    "RequestedAtUtc" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "DecidedBy" TEXT NULL,
    "DecidedAtUtc" TEXT NULL,
    "DecisionNote" TEXT NULL,
    CONSTRAINT "FK_ExtensionRequests_WorkItemDeadlines_DeadlineId" FOREIGN KEY ("DeadlineId") REFERENCES "WorkItemDeadlines" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ExtensionRequests_DeadlineId_Status" ON "ExtensionRequests" ("DeadlineId", "Status");
