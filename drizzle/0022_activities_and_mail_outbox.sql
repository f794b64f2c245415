CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"organiser_id" uuid NOT NULL,
	"network_id" uuid,
	"target_professions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_module" text,
	"source_record_id" text,
	"self_registration" boolean DEFAULT false NOT NULL,
	"survey_template_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_occasion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text,
	"online_url" text,
	"capacity" integer NOT NULL,
	"registration_deadline" timestamp with time zone NOT NULL,
	"seats_release_at" timestamp with time zone,
	"status" text DEFAULT 'planned' NOT NULL,
	"cancel_reason" text,
	"reminder_sent_at" timestamp with time zone,
	"survey_sent_at" timestamp with time zone,
	"survey_reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_occasion_ends_after_start" CHECK ("activity_occasion"."ends_at" > "activity_occasion"."starts_at"),
	CONSTRAINT "activity_occasion_capacity" CHECK ("activity_occasion"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "activity_registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occasion_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"state" text NOT NULL,
	"queue" bigserial NOT NULL,
	"registered_by" text,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"attendance" text,
	"hours" numeric(5, 2),
	"attendance_by" text,
	"attendance_at" timestamp with time zone,
	CONSTRAINT "activity_registration_hours" CHECK ("activity_registration"."hours" IS NULL OR ("activity_registration"."hours" >= 0 AND "activity_registration"."hours" <= 200))
);
--> statement-breakpoint
CREATE TABLE "activity_seat" (
	"occasion_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"seats" integer NOT NULL,
	CONSTRAINT "activity_seat_occasion_id_organisation_id_pk" PRIMARY KEY("occasion_id","organisation_id"),
	CONSTRAINT "activity_seat_positive" CHECK ("activity_seat"."seats" >= 0)
);
--> statement-breakpoint
CREATE TABLE "calendar_feed_token" (
	"user_id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feed_token_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "survey_invitation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occasion_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminder_sent_at" timestamp with time zone,
	"answered" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_response" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occasion_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"received_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_template" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"name" text NOT NULL,
	"questions" jsonb NOT NULL,
	"standard" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_organiser_id_organisation_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_survey_template_id_survey_template_id_fk" FOREIGN KEY ("survey_template_id") REFERENCES "public"."survey_template"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_occasion" ADD CONSTRAINT "activity_occasion_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_registration" ADD CONSTRAINT "activity_registration_occasion_id_activity_occasion_id_fk" FOREIGN KEY ("occasion_id") REFERENCES "public"."activity_occasion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_registration" ADD CONSTRAINT "activity_registration_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_registration" ADD CONSTRAINT "activity_registration_registered_by_user_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_registration" ADD CONSTRAINT "activity_registration_attendance_by_user_id_fk" FOREIGN KEY ("attendance_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_seat" ADD CONSTRAINT "activity_seat_occasion_id_activity_occasion_id_fk" FOREIGN KEY ("occasion_id") REFERENCES "public"."activity_occasion"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_seat" ADD CONSTRAINT "activity_seat_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ADD CONSTRAINT "calendar_feed_token_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation" ADD CONSTRAINT "survey_invitation_occasion_id_activity_occasion_id_fk" FOREIGN KEY ("occasion_id") REFERENCES "public"."activity_occasion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation" ADD CONSTRAINT "survey_invitation_registration_id_activity_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."activity_registration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_occasion_id_activity_occasion_id_fk" FOREIGN KEY ("occasion_id") REFERENCES "public"."activity_occasion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_template_id_survey_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."survey_template"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_template" ADD CONSTRAINT "survey_template_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_template" ADD CONSTRAINT "survey_template_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_outbox_next_idx" ON "mail_outbox" USING btree ("next_attempt_at");--> statement-breakpoint
CREATE INDEX "activity_organiser_idx" ON "activity" USING btree ("organiser_id");--> statement-breakpoint
CREATE INDEX "activity_source_idx" ON "activity" USING btree ("source_module","source_record_id");--> statement-breakpoint
CREATE INDEX "activity_occasion_activity_idx" ON "activity_occasion" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "activity_occasion_starts_idx" ON "activity_occasion" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_registration_person_unique" ON "activity_registration" USING btree ("occasion_id","person_id");--> statement-breakpoint
CREATE INDEX "activity_registration_occasion_idx" ON "activity_registration" USING btree ("occasion_id","state","queue");--> statement-breakpoint
CREATE INDEX "activity_registration_person_idx" ON "activity_registration" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitation_token_unique" ON "survey_invitation" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitation_registration_unique" ON "survey_invitation" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "survey_response_occasion_idx" ON "survey_response" USING btree ("occasion_id");