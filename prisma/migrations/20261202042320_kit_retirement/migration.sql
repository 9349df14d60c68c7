-- AlterTable
ALTER TABLE "EmergencyKit" ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "retiredBy" TEXT,
ADD COLUMN     "retiredReason" TEXT;
