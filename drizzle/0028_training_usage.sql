CREATE TABLE "training_usage" (
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "training_usage_day_kind_key_pk" PRIMARY KEY("day","kind","key"),
	CONSTRAINT "training_usage_key_length" CHECK (length("training_usage"."key") <= 100),
	CONSTRAINT "training_usage_count_positive" CHECK ("training_usage"."count" > 0)
);
