CREATE TABLE "pending_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"digest" text NOT NULL,
	"uploaded_by" text,
	"uploaded_by_token" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"basis" text NOT NULL,
	"plan" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "pending_import" ADD CONSTRAINT "pending_import_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pending_import_kind_idx" ON "pending_import" USING btree ("kind","scope","created_at");--> statement-breakpoint
CREATE INDEX "pending_import_digest_idx" ON "pending_import" USING btree ("kind","digest");