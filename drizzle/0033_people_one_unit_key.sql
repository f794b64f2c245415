ALTER TABLE "people_person" DROP CONSTRAINT "people_person_organisation_id_organisation_id_fk";
--> statement-breakpoint
ALTER TABLE "people_person" DROP CONSTRAINT "people_person_unit_id_people_unit_id_fk";
--> statement-breakpoint
ALTER TABLE "people_person_event" DROP CONSTRAINT "people_person_event_person_id_people_person_id_fk";
--> statement-breakpoint
CREATE UNIQUE INDEX "people_unit_id_organisation_unique" ON "people_unit" USING btree ("id","organisation_id");--> statement-breakpoint
ALTER TABLE "people_person" ADD CONSTRAINT "people_person_unit_organisation_fk" FOREIGN KEY ("unit_id","organisation_id") REFERENCES "public"."people_unit"("id","organisation_id") ON DELETE no action ON UPDATE no action;
