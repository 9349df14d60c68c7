-- CreateEnum
CREATE TYPE "DrillState" AS ENUM ('running', 'stopped');

-- AlterTable
ALTER TABLE "Chain" ADD COLUMN     "drillSourceChainId" INTEGER,
ADD COLUMN     "isRetired" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "SafeSignature" ADD COLUMN     "isStandIn" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Drill" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "sourceChainId" INTEGER NOT NULL,
    "forkChainId" INTEGER NOT NULL,
    "forkBlock" INTEGER NOT NULL,
    "rpcUrl" TEXT NOT NULL,
    "pid" INTEGER,
    "runbookVersionId" TEXT,
    "sectionAnchor" TEXT,
    "sectionTitle" TEXT NOT NULL,
    "state" "DrillState" NOT NULL DEFAULT 'running',
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "forkReadyAt" TIMESTAMP(3),
    "stoppedAt" TIMESTAMP(3),

    CONSTRAINT "Drill_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Drill_incidentId_key" ON "Drill"("incidentId");

-- CreateIndex
CREATE UNIQUE INDEX "Drill_forkChainId_key" ON "Drill"("forkChainId");

-- CreateIndex
CREATE INDEX "Drill_runbookVersionId_startedAt_idx" ON "Drill"("runbookVersionId", "startedAt");

-- AddForeignKey
ALTER TABLE "Drill" ADD CONSTRAINT "Drill_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
