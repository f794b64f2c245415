CREATE TABLE "calendar_feed_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"built_version" bigint NOT NULL,
	"built_for" text NOT NULL,
	"body" text NOT NULL,
	"etag" text NOT NULL,
	"modified_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_feed_version" (
	"scope" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ADD COLUMN "feed_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ADD COLUMN "built_version" bigint;--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ADD COLUMN "built_for" text;--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ADD COLUMN "body" text;--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ADD COLUMN "etag" text;--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ADD COLUMN "modified_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "calendar_feed_token_person_idx" ON "calendar_feed_token" USING btree ("person_id");--> statement-breakpoint
-- The calendar feeds' change counters (decision 031). Every write that changes what a feed shows raises them in the
-- same transaction, whatever code made it (another module's lookup, a job, the demo, another app server): a feed's
-- kept body answers only while the counters are what it was built at. Statement-level triggers with transition tables,
-- so a bulk insert of registrations costs one update, not one per row.
CREATE FUNCTION kn_calendar_changed(p_occasions uuid[], p_organisers uuid[], p_networks uuid[], p_creators text[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- The open feeds: the region's occasions are in every municipality's feed; a municipality's are in its own and in
  -- those it has seats for; a network's in the network's.
  INSERT INTO calendar_feed_version AS v (scope, version)
    SELECT s.scope, 1 FROM (
      SELECT CASE WHEN o.kind = 'region' THEN 'region' ELSE 'organisation:' || o.id END AS scope
        FROM organisation o WHERE o.id = ANY (p_organisers)
      UNION SELECT 'network:' || n FROM unnest(p_networks) AS n WHERE n IS NOT NULL
      UNION SELECT 'organisation:' || st.organisation_id FROM activity_seat st WHERE st.occasion_id = ANY (p_occasions)
    ) s ORDER BY s.scope
  ON CONFLICT (scope) DO UPDATE SET version = v.version + 1;
  -- The personal feeds: of the persons registered or waitlisted on the occasions, and of those who organise them
  -- (the organiser's admins, brokers and managers, the network's members, who created the activity). Rows are
  -- locked in one order so that two changes never wait on each other crosswise.
  UPDATE calendar_feed_token t SET feed_version = t.feed_version + 1
   WHERE t.user_id IN (
     SELECT f.user_id FROM calendar_feed_token f
      WHERE f.person_id IN (SELECT r.person_id FROM activity_registration r
                             WHERE r.occasion_id = ANY (p_occasions) AND r.state IN ('registered', 'waitlisted'))
         OR f.user_id = ANY (p_creators)
         OR f.user_id IN (SELECT m.user_id FROM network_member m WHERE m.network_id = ANY (p_networks))
         OR f.user_id IN (SELECT u.id FROM "user" u WHERE u.organisation_id = ANY (p_organisers)
              AND EXISTS (SELECT 1 FROM user_role ur WHERE ur.user_id = u.id
                           AND ur.role IN ('regional_admin', 'municipal_admin', 'broker', 'manager')))
      ORDER BY f.user_id FOR UPDATE);
END
$$;
--> statement-breakpoint
CREATE FUNCTION kn_calendar_occasion_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  occ uuid[];
  acts uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.id), array_agg(DISTINCT n.activity_id) INTO occ, acts FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o.id), array_agg(DISTINCT o.activity_id) INTO occ, acts FROM old_rows o;
  ELSE
    -- Only what an event shows (a reminder's time or the capacity change nothing in a calendar).
    SELECT array_agg(n.id), array_agg(DISTINCT n.activity_id) || array_agg(DISTINCT o.activity_id) INTO occ, acts
      FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE (n.starts_at, n.ends_at, n.status, n.place, n.online_url, n.updated_at, n.created_at, n.activity_id)
           IS DISTINCT FROM (o.starts_at, o.ends_at, o.status, o.place, o.online_url, o.updated_at, o.created_at, o.activity_id);
  END IF;
  IF occ IS NOT NULL THEN
    PERFORM kn_calendar_changed(occ,
      ARRAY(SELECT DISTINCT a.organiser_id FROM activity a WHERE a.id = ANY (acts)),
      ARRAY(SELECT DISTINCT a.network_id FROM activity a WHERE a.id = ANY (acts) AND a.network_id IS NOT NULL),
      ARRAY(SELECT DISTINCT a.created_by FROM activity a WHERE a.id = ANY (acts) AND a.created_by IS NOT NULL));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "activity_occasion_calendar_insert" AFTER INSERT ON "activity_occasion"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kn_calendar_occasion_changed();
--> statement-breakpoint
CREATE TRIGGER "activity_occasion_calendar_update" AFTER UPDATE ON "activity_occasion"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kn_calendar_occasion_changed();
--> statement-breakpoint
CREATE TRIGGER "activity_occasion_calendar_delete" AFTER DELETE ON "activity_occasion"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kn_calendar_occasion_changed();
--> statement-breakpoint
CREATE FUNCTION kn_calendar_activity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  acts uuid[];
  orgs uuid[];
  nets uuid[];
  creators text[];
  occ uuid[];
BEGIN
  -- Its title, description, organiser or network: every occasion's event, the old and the new organiser's feeds.
  SELECT array_agg(n.id), array_agg(n.organiser_id) || array_agg(o.organiser_id),
         array_remove(array_agg(n.network_id) || array_agg(o.network_id), NULL),
         array_remove(array_agg(n.created_by) || array_agg(o.created_by), NULL)
    INTO acts, orgs, nets, creators
    FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE (n.title, n.description, n.organiser_id, n.network_id, n.created_by)
         IS DISTINCT FROM (o.title, o.description, o.organiser_id, o.network_id, o.created_by);
  IF acts IS NULL THEN RETURN NULL; END IF;
  occ := ARRAY(SELECT oc.id FROM activity_occasion oc WHERE oc.activity_id = ANY (acts));
  IF cardinality(occ) > 0 THEN
    PERFORM kn_calendar_changed(occ, orgs, nets, creators);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "activity_calendar_update" AFTER UPDATE ON "activity"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kn_calendar_activity_changed();
--> statement-breakpoint
CREATE FUNCTION kn_calendar_registration_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  persons uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.person_id) INTO persons FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o.person_id) INTO persons FROM old_rows o;
  ELSE
    -- A state (registered, waitlisted, moved up, cancelled); attendance and hours are not in a calendar.
    SELECT array_agg(DISTINCT p) INTO persons FROM (
      SELECT unnest(ARRAY[n.person_id, o.person_id]) AS p
        FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.state, n.person_id, n.occasion_id) IS DISTINCT FROM (o.state, o.person_id, o.occasion_id)) x;
  END IF;
  IF persons IS NOT NULL THEN
    UPDATE calendar_feed_token t SET feed_version = t.feed_version + 1
     WHERE t.user_id IN (SELECT f.user_id FROM calendar_feed_token f WHERE f.person_id = ANY (persons)
                          ORDER BY f.user_id FOR UPDATE);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "activity_registration_calendar_insert" AFTER INSERT ON "activity_registration"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kn_calendar_registration_changed();
