-- The catalogue's search (decision 005): Swedish full-text search on accent-folded text plus trigram similarity
-- for typos, confirmed by edit distance. All three contrib extensions are "trusted": the database's owner may create them without superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change); index expressions need an IMMUTABLE function. The
-- dictionary is named with its schema so the function does not depend on the caller's search_path.
CREATE OR REPLACE FUNCTION kn_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
CREATE INDEX "training_item_fts_idx" ON "training_item" USING gin (to_tsvector('swedish'::regconfig, kn_unaccent("search_text")));
--> statement-breakpoint
CREATE INDEX "training_item_trgm_idx" ON "training_item" USING gin (kn_unaccent(lower("search_text")) gin_trgm_ops);
--> statement-breakpoint
INSERT INTO "training_topic" ("key", "name", "name_en", "sort") VALUES
  ('demens', 'Demens', 'Dementia', 10),
  ('palliativ-vard', 'Palliativ vård', 'Palliative care', 20),
  ('lakemedel', 'Läkemedel', 'Medication', 30),
  ('hjartsvikt', 'Hjärtsvikt', 'Heart failure', 40),
  ('diabetes', 'Diabetes', 'Diabetes', 50),
  ('nutrition', 'Nutrition', 'Nutrition', 60),
  ('fallprevention', 'Fallprevention', 'Fall prevention', 70),
  ('vardhygien', 'Vårdhygien', 'Infection control', 80),
  ('rehabilitering', 'Rehabilitering', 'Rehabilitation', 90),
  ('psykisk-ohalsa', 'Psykisk ohälsa', 'Mental health', 100),
  ('sarvard', 'Sårvård', 'Wound care', 110),
  ('dokumentation', 'Dokumentation', 'Documentation', 120),
  ('hjalpmedel', 'Hjälpmedel', 'Assistive devices', 130),
  ('bemotande', 'Bemötande', 'Communication and care', 140)
ON CONFLICT ("key") DO NOTHING;
