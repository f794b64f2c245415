ALTER TABLE "people_person" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "people_person_search_idx" ON "people_person" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
-- Persons registered before the column: their words in the database's lower case (the app writes JavaScript's from now on).
UPDATE "people_person" SET "search_text" = lower(concat_ws(' ', "first_name", "last_name", coalesce("employee_number", ''), coalesce("email", '')));
