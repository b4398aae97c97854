-- Trigram matching for fuzzy quote and name lookup.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'WEEK', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "DateBasis" AS ENUM ('CALLER', 'EXPLICIT', 'URL', 'RELATIVE', 'PUBLICATION', 'CAPTION', 'CORROBORATION');

-- CreateEnum
CREATE TYPE "ArticleFormat" AS ENUM ('TEXT', 'MARKDOWN', 'HTML');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('PERSON', 'ORGANIZATION', 'COUNTRY');

-- CreateEnum
CREATE TYPE "ItemKind" AS ENUM ('EVENT', 'MEETING', 'STATEMENT');

-- CreateEnum
CREATE TYPE "ItemStatus" AS ENUM ('OCCURRED', 'SCHEDULED');

-- CreateEnum
CREATE TYPE "ReviewState" AS ENUM ('UNREVIEWED', 'CONFIRMED', 'DISPUTED', 'REJECTED');

-- CreateEnum
CREATE TYPE "QuoteMode" AS ENUM ('DIRECT', 'PARTIAL', 'UNMARKED');

-- CreateEnum
CREATE TYPE "MeetingFormat" AS ENUM ('IN_PERSON', 'PHONE', 'VIDEO', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('SPEAKER', 'PARTICIPANT', 'MENTIONED');

-- CreateEnum
CREATE TYPE "ItemLinkKind" AS ENUM ('RESPONDS_TO', 'SAME_REMARK');

-- CreateEnum
CREATE TYPE "ApiKeyRole" AS ENUM ('READER', 'EDITOR', 'ADMIN');

-- CreateTable
CREATE TABLE "source" (
    "id" UUID NOT NULL,
    "url" TEXT,
    "title" TEXT,
    "publisher" TEXT,
    "author" TEXT,
    "wire_credits" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "published_at" TIMESTAMPTZ(3),
    "published_precision" "DatePrecision",
    "published_basis" "DateBasis",
    "format" "ArticleFormat" NOT NULL,
    "raw_text" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "content_hash" CHAR(64) NOT NULL,
    "fingerprint" BIGINT NOT NULL,
    "fingerprint_bands" INTEGER[],
    "duplicate_of_id" UUID,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "extractor_version" TEXT NOT NULL,
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actor" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actor_alias" (
    "id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "alias" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,

    CONSTRAINT "actor_alias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "place" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "country" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,

    CONSTRAINT "place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "place_alias" (
    "id" UUID NOT NULL,
    "place_id" UUID NOT NULL,
    "alias" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,

    CONSTRAINT "place_alias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "timeline_item" (
    "id" UUID NOT NULL,
    "kind" "ItemKind" NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "date_start" TIMESTAMPTZ(3),
    "date_end" TIMESTAMPTZ(3),
    "date_precision" "DatePrecision",
    "date_basis" "DateBasis",
    "date_conflict" BOOLEAN NOT NULL DEFAULT false,
    "status" "ItemStatus" NOT NULL DEFAULT 'OCCURRED',
    "place_id" UUID,
    "confidence" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "review_state" "ReviewState" NOT NULL DEFAULT 'UNREVIEWED',
    "source_count" INTEGER NOT NULL DEFAULT 0,
    "speaker_id" UUID,
    "quote" TEXT,
    "quote_mode" "QuoteMode",
    "meeting_format" "MeetingFormat",
    "action" TEXT,
    "search" tsvector GENERATED ALWAYS AS ((setweight(to_tsvector('english'::regconfig, COALESCE(title, ''::text)), 'A'::"char") || setweight(to_tsvector('english'::regconfig, COALESCE(quote, ''::text)), 'B'::"char")) || setweight(to_tsvector('english'::regconfig, COALESCE(summary, ''::text)), 'C'::"char")) STORED,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "timeline_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participant" (
    "item_id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "role" "ParticipantRole" NOT NULL,

    CONSTRAINT "participant_pkey" PRIMARY KEY ("item_id","actor_id","role")
);

-- CreateTable
CREATE TABLE "citation" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "excerpt" TEXT NOT NULL,
    "start" INTEGER,
    "end" INTEGER,
    "quote_text" TEXT,
    "date_start" TIMESTAMPTZ(3),
    "date_end" TIMESTAMPTZ(3),
    "date_precision" "DatePrecision",
    "date_basis" "DateBasis",
    "date_expression" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_link" (
    "from_item_id" UUID NOT NULL,
    "to_item_id" UUID NOT NULL,
    "kind" "ItemLinkKind" NOT NULL,

    CONSTRAINT "item_link_pkey" PRIMARY KEY ("from_item_id","to_item_id","kind")
);

-- CreateTable
CREATE TABLE "api_key" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" CHAR(64) NOT NULL,
    "role" "ApiKeyRole" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "source_content_hash_key" ON "source"("content_hash");

-- CreateIndex
CREATE INDEX "source_url_idx" ON "source"("url");

-- CreateIndex
CREATE INDEX "source_duplicate_of_id_idx" ON "source"("duplicate_of_id");

-- CreateIndex
CREATE INDEX "source_ingested_at_id_idx" ON "source"("ingested_at", "id");

-- CreateIndex
CREATE INDEX "source_fingerprint_bands_idx" ON "source" USING GIN ("fingerprint_bands");

-- CreateIndex
CREATE INDEX "actor_kind_name_idx" ON "actor"("kind", "name");

-- CreateIndex
CREATE INDEX "actor_alias_normalized_idx" ON "actor_alias"("normalized");

-- CreateIndex
CREATE INDEX "actor_alias_normalized_trgm_idx" ON "actor_alias" USING GIN ("normalized" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "actor_alias_actor_id_normalized_key" ON "actor_alias"("actor_id", "normalized");

-- CreateIndex
CREATE INDEX "place_name_idx" ON "place"("name");

-- CreateIndex
CREATE INDEX "place_alias_normalized_idx" ON "place_alias"("normalized");

-- CreateIndex
CREATE UNIQUE INDEX "place_alias_place_id_normalized_key" ON "place_alias"("place_id", "normalized");

-- CreateIndex
CREATE INDEX "timeline_item_date_start_id_idx" ON "timeline_item"("date_start", "id");

-- CreateIndex
CREATE INDEX "timeline_item_kind_date_start_id_idx" ON "timeline_item"("kind", "date_start", "id");

-- CreateIndex
CREATE INDEX "timeline_item_speaker_id_idx" ON "timeline_item"("speaker_id");

-- CreateIndex
CREATE INDEX "timeline_item_place_id_idx" ON "timeline_item"("place_id");

-- CreateIndex
CREATE INDEX "timeline_item_search_idx" ON "timeline_item" USING GIN ("search");

-- CreateIndex
CREATE INDEX "timeline_item_quote_trgm_idx" ON "timeline_item" USING GIN ("quote" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "participant_actor_id_item_id_idx" ON "participant"("actor_id", "item_id");

-- CreateIndex
CREATE INDEX "citation_item_id_created_at_idx" ON "citation"("item_id", "created_at");

-- CreateIndex
CREATE INDEX "citation_source_id_idx" ON "citation"("source_id");

-- CreateIndex
CREATE INDEX "item_link_to_item_id_idx" ON "item_link"("to_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_key_hash_key" ON "api_key"("key_hash");

-- AddForeignKey
ALTER TABLE "source" ADD CONSTRAINT "source_duplicate_of_id_fkey" FOREIGN KEY ("duplicate_of_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actor_alias" ADD CONSTRAINT "actor_alias_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "place_alias" ADD CONSTRAINT "place_alias_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "timeline_item" ADD CONSTRAINT "timeline_item_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "timeline_item" ADD CONSTRAINT "timeline_item_speaker_id_fkey" FOREIGN KEY ("speaker_id") REFERENCES "actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant" ADD CONSTRAINT "participant_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "timeline_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant" ADD CONSTRAINT "participant_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "timeline_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_link" ADD CONSTRAINT "item_link_from_item_id_fkey" FOREIGN KEY ("from_item_id") REFERENCES "timeline_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_link" ADD CONSTRAINT "item_link_to_item_id_fkey" FOREIGN KEY ("to_item_id") REFERENCES "timeline_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Invariants Prisma cannot express. They are enforced by triggers rather than CHECK
-- constraints because Prisma's WebAssembly schema engine (used for the drift check and
-- for generating migrations) cannot introspect CHECK constraints; triggers are invisible
-- to it. A fuzzy date is all or nothing and never empty; a statement always has its
-- speaker and words; confidence is a probability; citation offsets are a forward range.
CREATE FUNCTION "timeline_item_enforce_invariants"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT (
        (NEW."date_start" IS NULL AND NEW."date_end" IS NULL AND NEW."date_precision" IS NULL)
        OR (NEW."date_start" IS NOT NULL AND NEW."date_end" > NEW."date_start" AND NEW."date_precision" IS NOT NULL)
    ) THEN
        RAISE EXCEPTION 'timeline_item %: a fuzzy date needs start < end and a precision, or none of them', NEW."id"
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."kind" = 'STATEMENT' AND (NEW."speaker_id" IS NULL OR NEW."quote" IS NULL) THEN
        RAISE EXCEPTION 'timeline_item %: a statement needs a speaker and a quote', NEW."id"
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."confidence" < 0 OR NEW."confidence" > 1 THEN
        RAISE EXCEPTION 'timeline_item %: confidence must be between 0 and 1', NEW."id"
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "timeline_item_invariants"
    BEFORE INSERT OR UPDATE ON "timeline_item"
    FOR EACH ROW EXECUTE FUNCTION "timeline_item_enforce_invariants"();

CREATE FUNCTION "citation_enforce_invariants"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT (
        (NEW."start" IS NULL AND NEW."end" IS NULL)
        OR (NEW."start" >= 0 AND NEW."end" >= NEW."start")
    ) THEN
        RAISE EXCEPTION 'citation %: offsets must satisfy 0 <= start <= end', NEW."id"
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "citation_invariants"
    BEFORE INSERT OR UPDATE ON "citation"
    FOR EACH ROW EXECUTE FUNCTION "citation_enforce_invariants"();
