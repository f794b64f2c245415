CREATE TABLE "training_plan_contribution" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"expected_participants" integer NOT NULL,
	"rationale" text DEFAULT '' NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_plan_contribution_participants" CHECK ("training_plan_contribution"."expected_participants" >= 0)
);
--> statement-breakpoint
CREATE TABLE "training_plan_cycle" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"needs_deadline" date NOT NULL,
	"meeting_date" date NOT NULL,
	"forum_date" date NOT NULL,
	"phase" text DEFAULT 'needs' NOT NULL,
	"coordinator_user_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_plan_cycle_year" CHECK ("training_plan_cycle"."year" BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
CREATE TABLE "training_plan_cycle_transition" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"from_phase" text,
	"to_phase" text NOT NULL,
	"actor_user_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_plan_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"forum" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_plan_decision_need" (
	"decision_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "training_plan_decision_need_decision_id_need_id_pk" PRIMARY KEY("decision_id","need_id")
);
--> statement-breakpoint
CREATE TABLE "training_plan_need" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"title" text NOT NULL,
	"topic_key" text,
	"description" text DEFAULT '' NOT NULL,
	"target_professions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"urgency" smallint NOT NULL,
	"format" text DEFAULT 'any' NOT NULL,
	"term" text DEFAULT 'any' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"origin" text DEFAULT 'submitted' NOT NULL,
	"origin_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_plan_need_urgency" CHECK ("training_plan_need"."urgency" BETWEEN 1 AND 3)
);
--> statement-breakpoint
CREATE TABLE "training_plan_occasion" (
	"occasion_id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"price" integer NOT NULL,
	"vat_rate" smallint DEFAULT 0 NOT NULL,
	"seat_key" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_plan_occasion_price" CHECK ("training_plan_occasion"."price" >= 0),
	CONSTRAINT "training_plan_occasion_vat" CHECK ("training_plan_occasion"."vat_rate" IN (0, 6, 12, 25))
);
--> statement-breakpoint
CREATE TABLE "training_plan_order" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"title" text NOT NULL,
	"goal" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"target_group" text DEFAULT '' NOT NULL,
	"wanted_from" date NOT NULL,
	"wanted_to" date NOT NULL,
	"budget_ceiling" integer NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"broker_organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"cost_key" text DEFAULT 'attending' NOT NULL,
	"with_vat" boolean DEFAULT false NOT NULL,
	"activity_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_plan_order_budget" CHECK ("training_plan_order"."budget_ceiling" >= 0),
	CONSTRAINT "training_plan_order_period" CHECK ("training_plan_order"."wanted_to" >= "training_plan_order"."wanted_from")
);
--> statement-breakpoint
CREATE TABLE "training_plan_order_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"actor_user_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_plan_order_participants" (
	"order_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participants" integer NOT NULL,
	CONSTRAINT "training_plan_order_participants_order_id_organisation_id_pk" PRIMARY KEY("order_id","organisation_id"),
	CONSTRAINT "training_plan_order_participants_positive" CHECK ("training_plan_order_participants"."participants" >= 0)
);
--> statement-breakpoint
CREATE TABLE "training_plan_provider" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_plan_ranker" (
	"cycle_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"named_by" text,
	"named_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_plan_ranker_cycle_id_organisation_id_pk" PRIMARY KEY("cycle_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "training_plan_ranking" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"need_ids" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"ranked_by" text,
	"ranked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_plan_contribution" ADD CONSTRAINT "training_plan_contribution_need_id_training_plan_need_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."training_plan_need"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_contribution" ADD CONSTRAINT "training_plan_contribution_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_contribution" ADD CONSTRAINT "training_plan_contribution_submitted_by_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_cycle" ADD CONSTRAINT "training_plan_cycle_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_cycle" ADD CONSTRAINT "training_plan_cycle_coordinator_user_id_user_id_fk" FOREIGN KEY ("coordinator_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_cycle" ADD CONSTRAINT "training_plan_cycle_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_cycle_transition" ADD CONSTRAINT "training_plan_cycle_transition_cycle_id_training_plan_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."training_plan_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_cycle_transition" ADD CONSTRAINT "training_plan_cycle_transition_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_decision" ADD CONSTRAINT "training_plan_decision_cycle_id_training_plan_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."training_plan_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_decision" ADD CONSTRAINT "training_plan_decision_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_decision_need" ADD CONSTRAINT "training_plan_decision_need_decision_id_training_plan_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."training_plan_decision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_decision_need" ADD CONSTRAINT "training_plan_decision_need_need_id_training_plan_need_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."training_plan_need"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_need" ADD CONSTRAINT "training_plan_need_cycle_id_training_plan_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."training_plan_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_need" ADD CONSTRAINT "training_plan_need_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_occasion" ADD CONSTRAINT "training_plan_occasion_order_id_training_plan_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."training_plan_order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_occasion" ADD CONSTRAINT "training_plan_occasion_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_order" ADD CONSTRAINT "training_plan_order_cycle_id_training_plan_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."training_plan_cycle"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_order" ADD CONSTRAINT "training_plan_order_need_id_training_plan_need_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."training_plan_need"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_order" ADD CONSTRAINT "training_plan_order_broker_organisation_id_organisation_id_fk" FOREIGN KEY ("broker_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_order" ADD CONSTRAINT "training_plan_order_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_order_event" ADD CONSTRAINT "training_plan_order_event_order_id_training_plan_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."training_plan_order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_order_event" ADD CONSTRAINT "training_plan_order_event_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_order_participants" ADD CONSTRAINT "training_plan_order_participants_order_id_training_plan_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."training_plan_order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_order_participants" ADD CONSTRAINT "training_plan_order_participants_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_provider" ADD CONSTRAINT "training_plan_provider_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_provider" ADD CONSTRAINT "training_plan_provider_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_ranker" ADD CONSTRAINT "training_plan_ranker_cycle_id_training_plan_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."training_plan_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_ranker" ADD CONSTRAINT "training_plan_ranker_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_ranker" ADD CONSTRAINT "training_plan_ranker_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_ranker" ADD CONSTRAINT "training_plan_ranker_named_by_user_id_fk" FOREIGN KEY ("named_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_ranking" ADD CONSTRAINT "training_plan_ranking_cycle_id_training_plan_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."training_plan_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_ranking" ADD CONSTRAINT "training_plan_ranking_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_ranking" ADD CONSTRAINT "training_plan_ranking_ranked_by_user_id_fk" FOREIGN KEY ("ranked_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_plan_contribution_need" ON "training_plan_contribution" USING btree ("need_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_plan_cycle_network_year" ON "training_plan_cycle" USING btree ("network_id","year");--> statement-breakpoint
CREATE INDEX "training_plan_cycle_transition_cycle" ON "training_plan_cycle_transition" USING btree ("cycle_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_plan_decision_cycle" ON "training_plan_decision" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "training_plan_need_cycle" ON "training_plan_need" USING btree ("cycle_id","status");--> statement-breakpoint
CREATE INDEX "training_plan_occasion_order" ON "training_plan_occasion" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_plan_order_need" ON "training_plan_order" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "training_plan_order_broker" ON "training_plan_order" USING btree ("broker_organisation_id");--> statement-breakpoint
CREATE INDEX "training_plan_order_event_order" ON "training_plan_order_event" USING btree ("order_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_plan_ranking_cycle_org" ON "training_plan_ranking" USING btree ("cycle_id","organisation_id");