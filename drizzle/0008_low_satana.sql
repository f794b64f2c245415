ALTER TABLE "training_item" ADD COLUMN "link_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "training_item" ADD COLUMN "link_outcome" text;--> statement-breakpoint
ALTER TABLE "training_item" ADD COLUMN "link_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "training_item" ADD COLUMN "link_http_status" integer;--> statement-breakpoint
ALTER TABLE "training_item" ADD COLUMN "link_new_url" text;