CREATE TABLE "career_checklist_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"step" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"due_date" date,
	"status" text DEFAULT 'todo' NOT NULL,
	"evidence_url" text,
	"evidence_file_id" uuid,
	"evidence_note" text DEFAULT '' NOT NULL,
	"template_key" text,
	"completed_at" timestamp with time zone,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "career_implementation" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"owner_title" text DEFAULT '' NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"project_leader" text DEFAULT '' NOT NULL,
	"project_group" text DEFAULT '' NOT NULL,
	"adopted_version" integer,
	"adopted_at" timestamp with time zone,
	"target_mix" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"target_year" integer,
	"budget" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "career_local_deviation" (
	"organisation_id" uuid NOT NULL,
	"task_key" text NOT NULL,
	"role_key" text NOT NULL,
	"value" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "career_local_deviation_organisation_id_task_key_role_key_pk" PRIMARY KEY("organisation_id","task_key","role_key")
);
--> statement-breakpoint
CREATE TABLE "career_model_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"decision_date" date,
	"decision_note" text DEFAULT '' NOT NULL,
	"model" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "career_model_version_version_unique" UNIQUE("version"),
	CONSTRAINT "career_model_version_published_dated" CHECK ("career_model_version"."status" = 'draft' OR "career_model_version"."decision_date" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "career_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"current_role_key" text NOT NULL,
	"target_role_key" text NOT NULL,
	"benner_stage" text NOT NULL,
	"target_year" integer,
	"funding_source" text NOT NULL,
	"funding_note" text DEFAULT '' NOT NULL,
	"next_review" date NOT NULL,
	"reminded_for" date,
	"note" text DEFAULT '' NOT NULL,
	"manager_user_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "career_plan_personId_unique" UNIQUE("person_id")
);
--> statement-breakpoint
CREATE TABLE "career_plan_education" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"year" integer,
	"completed_on" date,
	"cost" numeric(12, 2) DEFAULT 0 NOT NULL,
	"funded" numeric(12, 2) DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "career_checklist_item" ADD CONSTRAINT "career_checklist_item_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_checklist_item" ADD CONSTRAINT "career_checklist_item_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_implementation" ADD CONSTRAINT "career_implementation_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_implementation" ADD CONSTRAINT "career_implementation_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_local_deviation" ADD CONSTRAINT "career_local_deviation_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_local_deviation" ADD CONSTRAINT "career_local_deviation_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_model_version" ADD CONSTRAINT "career_model_version_published_by_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_model_version" ADD CONSTRAINT "career_model_version_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_plan" ADD CONSTRAINT "career_plan_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_plan" ADD CONSTRAINT "career_plan_manager_user_id_user_id_fk" FOREIGN KEY ("manager_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_plan" ADD CONSTRAINT "career_plan_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_plan_education" ADD CONSTRAINT "career_plan_education_plan_id_career_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."career_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "career_checklist_item_org_idx" ON "career_checklist_item" USING btree ("organisation_id","step","position");--> statement-breakpoint
CREATE UNIQUE INDEX "career_model_version_one_draft" ON "career_model_version" USING btree ("status") WHERE "career_model_version"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "career_plan_org_idx" ON "career_plan" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "career_plan_review_idx" ON "career_plan" USING btree ("next_review");--> statement-breakpoint
CREATE INDEX "career_plan_education_plan_idx" ON "career_plan_education" USING btree ("plan_id");