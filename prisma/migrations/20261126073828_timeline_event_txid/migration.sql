-- The writing transaction of each event: SSE resume re-reads events of transactions that were still running
-- at its last read, since a lower id can commit after a higher one (lib/live/timeline-hub.ts).
-- AlterTable
ALTER TABLE "TimelineEvent" ADD COLUMN     "txid" xid8 NOT NULL DEFAULT pg_current_xact_id();

-- CreateIndex
CREATE INDEX "TimelineEvent_txid_idx" ON "TimelineEvent"("txid");
