-- Data version: every transaction that changes what the API serves takes a fresh number
-- from this sequence and announces it on the channel parley_data_changed, once, at commit
-- (NOTIFY is transactional). Servers listen and key their response caches by the last
-- number heard, so a write on any server invalidates every server's cached reads.
-- Written by hand: Prisma's schema has no way to say sequences, functions or triggers.

CREATE SEQUENCE "parley_data_version";

CREATE FUNCTION "parley_notify_data_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- One announcement per transaction, however many statements and tables it touched.
  IF current_setting('parley.data_version_announced', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('parley.data_version_announced', txid_current()::text, true);
    PERFORM pg_notify('parley_data_changed', nextval('parley_data_version')::text);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "source_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "source"
  FOR EACH STATEMENT EXECUTE FUNCTION "parley_notify_data_changed"();
CREATE TRIGGER "actor_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "actor"
  FOR EACH STATEMENT EXECUTE FUNCTION "parley_notify_data_changed"();
CREATE TRIGGER "actor_alias_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "actor_alias"
  FOR EACH STATEMENT EXECUTE FUNCTION "parley_notify_data_changed"();
CREATE TRIGGER "place_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "place"
  FOR EACH STATEMENT EXECUTE FUNCTION "parley_notify_data_changed"();
CREATE TRIGGER "place_alias_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "place_alias"
  FOR EACH STATEMENT EXECUTE FUNCTION "parley_notify_data_changed"();
CREATE TRIGGER "timeline_item_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "timeline_item"
  FOR EACH STATEMENT EXECUTE FUNCTION "parley_notify_data_changed"();
CREATE TRIGGER "participant_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "participant"
  FOR EACH STATEMENT EXECUTE FUNCTION "parley_notify_data_changed"();
CREATE TRIGGER "citation_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "citation"
  FOR EACH STATEMENT EXECUTE FUNCTION "parley_notify_data_changed"();
CREATE TRIGGER "item_link_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "item_link"
  FOR EACH STATEMENT EXECUTE FUNCTION "parley_notify_data_changed"();
