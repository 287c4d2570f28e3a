-- 0002: the working-day calendar (holidays, days off, make-up working days), kept as data.
CREATE TABLE "CalendarDays" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CalendarDays" PRIMARY KEY AUTOINCREMENT,
    "Date" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Source" TEXT NULL
);

CREATE UNIQUE INDEX "IX_CalendarDays_Date" ON "CalendarDays" ("Date");
