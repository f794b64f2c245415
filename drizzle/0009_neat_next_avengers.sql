CREATE TABLE "training_review_assignment" (
	"round_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"reviewer_user_id" text NOT NULL,
	"outcome" text,
	"comment" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "training_review_assignment_round_id_item_id_pk" PRIMARY KEY("round_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "training_review_reminder" (
	"round_id" uuid NOT NULL,
	"reviewer_user_id" text NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_review_reminder_round_id_reviewer_user_id_kind_pk" PRIMARY KEY("round_id","reviewer_user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "training_review_round" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"due_date" date NOT NULL,
	"assign_by" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_by" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" text,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "training_review_assignment" ADD CONSTRAINT "training_review_assignment_round_id_training_review_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."training_review_round"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_review_assignment" ADD CONSTRAINT "training_review_assignment_item_id_training_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."training_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_review_assignment" ADD CONSTRAINT "training_review_assignment_reviewer_user_id_user_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_review_assignment" ADD CONSTRAINT "training_review_assignment_reviewed_by_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_review_reminder" ADD CONSTRAINT "training_review_reminder_round_id_training_review_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."training_review_round"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_review_reminder" ADD CONSTRAINT "training_review_reminder_reviewer_user_id_user_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_review_round" ADD CONSTRAINT "training_review_round_opened_by_user_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_review_round" ADD CONSTRAINT "training_review_round_closed_by_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_review_assignment_reviewer_idx" ON "training_review_assignment" USING btree ("round_id","reviewer_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_review_round_one_open" ON "training_review_round" USING btree ("status") WHERE "training_review_round"."status" = 'open';