-- 0014: a reported completion waits for the assigning unit to confirm it (issue 12, ADR-010). "CompletedOn" now holds
-- the confirmed date only; the reported one waits in "ReportedCompletedOn". Completions recorded before this
-- migration stay as they were (confirmed): nobody can vouch for them afterwards, and they were final under the old rule.

ALTER TABLE "WorkItemDeadlines" ADD COLUMN "ReportedCompletedOn" TEXT NULL;
ALTER TABLE "WorkItemDeadlines" ADD COLUMN "CompletionReportedAtUtc" TEXT NULL;

-- The assigning unit's queue of completions to confirm.
CREATE INDEX "IX_WorkItemDeadlines_AssignedByUnitId_ReportedCompletedOn" ON "WorkItemDeadlines" ("AssignedByUnitId", "ReportedCompletedOn");

-- The history of a deadline: what each entry records, and the completion date it names.
ALTER TABLE "WorkItemUpdates" ADD COLUMN "Kind" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "WorkItemUpdates" ADD COLUMN "CompletedOn" TEXT NULL;
UPDATE "WorkItemUpdates" SET "Kind" = 2, "CompletedOn" = (
    SELECT d."CompletedOn" FROM "WorkItemDeadlines" AS d WHERE d."Id" = "WorkItemUpdates"."DeadlineId")
WHERE "Completes" = 1;

-- In-app notifications: besides the daily digest (one per person per day, "Source" = 'digest'), messages about one
-- event (a completion reported, confirmed, returned), unique per person, day and event, with a link to open.
ALTER TABLE "Notifications" ADD COLUMN "Source" TEXT NOT NULL DEFAULT 'digest';
ALTER TABLE "Notifications" ADD COLUMN "Link" TEXT NULL;
DROP INDEX "IX_Notifications_UserId_Day";
CREATE UNIQUE INDEX "IX_Notifications_UserId_Day_Source" ON "Notifications" ("UserId", "Day", "Source");
