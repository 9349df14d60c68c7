-- CreateIndex
CREATE INDEX "Incident_title_idx" ON "Incident" USING GIN ("title" gin_trgm_ops);
