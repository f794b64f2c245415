CREATE TABLE "staffing_revision" (
	"id" integer PRIMARY KEY NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL
);

--> statement-breakpoint
INSERT INTO "staffing_revision" ("id", "revision") VALUES (1, 0) ON CONFLICT DO NOTHING;
