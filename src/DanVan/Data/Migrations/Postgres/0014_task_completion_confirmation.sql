-- 0014: a reported completion waits for the assigning unit to confirm it (issue 12, ADR-010). "CompletedOn" now holds
-- the confirmed date only; the reported one waits in "ReportedCompletedOn". Completions recorded before this
-- migration stay as they were (confirmed): nobody can vouch for them afterwards, and they were final under the old rule.

ALTER TABLE "WorkItemDeadlines" ADD COLUMN "ReportedCompletedOn" date;
ALTER TABLE "WorkItemDeadlines" ADD COLUMN "CompletionReportedAtUtc" timestamp with time zone;

-- The assigning unit's queue of completions to confirm.
CREATE INDEX "IX_WorkItemDeadlines_AssignedByUnitId_ReportedCompletedOn" ON "WorkItemDeadlines" ("AssignedByUnitId", "ReportedCompletedOn");

-- The history of a deadline: what each entry records, and the completion date it names.
ALTER TABLE "WorkItemUpdates" ADD COLUMN "Kind" integer NOT NULL DEFAULT 1;
ALTER TABLE "WorkItemUpdates" ADD COLUMN "CompletedOn" date;
UPDATE "WorkItemUpdates" AS u SET "Kind" = 2, "CompletedOn" = d."CompletedOn"
FROM "WorkItemDeadlines" AS d WHERE d."Id" = u."DeadlineId" AND u."Completes";

-- In-app notifications: besides the daily digest (one per person per day, "Source" = 'digest'), messages about one
-- event (a completion reported, confirmed, returned), unique per person, day and event, with a link to open.
ALTER TABLE "Notifications" ADD COLUMN "Source" character varying(200) NOT NULL DEFAULT 'digest';
ALTER TABLE "Notifications" ADD COLUMN "Link" character varying(500);
DROP INDEX "IX_Notifications_UserId_Day";
CREATE UNIQUE INDEX "IX_Notifications_UserId_Day_Source" ON "Notifications" ("UserId", "Day", "Source");