--> statement-breakpoint
CREATE TRIGGER "activity_registration_calendar_update" AFTER UPDATE ON "activity_registration"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kn_calendar_registration_changed();
--> statement-breakpoint
CREATE TRIGGER "activity_registration_calendar_delete" AFTER DELETE ON "activity_registration"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kn_calendar_registration_changed();
--> statement-breakpoint
CREATE FUNCTION kn_calendar_seat_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Seats for a municipality put the occasion in its feed (the number does not matter).
  IF TG_OP = 'INSERT' THEN
    INSERT INTO calendar_feed_version AS v (scope, version)
      SELECT DISTINCT 'organisation:' || n.organisation_id, 1 FROM new_rows n ORDER BY 1
    ON CONFLICT (scope) DO UPDATE SET version = v.version + 1;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO calendar_feed_version AS v (scope, version)
      SELECT DISTINCT 'organisation:' || o.organisation_id, 1 FROM old_rows o ORDER BY 1
    ON CONFLICT (scope) DO UPDATE SET version = v.version + 1;
  ELSE
    INSERT INTO calendar_feed_version AS v (scope, version)
      SELECT DISTINCT s, 1 FROM (
        SELECT 'organisation:' || n.organisation_id AS s FROM new_rows n
         WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE (o.occasion_id, o.organisation_id) = (n.occasion_id, n.organisation_id))
        UNION SELECT 'organisation:' || o.organisation_id FROM old_rows o
         WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE (o.occasion_id, o.organisation_id) = (n.occasion_id, n.organisation_id))
      ) x ORDER BY 1
    ON CONFLICT (scope) DO UPDATE SET version = v.version + 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "activity_seat_calendar_insert" AFTER INSERT ON "activity_seat"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kn_calendar_seat_changed();
--> statement-breakpoint
CREATE TRIGGER "activity_seat_calendar_update" AFTER UPDATE ON "activity_seat"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kn_calendar_seat_changed();
--> statement-breakpoint
CREATE TRIGGER "activity_seat_calendar_delete" AFTER DELETE ON "activity_seat"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kn_calendar_seat_changed();
--> statement-breakpoint
CREATE FUNCTION kn_calendar_organisation_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The organiser's name is in its events.
  PERFORM kn_calendar_changed(
    ARRAY(SELECT oc.id FROM activity_occasion oc JOIN activity a ON a.id = oc.activity_id WHERE a.organiser_id = NEW.id),
    ARRAY[NEW.id],
    ARRAY(SELECT DISTINCT a.network_id FROM activity a WHERE a.organiser_id = NEW.id AND a.network_id IS NOT NULL),
    ARRAY(SELECT DISTINCT a.created_by FROM activity a WHERE a.organiser_id = NEW.id AND a.created_by IS NOT NULL));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "organisation_calendar_rename" AFTER UPDATE OF "name" ON "organisation"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION kn_calendar_organisation_renamed();
