-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('ANNOUNCEMENT', 'VOTE', 'SIGNING', 'RULING', 'ELECTION', 'ATTACK', 'DEATH', 'ARREST', 'RESIGNATION', 'LAUNCH', 'SANCTION', 'DEAL', 'PROTEST', 'DISASTER', 'OTHER');

-- AlterEnum
ALTER TYPE "DateBasis" ADD VALUE 'CONTEXT';

-- AlterTable
ALTER TABLE "timeline_item" ADD COLUMN     "event_type" "EventType";
