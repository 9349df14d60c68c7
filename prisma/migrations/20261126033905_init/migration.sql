-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('viewer', 'responder', 'commander', 'admin');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('investigating', 'mitigating', 'monitoring', 'resolved');

-- CreateEnum
CREATE TYPE "IncidentPhase" AS ENUM ('detect', 'triage', 'contain', 'notify', 'diagnose', 'remediate', 'verify', 'resolve');

-- CreateEnum
CREATE TYPE "DetectedVia" AS ENUM ('alert', 'user_report', 'monitor', 'other');

-- CreateEnum
CREATE TYPE "ProposalState" AS ENUM ('draft', 'signing', 'ready', 'executed', 'failed', 'stale', 'rejected');

-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "name" TEXT NOT NULL,
    "severityScheme" TEXT NOT NULL DEFAULT 'P1-P4',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeverityLevel" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "definition" TEXT NOT NULL DEFAULT '',
    "examples" TEXT NOT NULL DEFAULT '',
    "responseTargetSeconds" INTEGER NOT NULL,
    "updateCadenceSeconds" INTEGER NOT NULL DEFAULT 1800,
    "postmortemDueSeconds" INTEGER NOT NULL DEFAULT 172800,
    "color" TEXT NOT NULL DEFAULT '#dc2626',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SeverityLevel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Chain" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "rpcUrls" TEXT[],
    "explorerUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Chain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "abi" JSONB,
    "placeholders" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Safe" (
    "id" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "owners" TEXT[],
    "threshold" INTEGER,
    "nonce" INTEGER,
    "roles" JSONB,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Safe_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL DEFAULT 'viewer',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthNonce" (
    "nonce" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthNonce_pkey" PRIMARY KEY ("nonce")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdBy" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "severityName" TEXT NOT NULL,
    "severityRank" INTEGER NOT NULL,
    "severityColor" TEXT NOT NULL,
    "responseTargetSeconds" INTEGER NOT NULL,
    "updateCadenceSeconds" INTEGER NOT NULL,
    "status" "IncidentStatus" NOT NULL DEFAULT 'investigating',
    "phase" "IncidentPhase" NOT NULL DEFAULT 'detect',
    "impact" TEXT NOT NULL DEFAULT '',
    "detectedVia" "DetectedVia" NOT NULL DEFAULT 'other',
    "affectedContracts" TEXT[],
    "commanderId" TEXT,
    "commsLeadId" TEXT,
    "scribeId" TEXT,
    "declaredById" TEXT,
    "isDrill" BOOLEAN NOT NULL DEFAULT false,
    "idempotencyKey" TEXT,
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),
    "containedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "nextUpdateDueAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimelineEvent" (
    "id" SERIAL NOT NULL,
    "incidentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "authorType" TEXT NOT NULL,
    "authorId" TEXT,
    "authorLabel" TEXT NOT NULL,
    "correctsId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimelineEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunbookDocument" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunbookDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunbookVersion" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "parsed" JSONB NOT NULL,
    "sha256" TEXT NOT NULL,
    "importedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunbookVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaceholderBinding" (
    "placeholder" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlaceholderBinding_pkey" PRIMARY KEY ("placeholder")
);

-- CreateTable
CREATE TABLE "IncidentRunbook" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "anchor" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "attachedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentRunbook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SafeProposal" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT,
    "isDrill" BOOLEAN NOT NULL DEFAULT false,
    "safeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "nonce" INTEGER NOT NULL,
    "to" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "operation" INTEGER NOT NULL,
    "safeTxGas" TEXT NOT NULL DEFAULT '0',
    "baseGas" TEXT NOT NULL DEFAULT '0',
    "gasPrice" TEXT NOT NULL DEFAULT '0',
    "gasToken" TEXT NOT NULL DEFAULT '0x0000000000000000000000000000000000000000',
    "refundReceiver" TEXT NOT NULL DEFAULT '0x0000000000000000000000000000000000000000',
    "calls" JSONB NOT NULL,
    "safeTxHash" TEXT NOT NULL,
    "domainHash" TEXT NOT NULL,
    "messageHash" TEXT NOT NULL,
    "simulation" JSONB,
    "state" "ProposalState" NOT NULL DEFAULT 'signing',
    "isRejection" BOOLEAN NOT NULL DEFAULT false,
    "source" JSONB,
    "executedTxHash" TEXT,
    "executedBlock" INTEGER,
    "executingSince" TIMESTAMP(3),
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SafeProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SafeSignature" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SafeSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Timelock" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT,
    "proposalId" TEXT NOT NULL,
    "contractId" TEXT,
    "startedSignature" TEXT NOT NULL,
    "followUpSignature" TEXT NOT NULL,
    "readyAt" TIMESTAMP(3) NOT NULL,
    "followUpId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Timelock_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SeverityLevel_name_key" ON "SeverityLevel"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_chainId_address_key" ON "Contract"("chainId", "address");

-- CreateIndex
CREATE UNIQUE INDEX "Safe_chainId_address_key" ON "Safe"("chainId", "address");

-- CreateIndex
CREATE UNIQUE INDEX "Member_address_key" ON "Member"("address");

-- CreateIndex
CREATE INDEX "AuthNonce_expiresAt_idx" ON "AuthNonce"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_number_key" ON "Incident"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_idempotencyKey_key" ON "Incident"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Incident_resolvedAt_declaredAt_id_idx" ON "Incident"("resolvedAt", "declaredAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Incident_declaredAt_id_idx" ON "Incident"("declaredAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Incident_status_declaredAt_idx" ON "Incident"("status", "declaredAt" DESC);

-- CreateIndex
CREATE INDEX "Incident_severityRank_declaredAt_idx" ON "Incident"("severityRank", "declaredAt" DESC);

-- CreateIndex
CREATE INDEX "TimelineEvent_incidentId_id_idx" ON "TimelineEvent"("incidentId", "id");

-- CreateIndex
CREATE INDEX "TimelineEvent_kind_idx" ON "TimelineEvent"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "RunbookDocument_slug_key" ON "RunbookDocument"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "RunbookVersion_documentId_version_key" ON "RunbookVersion"("documentId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentRunbook_incidentId_versionId_anchor_key" ON "IncidentRunbook"("incidentId", "versionId", "anchor");

-- CreateIndex
CREATE INDEX "SafeProposal_safeId_nonce_idx" ON "SafeProposal"("safeId", "nonce");

-- CreateIndex
CREATE INDEX "SafeProposal_incidentId_idx" ON "SafeProposal"("incidentId");

-- CreateIndex
CREATE UNIQUE INDEX "SafeSignature_proposalId_owner_key" ON "SafeSignature"("proposalId", "owner");

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_chainId_fkey" FOREIGN KEY ("chainId") REFERENCES "Chain"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Safe" ADD CONSTRAINT "Safe_chainId_fkey" FOREIGN KEY ("chainId") REFERENCES "Chain"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEvent" ADD CONSTRAINT "TimelineEvent_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunbookVersion" ADD CONSTRAINT "RunbookVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "RunbookDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentRunbook" ADD CONSTRAINT "IncidentRunbook_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentRunbook" ADD CONSTRAINT "IncidentRunbook_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "RunbookVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafeProposal" ADD CONSTRAINT "SafeProposal_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafeProposal" ADD CONSTRAINT "SafeProposal_safeId_fkey" FOREIGN KEY ("safeId") REFERENCES "Safe"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafeSignature" ADD CONSTRAINT "SafeSignature_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "SafeProposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
