-- Decision 045: a TRUNCATE fires no row triggers, so neither the feed versions of 0032 nor the notices of 0036 see it
-- (a backup's restore truncates every table, then inserts with the triggers disabled). A TRUNCATE of a table a personal
-- feed depends on sends the notice for every feed: each server asks the database again on each feed's next poll.
CREATE TRIGGER "calendar_feed_token_calendar_feed_notice_truncate" AFTER TRUNCATE ON "calendar_feed_token" FOR EACH STATEMENT
  EXECUTE FUNCTION kn_calendar_feed_notice('all');
--> statement-breakpoint
CREATE TRIGGER "activity_calendar_feed_notice_truncate" AFTER TRUNCATE ON "activity" FOR EACH STATEMENT
  EXECUTE FUNCTION kn_calendar_feed_notice('all');
--> statement-breakpoint
CREATE TRIGGER "activity_occasion_calendar_feed_notice_truncate" AFTER TRUNCATE ON "activity_occasion" FOR EACH STATEMENT
  EXECUTE FUNCTION kn_calendar_feed_notice('all');
--> statement-breakpoint
CREATE TRIGGER "activity_registration_calendar_feed_notice_truncate" AFTER TRUNCATE ON "activity_registration" FOR EACH STATEMENT
  EXECUTE FUNCTION kn_calendar_feed_notice('all');
--> statement-breakpoint
CREATE TRIGGER "user_calendar_feed_notice_truncate" AFTER TRUNCATE ON "user" FOR EACH STATEMENT
  EXECUTE FUNCTION kn_calendar_feed_notice('all');
--> statement-breakpoint
CREATE TRIGGER "user_role_calendar_feed_notice_truncate" AFTER TRUNCATE ON "user_role" FOR EACH STATEMENT
  EXECUTE FUNCTION kn_calendar_feed_notice('all');
--> statement-breakpoint
CREATE TRIGGER "network_member_calendar_feed_notice_truncate" AFTER TRUNCATE ON "network_member" FOR EACH STATEMENT
  EXECUTE FUNCTION kn_calendar_feed_notice('all');
--> statement-breakpoint
CREATE TRIGGER "people_person_calendar_feed_notice_truncate" AFTER TRUNCATE ON "people_person" FOR EACH STATEMENT
  EXECUTE FUNCTION kn_calendar_feed_notice('all');
--> statement-breakpoint
CREATE TRIGGER "organisation_calendar_feed_notice_truncate" AFTER TRUNCATE ON "organisation" FOR EACH STATEMENT
  EXECUTE FUNCTION kn_calendar_feed_notice('all');
