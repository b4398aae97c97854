-- AlterTable
ALTER TABLE "source" ADD COLUMN     "anchored_at" TIMESTAMPTZ(3);
