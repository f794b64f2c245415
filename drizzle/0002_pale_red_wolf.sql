CREATE TABLE "staffing_fact" (
	"period_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"profession" text NOT NULL,
	"measure" text NOT NULL,
	"breakdown" text DEFAULT '' NOT NULL,
	"value" numeric(14, 2) NOT NULL,
	CONSTRAINT "staffing_fact_period_id_municipality_id_profession_measure_breakdown_pk" PRIMARY KEY("period_id","municipality_id","profession","measure","breakdown"),
	CONSTRAINT "staffing_fact_value_not_negative" CHECK ("staffing_fact"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "staffing_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" text,
	"uploaded_by_token" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"payload" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "staffing_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"profession_id" uuid,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"min_age" integer,
	"max_age" integer,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staffing_item_key_unique" UNIQUE NULLS NOT DISTINCT("kind","profession_id","key"),
	CONSTRAINT "staffing_item_specialty_profession" CHECK (("staffing_item"."kind" = 'specialty') = ("staffing_item"."profession_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "staffing_period" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"reference_date" date NOT NULL,
	"deadline" date NOT NULL,
	"closed" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staffing_period_label_unique" UNIQUE("label")
);
--> statement-breakpoint
CREATE TABLE "staffing_profession" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"licensed" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staffing_profession_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "staffing_reminder" (
	"period_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staffing_reminder_period_id_municipality_id_kind_pk" PRIMARY KEY("period_id","municipality_id","kind")
);
--> statement-breakpoint
CREATE TABLE "staffing_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"status" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staffing_report_transition" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"comment" text,
	"actor_user_id" text,
	"actor_token_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staffing_fact" ADD CONSTRAINT "staffing_fact_period_id_staffing_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."staffing_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_fact" ADD CONSTRAINT "staffing_fact_municipality_id_organisation_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_import" ADD CONSTRAINT "staffing_import_period_id_staffing_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."staffing_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_import" ADD CONSTRAINT "staffing_import_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_item" ADD CONSTRAINT "staffing_item_profession_id_staffing_profession_id_fk" FOREIGN KEY ("profession_id") REFERENCES "public"."staffing_profession"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_period" ADD CONSTRAINT "staffing_period_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_reminder" ADD CONSTRAINT "staffing_reminder_period_id_staffing_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."staffing_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_reminder" ADD CONSTRAINT "staffing_reminder_municipality_id_organisation_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_report" ADD CONSTRAINT "staffing_report_period_id_staffing_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."staffing_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_report" ADD CONSTRAINT "staffing_report_municipality_id_organisation_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_report_transition" ADD CONSTRAINT "staffing_report_transition_report_id_staffing_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."staffing_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_report_transition" ADD CONSTRAINT "staffing_report_transition_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staffing_import_period_idx" ON "staffing_import" USING btree ("period_id","created_at");--> statement-breakpoint
CREATE INDEX "staffing_period_reference_idx" ON "staffing_period" USING btree ("reference_date");--> statement-breakpoint
CREATE UNIQUE INDEX "staffing_report_period_municipality" ON "staffing_report" USING btree ("period_id","municipality_id");--> statement-breakpoint
CREATE INDEX "staffing_report_transition_report_idx" ON "staffing_report_transition" USING btree ("report_id","at");