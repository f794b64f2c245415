CREATE TABLE "training_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"provider" text NOT NULL,
	"url" text NOT NULL,
	"url_key" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"length_minutes" integer NOT NULL,
	"format" text NOT NULL,
	"language" text NOT NULL,
	"status" text NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"added_by" text,
	"added_by_token" uuid,
	"added_by_organisation_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_reviewed_at" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_item_profession" (
	"item_id" uuid NOT NULL,
	"profession_key" text NOT NULL,
	CONSTRAINT "training_item_profession_item_id_profession_key_pk" PRIMARY KEY("item_id","profession_key")
);
--> statement-breakpoint
CREATE TABLE "training_item_topic" (
	"item_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	CONSTRAINT "training_item_topic_item_id_topic_id_pk" PRIMARY KEY("item_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "training_item_transition" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"comment" text,
	"actor_user_id" text,
	"actor_token_id" uuid,
	"actor_organisation_id" uuid,
	"review_round_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_topic" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_topic_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "training_item" ADD CONSTRAINT "training_item_added_by_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_item" ADD CONSTRAINT "training_item_added_by_organisation_id_organisation_id_fk" FOREIGN KEY ("added_by_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_item_profession" ADD CONSTRAINT "training_item_profession_item_id_training_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."training_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_item_profession" ADD CONSTRAINT "training_item_profession_profession_key_staffing_profession_key_fk" FOREIGN KEY ("profession_key") REFERENCES "public"."staffing_profession"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_item_topic" ADD CONSTRAINT "training_item_topic_item_id_training_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."training_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_item_topic" ADD CONSTRAINT "training_item_topic_topic_id_training_topic_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."training_topic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_item_transition" ADD CONSTRAINT "training_item_transition_item_id_training_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."training_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_item_transition" ADD CONSTRAINT "training_item_transition_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_item_transition" ADD CONSTRAINT "training_item_transition_actor_organisation_id_organisation_id_fk" FOREIGN KEY ("actor_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_item_url_key_unique" ON "training_item" USING btree ("url_key") WHERE "training_item"."status" <> 'removed';--> statement-breakpoint
CREATE INDEX "training_item_status_idx" ON "training_item" USING btree ("status","title");--> statement-breakpoint
CREATE INDEX "training_item_profession_key_idx" ON "training_item_profession" USING btree ("profession_key");--> statement-breakpoint
CREATE INDEX "training_item_topic_topic_idx" ON "training_item_topic" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "training_item_transition_item_idx" ON "training_item_transition" USING btree ("item_id","at");