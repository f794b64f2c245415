CREATE TABLE "staffing_publication" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"reason" text NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"municipalities" jsonb NOT NULL,
	"cell_values" jsonb NOT NULL,
	"hidden" jsonb NOT NULL,
	"digest" text NOT NULL,
	"stats" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staffing_publication" ADD CONSTRAINT "staffing_publication_period_id_staffing_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."staffing_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_publication" ADD CONSTRAINT "staffing_publication_published_by_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staffing_publication_version" ON "staffing_publication" USING btree ("period_id","version");--> statement-breakpoint
CREATE INDEX "staffing_publication_period" ON "staffing_publication" USING btree ("period_id");