CREATE TABLE "staffing_region_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"step" text NOT NULL,
	"requested_by" text NOT NULL,
	"demo" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text,
	"pdf" "bytea",
	"xlsx" "bytea",
	"page_count" integer,
	"pdf_bytes" integer,
	"xlsx_bytes" integer,
	CONSTRAINT "staffing_region_report_progress" CHECK ("staffing_region_report"."progress" BETWEEN 0 AND 100),
	CONSTRAINT "staffing_region_report_status" CHECK ("staffing_region_report"."status" IN ('queued', 'running', 'done', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "staffing_region_report" ADD CONSTRAINT "staffing_region_report_period_id_staffing_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."staffing_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_region_report" ADD CONSTRAINT "staffing_region_report_requested_by_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staffing_region_report_created" ON "staffing_region_report" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "staffing_region_report_one_active" ON "staffing_region_report" USING btree ("requested_by") WHERE "staffing_region_report"."status" IN ('queued', 'running');