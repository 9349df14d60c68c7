-- CreateTable
CREATE TABLE "ContactRoute" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "targetCipher" TEXT NOT NULL,
    "targetHint" TEXT NOT NULL,
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactRoute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EscalationPolicy" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "severities" TEXT[],
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "levels" JSONB NOT NULL,
    "repeatCount" INTEGER NOT NULL DEFAULT 0,
    "reminderSeconds" INTEGER NOT NULL DEFAULT 300,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EscalationPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rotation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "handoffAt" TIMESTAMP(3) NOT NULL,
    "memberIds" TEXT[],
    "overrides" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Rotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Page" (
    "id" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "incidentId" TEXT,
    "policyId" TEXT,
    "title" TEXT NOT NULL,
    "severity" TEXT,
    "ask" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "level" INTEGER NOT NULL DEFAULT 0,
    "round" INTEGER NOT NULL DEFAULT 0,
    "pendingOwners" TEXT[],
    "lastStep" TEXT,
    "reminderSeconds" INTEGER NOT NULL DEFAULT 300,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedBy" TEXT,
    "stoppedAt" TIMESTAMP(3),
    "stopReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Page_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PageDelivery" (
    "id" TEXT NOT NULL,
    "pageId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "routeId" TEXT,
    "kind" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PageDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactRoute_memberId_position_idx" ON "ContactRoute"("memberId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "EscalationPolicy_name_key" ON "EscalationPolicy"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Rotation_name_key" ON "Rotation"("name");

-- CreateIndex
CREATE INDEX "Page_subjectType_subjectId_idx" ON "Page"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "Page_incidentId_idx" ON "Page"("incidentId");

-- CreateIndex
CREATE INDEX "PageDelivery_status_idx" ON "PageDelivery"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PageDelivery_pageId_memberId_routeId_step_key" ON "PageDelivery"("pageId", "memberId", "routeId", "step");

-- AddForeignKey
ALTER TABLE "ContactRoute" ADD CONSTRAINT "ContactRoute_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PageDelivery" ADD CONSTRAINT "PageDelivery_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page"("id") ON DELETE CASCADE ON UPDATE CASCADE;
