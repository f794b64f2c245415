-- Decision 045: a notice on channel kn_calendar_feed (payload: the user's id, or '*' for every feed) whenever
-- something a personal feed depends on changes, so that an app server listening on the channel may answer a poll
-- whose validators it holds without asking the database. The feed's version (raised by the triggers of 0032), its
-- address and linked person; the user's activity and organisation; their roles and networks; the person the staff
-- register links to the account; an organisation's kind. Row triggers with WHEN clauses: a bulk write of rows that
-- change nothing here (an HR import of persons without accounts) costs a comparison per row, no notice.
CREATE FUNCTION kn_calendar_feed_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_ARGV[0] = 'all' THEN
    PERFORM pg_notify('kn_calendar_feed', '*');
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.user_id IS NOT NULL THEN
    PERFORM pg_notify('kn_calendar_feed', OLD.user_id);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.user_id IS NOT NULL THEN
    PERFORM pg_notify('kn_calendar_feed', NEW.user_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "calendar_feed_token_notice_update" AFTER UPDATE ON "calendar_feed_token" FOR EACH ROW
  WHEN (OLD.feed_version IS DISTINCT FROM NEW.feed_version OR OLD.token_hash IS DISTINCT FROM NEW.token_hash
    OR OLD.person_id IS DISTINCT FROM NEW.person_id OR OLD.user_id IS DISTINCT FROM NEW.user_id)
  EXECUTE FUNCTION kn_calendar_feed_notice();
--> statement-breakpoint
CREATE TRIGGER "calendar_feed_token_notice_delete" AFTER DELETE ON "calendar_feed_token" FOR EACH ROW
  EXECUTE FUNCTION kn_calendar_feed_notice();
--> statement-breakpoint
CREATE FUNCTION kn_calendar_user_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kn_calendar_feed', OLD.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "user_calendar_feed_notice" AFTER UPDATE ON "user" FOR EACH ROW
  WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.organisation_id IS DISTINCT FROM NEW.organisation_id
    OR OLD.id IS DISTINCT FROM NEW.id)
  EXECUTE FUNCTION kn_calendar_user_notice();
--> statement-breakpoint
CREATE TRIGGER "user_role_calendar_feed_notice" AFTER INSERT OR UPDATE OR DELETE ON "user_role" FOR EACH ROW
  EXECUTE FUNCTION kn_calendar_feed_notice();
--> statement-breakpoint
CREATE TRIGGER "network_member_calendar_feed_notice" AFTER INSERT OR UPDATE OR DELETE ON "network_member" FOR EACH ROW
  EXECUTE FUNCTION kn_calendar_feed_notice();
--> statement-breakpoint
CREATE TRIGGER "people_person_calendar_feed_notice_insert" AFTER INSERT ON "people_person" FOR EACH ROW
  WHEN (NEW.user_id IS NOT NULL) EXECUTE FUNCTION kn_calendar_feed_notice();
--> statement-breakpoint
CREATE TRIGGER "people_person_calendar_feed_notice_update" AFTER UPDATE OF "user_id", "anonymised_at" ON "people_person"
  FOR EACH ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.anonymised_at IS DISTINCT FROM NEW.anonymised_at)
  EXECUTE FUNCTION kn_calendar_feed_notice();
--> statement-breakpoint
CREATE TRIGGER "people_person_calendar_feed_notice_delete" AFTER DELETE ON "people_person" FOR EACH ROW
  WHEN (OLD.user_id IS NOT NULL) EXECUTE FUNCTION kn_calendar_feed_notice();
--> statement-breakpoint
CREATE TRIGGER "organisation_calendar_feed_notice" AFTER UPDATE OF "kind" ON "organisation" FOR EACH ROW
  WHEN (OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION kn_calendar_feed_notice('all');
