-- 0040: the tasks created together for many lead units share a batch id (issue 12), so the assigning unit follows
-- one assignment across every unit on /Tasks/Batch.
ALTER TABLE "WorkItems" ADD COLUMN "BatchId" TEXT NULL;
CREATE INDEX "IX_WorkItems_BatchId" ON "WorkItems" ("BatchId") WHERE "BatchId" IS NOT NULL;
