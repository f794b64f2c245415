CREATE TABLE "training_link_digest" (
	"week" text PRIMARY KEY NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
