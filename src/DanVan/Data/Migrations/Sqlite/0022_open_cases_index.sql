-- 0022: the open register (a province's open cases by deadline, and their count) reads only the open cases: at
-- province scale the list's database time was most of the page (bench/results, scenario "cases").
CREATE INDEX "IX_Cases_Open_UnitId_DueOn" ON "Cases" ("UnitId", "DueOn") WHERE "ClosedOn" IS NULL;
