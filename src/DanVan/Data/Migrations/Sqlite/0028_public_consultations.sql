-- 0028: the public page of the people's consultations (Luật Thực hiện dân chủ ở cơ sở, Điều 25–28) lists the
-- consultations whose audience is the people of a commune, newest first: one index serves the filter and the order.
CREATE INDEX "IX_Consultations_Audience_SentOn" ON "Consultations" ("Audience", "SentOn");
