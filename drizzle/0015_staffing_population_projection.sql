CREATE TABLE "population_projection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"age_group" text NOT NULL,
	"inhabitants" integer NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "population_projection_municipality_year_age" UNIQUE("municipality_id","year","age_group"),
	CONSTRAINT "population_projection_inhabitants_not_negative" CHECK ("population_projection"."inhabitants" >= 0),
	CONSTRAINT "population_projection_age_group" CHECK ("population_projection"."age_group" IN ('0-64', '65-79', '80+'))
);
--> statement-breakpoint
ALTER TABLE "population_projection" ADD CONSTRAINT "population_projection_municipality_id_organisation_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "population_projection" ADD CONSTRAINT "population_projection_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;