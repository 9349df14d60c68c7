-- AlterTable
ALTER TABLE "AlertRoute" ADD COLUMN     "kitId" TEXT;

-- CreateTable
CREATE TABLE "EmergencyKit" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "safeId" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "value" TEXT NOT NULL DEFAULT '0',
    "data" TEXT NOT NULL,
    "operation" INTEGER NOT NULL,
    "calls" JSONB NOT NULL,
    "verifications" JSONB NOT NULL,
    "source" JSONB,
    "ladderLength" INTEGER NOT NULL DEFAULT 5,
    "isPauseLike" BOOLEAN NOT NULL,
    "signedConfig" JSONB,
    "isAutoEnabled" BOOLEAN NOT NULL DEFAULT false,
    "autoCooldownSeconds" INTEGER NOT NULL DEFAULT 900,
    "lastAutoRunAt" TIMESTAMP(3),
    "lastCheckedAt" TIMESTAMP(3),
    "lastState" TEXT,
    "lastReason" TEXT,
    "lastOwnersToSign" TEXT[],
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmergencyKit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KitSignature" (
    "id" TEXT NOT NULL,
    "kitId" TEXT NOT NULL,
    "nonce" INTEGER NOT NULL,
    "owner" TEXT NOT NULL,
    "safeTxHash" TEXT NOT NULL,
    "configHash" TEXT NOT NULL,
    "signatureCipher" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KitSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KitExecution" (
    "id" TEXT NOT NULL,
    "kitId" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "nonce" INTEGER NOT NULL,
    "safeTxHash" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "txHash" TEXT,
    "alertId" TEXT,
    "actorKey" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "KitExecution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KitEvent" (
    "id" SERIAL NOT NULL,
    "kitId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "authorType" TEXT NOT NULL,
    "authorId" TEXT,
    "authorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KitEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecutorKey" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "keyCipher" TEXT NOT NULL,
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExecutorKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KitSignature_kitId_nonce_owner_key" ON "KitSignature"("kitId", "nonce", "owner");

-- CreateIndex
CREATE INDEX "KitExecution_kitId_state_idx" ON "KitExecution"("kitId", "state");

-- CreateIndex
CREATE INDEX "KitEvent_kitId_id_idx" ON "KitEvent"("kitId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ExecutorKey_address_key" ON "ExecutorKey"("address");

-- AddForeignKey
ALTER TABLE "EmergencyKit" ADD CONSTRAINT "EmergencyKit_safeId_fkey" FOREIGN KEY ("safeId") REFERENCES "Safe"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KitSignature" ADD CONSTRAINT "KitSignature_kitId_fkey" FOREIGN KEY ("kitId") REFERENCES "EmergencyKit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KitExecution" ADD CONSTRAINT "KitExecution_kitId_fkey" FOREIGN KEY ("kitId") REFERENCES "EmergencyKit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (Prisma cannot express triggers): the kits' audit log is append-only, like the timeline.
CREATE FUNCTION "kit_event_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'kit events are append-only';
END;
$$;

CREATE TRIGGER "KitEvent_append_only"
BEFORE UPDATE OR DELETE ON "KitEvent"
FOR EACH ROW EXECUTE FUNCTION "kit_event_refuse_change"();

CREATE TRIGGER "KitEvent_no_truncate"
BEFORE TRUNCATE ON "KitEvent"
FOR EACH STATEMENT EXECUTE FUNCTION "kit_event_refuse_change"();
