CREATE TABLE "project" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"orderer" text DEFAULT '' NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"leader_user_id" text,
	"steering_network_id" uuid,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"participant_target" integer,
	"hourly_rate" numeric(10, 2) DEFAULT 0 NOT NULL,
	"baseline_saved_at" timestamp with time zone,
	"baseline_saved_by" text,
	"demo" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_period" CHECK ("project"."end_date" >= "project"."start_date")
);
--> statement-breakpoint
CREATE TABLE "project_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"phase_id" uuid,
	"subproject_id" uuid,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"responsible" text DEFAULT '' NOT NULL,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"baseline_start" date,
	"baseline_end" date,
	"actual_start" date,
	"actual_end" date,
	"status" text DEFAULT 'not_started' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_activity_planned" CHECK ("project_activity"."planned_end" >= "project_activity"."planned_start"),
	CONSTRAINT "project_activity_actual" CHECK ("project_activity"."actual_end" IS NULL OR "project_activity"."actual_start" IS NULL OR "project_activity"."actual_end" >= "project_activity"."actual_start")
);
--> statement-breakpoint
CREATE TABLE "project_budget_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"funder" text DEFAULT '' NOT NULL,
	"planned" numeric(14, 2) DEFAULT 0 NOT NULL,
	"actual" numeric(14, 2) DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_contribution" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"date" date NOT NULL,
	"hours" numeric(10, 1) DEFAULT 0 NOT NULL,
	"money" numeric(14, 2) DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_contribution_hours" CHECK ("project_contribution"."hours" >= 0 AND "project_contribution"."money" >= 0)
);
--> statement-breakpoint
CREATE TABLE "project_date_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"which" text NOT NULL,
	"from_start" date,
	"from_end" date,
	"to_start" date,
	"to_end" date,
	"reason" text DEFAULT '' NOT NULL,
	"after_baseline" boolean NOT NULL,
	"changed_by" text,
	"changed_by_name" text DEFAULT '' NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"date" date NOT NULL,
	"forum" text NOT NULL,
	"text" text NOT NULL,
	"goal_id" uuid,
	"subproject_id" uuid,
	"activity_id" uuid,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_effect_goal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_goal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"effect_goal_id" uuid NOT NULL,
	"subproject_id" uuid,
	"status" text DEFAULT 'not_started' NOT NULL,
	"status_reason" text DEFAULT '' NOT NULL,
	"status_decision_id" uuid,
	"indicator_name" text,
	"indicator_unit" text,
	"indicator_target" numeric(14, 2),
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_indicator_value" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"date" date NOT NULL,
	"value" numeric(14, 2) NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"municipality_id" uuid,
	"user_id" text,
	"name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_participation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"event" text NOT NULL,
	"date" date NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_pledge" (
	"project_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"planned_hours" numeric(10, 1) DEFAULT 0 NOT NULL,
	"planned_money" numeric(14, 2) DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_presentation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"date" date NOT NULL,
	"forum" text NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"presenter" text DEFAULT '' NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_proposal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision_id" uuid,
	"subproject_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_report_text" (
	"project_id" uuid NOT NULL,
	"chapter" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_subproject" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"lead" text DEFAULT '' NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"prioritised" boolean DEFAULT true NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_leader_user_id_user_id_fk" FOREIGN KEY ("leader_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_steering_network_id_network_id_fk" FOREIGN KEY ("steering_network_id") REFERENCES "public"."network"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_baseline_saved_by_user_id_fk" FOREIGN KEY ("baseline_saved_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_activity" ADD CONSTRAINT "project_activity_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_activity" ADD CONSTRAINT "project_activity_phase_id_project_activity_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."project_activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_activity" ADD CONSTRAINT "project_activity_subproject_id_project_subproject_id_fk" FOREIGN KEY ("subproject_id") REFERENCES "public"."project_subproject"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_activity" ADD CONSTRAINT "project_activity_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_budget_line" ADD CONSTRAINT "project_budget_line_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_budget_line" ADD CONSTRAINT "project_budget_line_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contribution" ADD CONSTRAINT "project_contribution_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contribution" ADD CONSTRAINT "project_contribution_municipality_id_organisation_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contribution" ADD CONSTRAINT "project_contribution_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_date_change" ADD CONSTRAINT "project_date_change_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_date_change" ADD CONSTRAINT "project_date_change_activity_id_project_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."project_activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_date_change" ADD CONSTRAINT "project_date_change_changed_by_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_decision" ADD CONSTRAINT "project_decision_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_decision" ADD CONSTRAINT "project_decision_goal_id_project_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."project_goal"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_decision" ADD CONSTRAINT "project_decision_subproject_id_project_subproject_id_fk" FOREIGN KEY ("subproject_id") REFERENCES "public"."project_subproject"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_decision" ADD CONSTRAINT "project_decision_activity_id_project_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."project_activity"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_decision" ADD CONSTRAINT "project_decision_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_effect_goal" ADD CONSTRAINT "project_effect_goal_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_effect_goal" ADD CONSTRAINT "project_effect_goal_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_goal" ADD CONSTRAINT "project_goal_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_goal" ADD CONSTRAINT "project_goal_effect_goal_id_project_effect_goal_id_fk" FOREIGN KEY ("effect_goal_id") REFERENCES "public"."project_effect_goal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_goal" ADD CONSTRAINT "project_goal_subproject_id_project_subproject_id_fk" FOREIGN KEY ("subproject_id") REFERENCES "public"."project_subproject"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_goal" ADD CONSTRAINT "project_goal_status_decision_id_project_decision_id_fk" FOREIGN KEY ("status_decision_id") REFERENCES "public"."project_decision"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_goal" ADD CONSTRAINT "project_goal_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicator_value" ADD CONSTRAINT "project_indicator_value_goal_id_project_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."project_goal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicator_value" ADD CONSTRAINT "project_indicator_value_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_member" ADD CONSTRAINT "project_member_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_member" ADD CONSTRAINT "project_member_municipality_id_organisation_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_member" ADD CONSTRAINT "project_member_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_member" ADD CONSTRAINT "project_member_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_participation" ADD CONSTRAINT "project_participation_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_participation" ADD CONSTRAINT "project_participation_municipality_id_organisation_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_participation" ADD CONSTRAINT "project_participation_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_pledge" ADD CONSTRAINT "project_pledge_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_pledge" ADD CONSTRAINT "project_pledge_municipality_id_organisation_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_presentation" ADD CONSTRAINT "project_presentation_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_presentation" ADD CONSTRAINT "project_presentation_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_proposal" ADD CONSTRAINT "project_proposal_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_proposal" ADD CONSTRAINT "project_proposal_decision_id_project_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."project_decision"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_proposal" ADD CONSTRAINT "project_proposal_subproject_id_project_subproject_id_fk" FOREIGN KEY ("subproject_id") REFERENCES "public"."project_subproject"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_proposal" ADD CONSTRAINT "project_proposal_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_report_text" ADD CONSTRAINT "project_report_text_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_report_text" ADD CONSTRAINT "project_report_text_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_subproject" ADD CONSTRAINT "project_subproject_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_subproject" ADD CONSTRAINT "project_subproject_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_activity_project_idx" ON "project_activity" USING btree ("project_id","position");--> statement-breakpoint
CREATE INDEX "project_budget_line_idx" ON "project_budget_line" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_contribution_idx" ON "project_contribution" USING btree ("project_id","municipality_id","date");--> statement-breakpoint
CREATE INDEX "project_date_change_idx" ON "project_date_change" USING btree ("project_id","activity_id","changed_at");--> statement-breakpoint
CREATE INDEX "project_decision_idx" ON "project_decision" USING btree ("project_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "project_effect_goal_number" ON "project_effect_goal" USING btree ("project_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "project_goal_effect_goal" ON "project_goal" USING btree ("effect_goal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_goal_number" ON "project_goal" USING btree ("project_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "project_indicator_value_on" ON "project_indicator_value" USING btree ("goal_id","date");--> statement-breakpoint
CREATE INDEX "project_member_project_idx" ON "project_member" USING btree ("project_id","kind");--> statement-breakpoint
CREATE INDEX "project_participation_idx" ON "project_participation" USING btree ("project_id","municipality_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "project_pledge_unique" ON "project_pledge" USING btree ("project_id","municipality_id");--> statement-breakpoint
CREATE INDEX "project_presentation_idx" ON "project_presentation" USING btree ("project_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "project_proposal_number" ON "project_proposal" USING btree ("project_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "project_report_text_unique" ON "project_report_text" USING btree ("project_id","chapter");--> statement-breakpoint
CREATE UNIQUE INDEX "project_subproject_number" ON "project_subproject" USING btree ("project_id","number");