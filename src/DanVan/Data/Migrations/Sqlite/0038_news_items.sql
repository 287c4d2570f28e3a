-- 0038: the register of news items and broadcasts (issue 18): tin, bài, phóng sự, chuyên mục phát thanh, truyền hình
-- on dân vận and grassroots democracy that a unit published or broadcast, by unit and day.
CREATE TABLE "NewsItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NewsItems" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "PublishedOn" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Link" TEXT NULL,
    "SearchText" TEXT NOT NULL,
    "RecordedByUserName" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_NewsItems_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_NewsItems_UnitId_PublishedOn" ON "NewsItems" ("UnitId", "PublishedOn");
