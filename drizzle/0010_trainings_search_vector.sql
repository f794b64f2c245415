CREATE TABLE "training_search_word" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_item" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('swedish'::regconfig, kn_unaccent(search_text))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "training_item_status_title_idx" ON "training_item" USING btree ("status",lower("title"),"id");--> statement-breakpoint
CREATE INDEX "training_item_search_vector_idx" ON "training_item" USING gin ("search_vector");--> statement-breakpoint
-- The search now reads the stored vector; the expression indexes of 0006 are no longer used.
DROP INDEX IF EXISTS "training_item_fts_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "training_item_trgm_idx";
--> statement-breakpoint
-- The word list for typo correction (decision 005): every accent-folded word of three letters or more of an item's
-- search text, added whenever the text is written, whichever code path writes it.
CREATE OR REPLACE FUNCTION kn_training_search_words() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO "training_search_word" ("word")
    SELECT DISTINCT w.word
    FROM regexp_split_to_table(kn_unaccent(lower(NEW."search_text")), '[^[:alnum:]]+') AS w(word)
    WHERE length(w.word) BETWEEN 3 AND 60
  ON CONFLICT ("word") DO NOTHING;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "training_item_search_words"
  AFTER INSERT OR UPDATE OF "search_text" ON "training_item"
  FOR EACH ROW EXECUTE FUNCTION kn_training_search_words();
--> statement-breakpoint
INSERT INTO "training_search_word" ("word")
  SELECT DISTINCT w.word
  FROM "training_item", regexp_split_to_table(kn_unaccent(lower("search_text")), '[^[:alnum:]]+') AS w(word)
  WHERE length(w.word) BETWEEN 3 AND 60
ON CONFLICT ("word") DO NOTHING;
