CREATE TABLE "training_catalogue_revision" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_catalogue_revision" ADD CONSTRAINT "training_catalogue_revision_one_row" CHECK ("id" = 1);
--> statement-breakpoint
INSERT INTO "training_catalogue_revision" ("id", "revision") VALUES (1, 0) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
-- Moves the revision once per changing statement. The row lock orders concurrent writers, so the revision a reader
-- sees changes with every commit that changed the catalogue.
CREATE OR REPLACE FUNCTION kn_training_catalogue_bump() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE "training_catalogue_revision" SET "revision" = "revision" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Link-check bookkeeping (link_* columns) and the search columns are not shown publicly, so they do not bump it.
CREATE TRIGGER "training_item_catalogue_revision"
  AFTER INSERT OR DELETE OR UPDATE OF "title", "provider", "url", "description", "length_minutes", "format", "language", "status", "added_at", "last_reviewed_at"
  ON "training_item" FOR EACH STATEMENT EXECUTE FUNCTION kn_training_catalogue_bump();
--> statement-breakpoint
CREATE TRIGGER "training_item_profession_catalogue_revision"
  AFTER INSERT OR UPDATE OR DELETE ON "training_item_profession" FOR EACH STATEMENT EXECUTE FUNCTION kn_training_catalogue_bump();
--> statement-breakpoint
CREATE TRIGGER "training_item_topic_catalogue_revision"
  AFTER INSERT OR UPDATE OR DELETE ON "training_item_topic" FOR EACH STATEMENT EXECUTE FUNCTION kn_training_catalogue_bump();
--> statement-breakpoint
CREATE TRIGGER "training_topic_catalogue_revision"
  AFTER INSERT OR UPDATE OR DELETE ON "training_topic" FOR EACH STATEMENT EXECUTE FUNCTION kn_training_catalogue_bump();
