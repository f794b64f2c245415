CREATE TABLE "intro_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"list_id" uuid,
	"list_name" text NOT NULL,
	"profession_key" text NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"user_id" text,
	"token_hash" text NOT NULL,
	"token_expires_at" timestamp with time zone NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_activity_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_by" text
);
--> statement-breakpoint
CREATE TABLE "intro_assignment_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"training_item_id" uuid,
	"title" text NOT NULL,
	"url" text,
	"description" text DEFAULT '' NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "intro_list" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"profession_key" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"copied_from_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intro_list_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"training_item_id" uuid,
	"title" text NOT NULL,
	"url" text,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "intro_assignment" ADD CONSTRAINT "intro_assignment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intro_assignment" ADD CONSTRAINT "intro_assignment_list_id_intro_list_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."intro_list"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intro_assignment" ADD CONSTRAINT "intro_assignment_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intro_assignment" ADD CONSTRAINT "intro_assignment_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intro_assignment" ADD CONSTRAINT "intro_assignment_ended_by_user_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intro_assignment_entry" ADD CONSTRAINT "intro_assignment_entry_assignment_id_intro_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."intro_assignment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intro_list" ADD CONSTRAINT "intro_list_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intro_list" ADD CONSTRAINT "intro_list_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intro_list_entry" ADD CONSTRAINT "intro_list_entry_list_id_intro_list_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."intro_list"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "intro_assignment_token_unique" ON "intro_assignment" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "intro_assignment_list_idx" ON "intro_assignment" USING btree ("list_id");--> statement-breakpoint
CREATE INDEX "intro_assignment_email_idx" ON "intro_assignment" USING btree ("organisation_id",lower("email"));--> statement-breakpoint
CREATE INDEX "intro_assignment_user_idx" ON "intro_assignment" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "intro_assignment_entry_assignment_idx" ON "intro_assignment_entry" USING btree ("assignment_id","position");--> statement-breakpoint
CREATE INDEX "intro_list_organisation_idx" ON "intro_list" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "intro_list_entry_list_idx" ON "intro_list_entry" USING btree ("list_id","position");