-- 0026: the cases dashboard from the indexes alone. At national scale (1.5 million cases) the province's dashboard read
-- its open cases through a bitmap heap scan (1.3 s cold) and its year's resolutions by a sequential scan (0.9 s); with
-- these, index-only scans of 5, 21 and 9 ms (bench/results, scenarios cases-dashboard and cases-dashboard-national).
DROP INDEX "IX_Cases_Open_UnitId_DueOn";
CREATE INDEX "IX_Cases_Open" ON "Cases" ("UnitId", "DueOn", "State", "ReceivedOn") WHERE "ClosedOn" IS NULL;
DROP INDEX "IX_Cases_UnitId_ReceivedOn";
CREATE INDEX "IX_Cases_UnitId_ReceivedOn_Field" ON "Cases" ("UnitId", "ReceivedOn", "Field");
CREATE INDEX "IX_Cases_Closed" ON "Cases" ("UnitId", "ClosedOn", "State", "WithinCompetence", "ClosedOnTime") WHERE "ClosedOn" IS NOT NULL;
