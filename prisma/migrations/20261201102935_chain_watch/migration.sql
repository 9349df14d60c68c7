-- CreateTable
CREATE TABLE "ChainCursor" (
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" TEXT NOT NULL,
    "confirmations" INTEGER,
    "headNumber" BIGINT,
    "headAt" TIMESTAMP(3),
    "handledEventId" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "holder" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChainCursor_pkey" PRIMARY KEY ("chainId")
);

-- CreateTable
CREATE TABLE "ChainBlock" (
    "chainId" INTEGER NOT NULL,
    "number" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "parentHash" TEXT,

    CONSTRAINT "ChainBlock_pkey" PRIMARY KEY ("chainId","number")
);

-- CreateTable
CREATE TABLE "ChainEvent" (
    "id" SERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" TEXT NOT NULL,
    "blockTime" TIMESTAMP(3),
    "txHash" TEXT NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "contractId" TEXT,
    "safeId" TEXT,
    "name" TEXT,
    "signature" TEXT,
    "args" JSONB NOT NULL DEFAULT '{}',
    "topics" TEXT[],
    "data" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChainEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChainEventRetraction" (
    "id" SERIAL NOT NULL,
    "chainEventId" INTEGER NOT NULL,
    "canonicalHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChainEventRetraction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WatchRule" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "roles" TEXT[],
    "allowList" TEXT[],
    "severityName" TEXT,
    "runbookAnchors" TEXT[],
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WatchRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChainEvent_chainId_blockNumber_idx" ON "ChainEvent"("chainId", "blockNumber");

-- CreateIndex
CREATE INDEX "ChainEvent_chainId_id_idx" ON "ChainEvent"("chainId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ChainEvent_chainId_blockHash_logIndex_key" ON "ChainEvent"("chainId", "blockHash", "logIndex");

-- CreateIndex
CREATE UNIQUE INDEX "ChainEventRetraction_chainEventId_key" ON "ChainEventRetraction"("chainEventId");

-- AddForeignKey
ALTER TABLE "ChainEventRetraction" ADD CONSTRAINT "ChainEventRetraction_chainEventId_fkey" FOREIGN KEY ("chainEventId") REFERENCES "ChainEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a chain event is a record of what the chain said; PostgreSQL refuses to change or delete one.
-- A reorg adds a ChainEventRetraction instead.
CREATE FUNCTION "chain_event_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'chain events are append-only'
        USING HINT = 'insert a ChainEventRetraction instead';
END;
$$;

CREATE TRIGGER "ChainEvent_append_only"
BEFORE UPDATE OR DELETE ON "ChainEvent"
FOR EACH ROW EXECUTE FUNCTION "chain_event_refuse_change"();
