-- AlterTable
ALTER TABLE "Chain" ADD COLUMN     "safeContracts" JSONB;

-- AlterTable
ALTER TABLE "SafeProposal" ADD COLUMN     "executingBy" TEXT,
ADD COLUMN     "verifications" JSONB;
