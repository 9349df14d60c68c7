-- AlterTable
ALTER TABLE "SafeSignature" ADD COLUMN     "isOwnerUnverified" BOOLEAN NOT NULL DEFAULT false;
