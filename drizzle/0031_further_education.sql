CREATE TABLE "further_education_adoption" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"form" text,
	"status" text NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "further_education_adoption_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"adoption_id" uuid NOT NULL,
	"step_id" uuid,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "further_education_adoption_step" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"adoption_id" uuid NOT NULL,
	"status" text NOT NULL,
	"date" date NOT NULL,
	"decision_body" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"created_by_name" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "further_education_model" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"professions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pay_percent" integer NOT NULL,
	"study_pace_percent" integer NOT NULL,
	"clinical_percent" integer,
	"length_months" integer NOT NULL,
	"specialist_post_after" boolean NOT NULL,
	"binding_months" integer DEFAULT 0 NOT NULL,
	"costs" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "further_education_model_percents" CHECK ("further_education_model"."pay_percent" BETWEEN 0 AND 100 AND "further_education_model"."study_pace_percent" BETWEEN 1 AND 100 AND ("further_education_model"."clinical_percent" IS NULL OR "further_education_model"."clinical_percent" BETWEEN 0 AND 100) AND "further_education_model"."length_months" BETWEEN 1 AND 120 AND "further_education_model"."binding_months" BETWEEN 0 AND 120)
);
--> statement-breakpoint
CREATE TABLE "further_education_post" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"profession_key" text NOT NULL,
	"programme" text NOT NULL,
	"specialty_key" text,
	"model_id" uuid,
	"start_date" date NOT NULL,
	"expected_end" date NOT NULL,
	"pace_percent" integer NOT NULL,
	"status" text DEFAULT 'in_training' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "further_education_post_dates" CHECK ("further_education_post"."expected_end" > "further_education_post"."start_date"),
	CONSTRAINT "further_education_post_pace" CHECK ("further_education_post"."pace_percent" BETWEEN 1 AND 100)
);
--> statement-breakpoint
ALTER TABLE "further_education_adoption" ADD CONSTRAINT "further_education_adoption_model_id_further_education_model_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."further_education_model"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "further_education_adoption" ADD CONSTRAINT "further_education_adoption_municipality_id_organisation_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "further_education_adoption_document" ADD CONSTRAINT "further_education_adoption_document_adoption_id_further_education_adoption_id_fk" FOREIGN KEY ("adoption_id") REFERENCES "public"."further_education_adoption"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "further_education_adoption_document" ADD CONSTRAINT "further_education_adoption_document_step_id_further_education_adoption_step_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."further_education_adoption_step"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "further_education_adoption_document" ADD CONSTRAINT "further_education_adoption_document_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "further_education_adoption_step" ADD CONSTRAINT "further_education_adoption_step_adoption_id_further_education_adoption_id_fk" FOREIGN KEY ("adoption_id") REFERENCES "public"."further_education_adoption"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "further_education_adoption_step" ADD CONSTRAINT "further_education_adoption_step_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "further_education_model" ADD CONSTRAINT "further_education_model_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "further_education_post" ADD CONSTRAINT "further_education_post_municipality_id_organisation_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "further_education_post" ADD CONSTRAINT "further_education_post_profession_key_staffing_profession_key_fk" FOREIGN KEY ("profession_key") REFERENCES "public"."staffing_profession"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "further_education_post" ADD CONSTRAINT "further_education_post_model_id_further_education_model_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."further_education_model"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "further_education_post" ADD CONSTRAINT "further_education_post_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "further_education_adoption_unique" ON "further_education_adoption" USING btree ("model_id","municipality_id");--> statement-breakpoint
CREATE INDEX "further_education_adoption_document_idx" ON "further_education_adoption_document" USING btree ("adoption_id");--> statement-breakpoint
CREATE UNIQUE INDEX "further_education_document_file_unique" ON "further_education_adoption_document" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "further_education_adoption_step_idx" ON "further_education_adoption_step" USING btree ("adoption_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "further_education_model_key_unique" ON "further_education_model" USING btree ("key");--> statement-breakpoint
CREATE INDEX "further_education_post_municipality_idx" ON "further_education_post" USING btree ("municipality_id","expected_end");--> statement-breakpoint
CREATE INDEX "further_education_post_person_idx" ON "further_education_post" USING btree ("person_id");