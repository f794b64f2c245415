CREATE TABLE "staffing_forecast_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staffing_forecast_settings_single_row" CHECK ("staffing_forecast_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "staffing_forecast_settings" ADD CONSTRAINT "staffing_forecast_settings_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;