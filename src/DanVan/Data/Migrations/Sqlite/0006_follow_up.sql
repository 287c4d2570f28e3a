-- 0006: daily follow-up: in-app digests (one per person per day) and job leases.

CREATE TABLE "JobLeases" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_JobLeases" PRIMARY KEY,
    "Holder" TEXT NULL,
    "ExpiresAtUtc" TEXT NOT NULL,
    "LastCompletedDay" TEXT NULL
);

CREATE TABLE "Notifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "ReadAtUtc" TEXT NULL,
    "Emailed" INTEGER NOT NULL,
    CONSTRAINT "FK_Notifications_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Notifications_UserId_Day" ON "Notifications" ("UserId", "Day");

CREATE INDEX "IX_Notifications_UserId_ReadAtUtc" ON "Notifications" ("UserId", "ReadAtUtc");
