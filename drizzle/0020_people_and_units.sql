CREATE TABLE "retention_setting" (
	"key" text PRIMARY KEY NOT NULL,
	"months" integer NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"profession_key" text NOT NULL,
	"employment_form" text NOT NULL,
	"employment_rate" numeric(5, 1),
	"employment_start" date NOT NULL,
	"employment_end" date,
	"birth_year" integer,
	"employee_number" text,
	"user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"anonymised_at" timestamp with time zone,
	CONSTRAINT "people_person_dates" CHECK ("people_person"."employment_end" IS NULL OR "people_person"."employment_end" >= "people_person"."employment_start"),
	CONSTRAINT "people_person_rate" CHECK ("people_person"."employment_rate" IS NULL OR ("people_person"."employment_rate" > 0 AND "people_person"."employment_rate" <= 100))
);
--> statement-breakpoint
CREATE TABLE "people_person_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" text,
	"actor_token_id" uuid,
	"import_id" uuid,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_unit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"code" text,
	"kind" text DEFAULT 'other' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_unit_not_own_parent" CHECK ("people_unit"."parent_id" IS NULL OR "people_unit"."parent_id" <> "people_unit"."id")
);
--> statement-breakpoint
CREATE TABLE "people_unit_manager" (
	"unit_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_unit_manager_unit_id_user_id_pk" PRIMARY KEY("unit_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "retention_setting" ADD CONSTRAINT "retention_setting_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_person" ADD CONSTRAINT "people_person_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_person" ADD CONSTRAINT "people_person_unit_id_people_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."people_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_person" ADD CONSTRAINT "people_person_profession_key_staffing_profession_key_fk" FOREIGN KEY ("profession_key") REFERENCES "public"."staffing_profession"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_person" ADD CONSTRAINT "people_person_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_person_event" ADD CONSTRAINT "people_person_event_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_person_event" ADD CONSTRAINT "people_person_event_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_unit" ADD CONSTRAINT "people_unit_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_unit" ADD CONSTRAINT "people_unit_parent_id_people_unit_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."people_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_unit_manager" ADD CONSTRAINT "people_unit_manager_unit_id_people_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."people_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_unit_manager" ADD CONSTRAINT "people_unit_manager_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "people_person_employee_number_unique" ON "people_person" USING btree ("organisation_id","employee_number") WHERE "people_person"."employee_number" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "people_person_user_unique" ON "people_person" USING btree ("user_id") WHERE "people_person"."user_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "people_person_name_idx" ON "people_person" USING btree ("organisation_id",translate(lower("last_name"), 'åäöæøéü', '{|}|}eu') COLLATE "C",translate(lower("first_name"), 'åäöæøéü', '{|}|}eu') COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "people_person_all_name_idx" ON "people_person" USING btree (translate(lower("last_name"), 'åäöæøéü', '{|}|}eu') COLLATE "C",translate(lower("first_name"), 'åäöæøéü', '{|}|}eu') COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "people_person_unit_idx" ON "people_person" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "people_person_end_idx" ON "people_person" USING btree ("employment_end") WHERE "people_person"."anonymised_at" IS NULL;--> statement-breakpoint
CREATE INDEX "people_person_event_person_idx" ON "people_person_event" USING btree ("person_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "people_unit_name_unique" ON "people_unit" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "people_unit_code_unique" ON "people_unit" USING btree ("organisation_id",lower("code")) WHERE "people_unit"."code" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "people_unit_parent_idx" ON "people_unit" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "people_unit_manager_user_idx" ON "people_unit_manager" USING btree ("user_id");--> statement-breakpoint
-- The audit log stays append-only, but its retention rule may delete old events: a DELETE is let through only in a
-- transaction that has set kompetensnav.audit_purge (platform/server/retention.ts purgeAuditLog); UPDATE never.
CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('kompetensnav.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
