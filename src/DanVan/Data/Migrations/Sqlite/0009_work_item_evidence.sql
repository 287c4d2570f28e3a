-- 0009: evidence files (minh chứng) attached to task progress reports.

CREATE TABLE "WorkItemEvidence" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkItemEvidence" PRIMARY KEY AUTOINCREMENT,
    "UpdateId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Content" BLOB NOT NULL,
    CONSTRAINT "FK_WorkItemEvidence_WorkItemUpdates_UpdateId" FOREIGN KEY ("UpdateId") REFERENCES "WorkItemUpdates" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_WorkItemEvidence_UpdateId" ON "WorkItemEvidence" ("UpdateId");
