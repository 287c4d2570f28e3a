-- 0012: server-side sessions. The auth cookie names a session; every request checks it is still open, so logout,
-- an administrator's lock and a password reset end a session at once (issue 11).

CREATE TABLE "UserSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_UserSessions" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "EndedAtUtc" TEXT NULL,
    "EndReason" TEXT NULL,
    CONSTRAINT "FK_UserSessions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_UserSessions_UserId_CreatedAtUtc" ON "UserSessions" ("UserId", "CreatedAtUtc");
