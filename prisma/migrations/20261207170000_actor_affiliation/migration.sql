-- AlterTable: whom an actor speaks for (a spokesperson's principal); additive, nullable.
ALTER TABLE "actor" ADD COLUMN     "affiliation_id" UUID;

-- CreateIndex
CREATE INDEX "actor_affiliation_id_idx" ON "actor"("affiliation_id");

-- AddForeignKey
ALTER TABLE "actor" ADD CONSTRAINT "actor_affiliation_id_fkey" FOREIGN KEY ("affiliation_id") REFERENCES "actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;
