-- CreateTable
CREATE TABLE "timeline_day_count" (
    "day" DATE NOT NULL,
    "kind" "ItemKind" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "timeline_day_count_pkey" PRIMARY KEY ("day","kind")
);

-- Kept by statement-level triggers with transition tables: one upsert per statement,
-- however many rows it touched (COPY and batch inserts included). Rows are added in
-- (day, kind) order so concurrent writers lock them in the same order. Written by hand:
-- Prisma's schema has no way to say functions or triggers. A day whose count falls to
-- zero keeps its row; readers skip zero counts.
CREATE FUNCTION "timeline_day_count_add_new"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "timeline_day_count" ("day", "kind", "count")
    SELECT ("date_start" AT TIME ZONE 'UTC')::date, "kind", count(*)
    FROM "new_items" WHERE "date_start" IS NOT NULL
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("day", "kind") DO UPDATE SET "count" = "timeline_day_count"."count" + EXCLUDED."count";
    RETURN NULL;
END;
$$;

CREATE FUNCTION "timeline_day_count_remove_old"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "timeline_day_count" AS d SET "count" = d."count" - o."n"
    FROM (
        SELECT ("date_start" AT TIME ZONE 'UTC')::date AS "day", "kind", count(*) AS "n"
        FROM "old_items" WHERE "date_start" IS NOT NULL GROUP BY 1, 2
    ) AS o
    WHERE d."day" = o."day" AND d."kind" = o."kind";
    RETURN NULL;
END;
$$;

CREATE FUNCTION "timeline_day_count_move"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Most updates (source counts, titles) move nothing: the deltas cancel and no row is written.
    INSERT INTO "timeline_day_count" ("day", "kind", "count")
    SELECT "day", "kind", sum("n") FROM (
        SELECT ("date_start" AT TIME ZONE 'UTC')::date AS "day", "kind", 1 AS "n"
        FROM "new_items" WHERE "date_start" IS NOT NULL
        UNION ALL
        SELECT ("date_start" AT TIME ZONE 'UTC')::date, "kind", -1
        FROM "old_items" WHERE "date_start" IS NOT NULL
    ) AS delta
    GROUP BY 1, 2 HAVING sum("n") <> 0 ORDER BY 1, 2
    ON CONFLICT ("day", "kind") DO UPDATE SET "count" = "timeline_day_count"."count" + EXCLUDED."count";
    RETURN NULL;
END;
$$;

CREATE FUNCTION "timeline_day_count_clear"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "timeline_day_count";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "timeline_day_count_insert" AFTER INSERT ON "timeline_item"
    REFERENCING NEW TABLE AS "new_items"
    FOR EACH STATEMENT EXECUTE FUNCTION "timeline_day_count_add_new"();
CREATE TRIGGER "timeline_day_count_delete" AFTER DELETE ON "timeline_item"
    REFERENCING OLD TABLE AS "old_items"
    FOR EACH STATEMENT EXECUTE FUNCTION "timeline_day_count_remove_old"();
CREATE TRIGGER "timeline_day_count_update" AFTER UPDATE ON "timeline_item"
    REFERENCING OLD TABLE AS "old_items" NEW TABLE AS "new_items"
    FOR EACH STATEMENT EXECUTE FUNCTION "timeline_day_count_move"();
CREATE TRIGGER "timeline_day_count_truncate" AFTER TRUNCATE ON "timeline_item"
    FOR EACH STATEMENT EXECUTE FUNCTION "timeline_day_count_clear"();

-- Existing items.
INSERT INTO "timeline_day_count" ("day", "kind", "count")
SELECT ("date_start" AT TIME ZONE 'UTC')::date, "kind", count(*)
FROM "timeline_item" WHERE "date_start" IS NOT NULL
GROUP BY 1, 2;
