-- The default lists a region starts with (the pre-study's professions, specialties, age bands and absence kinds).
-- The region may rename, reorder, deactivate and add to them; keys never change.
INSERT INTO "staffing_profession" ("key", "name", "name_en", "licensed", "sort") VALUES ('sjukskoterska', 'Sjuksköterska', 'Registered nurse', true, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_profession" ("key", "name", "name_en", "licensed", "sort") VALUES ('arbetsterapeut', 'Arbetsterapeut', 'Occupational therapist', true, 10) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_profession" ("key", "name", "name_en", "licensed", "sort") VALUES ('fysioterapeut', 'Fysioterapeut', 'Physiotherapist', true, 20) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_profession" ("key", "name", "name_en", "licensed", "sort") VALUES ('bitrade', 'Biträde', 'Care aide', false, 30) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_profession" ("key", "name", "name_en", "licensed", "sort") VALUES ('vardbitrade', 'Vårdbiträde', 'Nursing aide', false, 40) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_profession" ("key", "name", "name_en", "licensed", "sort") VALUES ('underskoterska', 'Undersköterska', 'Assistant nurse', false, 50) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_profession" ("key", "name", "name_en", "licensed", "sort") VALUES ('specialistunderskoterska', 'Specialistundersköterska', 'Specialist assistant nurse', false, 60) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "profession_id", "key", "name", "name_en", "sort") SELECT 'specialty', "id", 'distrikt', 'Distriktssköterska', 'District nursing', 0 FROM "staffing_profession" WHERE "key" = 'sjukskoterska' ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "profession_id", "key", "name", "name_en", "sort") SELECT 'specialty', "id", 'vard_av_aldre', 'Vård av äldre', 'Care of older people', 10 FROM "staffing_profession" WHERE "key" = 'sjukskoterska' ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "profession_id", "key", "name", "name_en", "sort") SELECT 'specialty', "id", 'psykiatri', 'Psykiatri', 'Psychiatry', 20 FROM "staffing_profession" WHERE "key" = 'sjukskoterska' ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "profession_id", "key", "name", "name_en", "sort") SELECT 'specialty', "id", 'demens', 'Demens', 'Dementia', 30 FROM "staffing_profession" WHERE "key" = 'sjukskoterska' ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "profession_id", "key", "name", "name_en", "sort") SELECT 'specialty', "id", 'palliativ', 'Palliativ vård', 'Palliative care', 40 FROM "staffing_profession" WHERE "key" = 'sjukskoterska' ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "profession_id", "key", "name", "name_en", "sort") SELECT 'specialty', "id", 'diabetes', 'Diabetes', 'Diabetes', 50 FROM "staffing_profession" WHERE "key" = 'sjukskoterska' ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "profession_id", "key", "name", "name_en", "sort") SELECT 'specialty', "id", 'aldre', 'Äldres hälsa', 'Health of older people', 0 FROM "staffing_profession" WHERE "key" = 'arbetsterapeut' ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "profession_id", "key", "name", "name_en", "sort") SELECT 'specialty', "id", 'psykisk_halsa', 'Psykisk hälsa', 'Mental health', 10 FROM "staffing_profession" WHERE "key" = 'arbetsterapeut' ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "profession_id", "key", "name", "name_en", "sort") SELECT 'specialty', "id", 'aldre', 'Äldres hälsa', 'Health of older people', 0 FROM "staffing_profession" WHERE "key" = 'fysioterapeut' ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "profession_id", "key", "name", "name_en", "sort") SELECT 'specialty', "id", 'neurologi', 'Neurologi', 'Neurology', 10 FROM "staffing_profession" WHERE "key" = 'fysioterapeut' ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "profession_id", "key", "name", "name_en", "sort") SELECT 'specialty', "id", 'demens', 'Demens', 'Dementia', 0 FROM "staffing_profession" WHERE "key" = 'underskoterska' ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "profession_id", "key", "name", "name_en", "sort") SELECT 'specialty', "id", 'palliativ', 'Palliativ vård', 'Palliative care', 10 FROM "staffing_profession" WHERE "key" = 'underskoterska' ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "profession_id", "key", "name", "name_en", "sort") SELECT 'specialty', "id", 'demens', 'Demens', 'Dementia', 0 FROM "staffing_profession" WHERE "key" = 'specialistunderskoterska' ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "profession_id", "key", "name", "name_en", "sort") SELECT 'specialty', "id", 'palliativ', 'Palliativ vård', 'Palliative care', 10 FROM "staffing_profession" WHERE "key" = 'specialistunderskoterska' ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "profession_id", "key", "name", "name_en", "sort") SELECT 'specialty', "id", 'psykiatri', 'Psykiatri', 'Psychiatry', 20 FROM "staffing_profession" WHERE "key" = 'specialistunderskoterska' ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "profession_id", "key", "name", "name_en", "sort") SELECT 'specialty', "id", 'rehabilitering', 'Rehabilitering', 'Rehabilitation', 30 FROM "staffing_profession" WHERE "key" = 'specialistunderskoterska' ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "key", "name", "name_en", "sort") VALUES ('competence', 'forskrivningsratt', 'Förskrivningsrätt', 'Prescribing rights', 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "key", "name", "name_en", "sort") VALUES ('competence', 'demensombud', 'Demensombud', 'Dementia representative', 10) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "key", "name", "name_en", "sort") VALUES ('competence', 'handledarutbildning', 'Handledarutbildning', 'Supervisor training', 20) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "key", "name", "name_en", "min_age", "max_age", "sort") VALUES ('age_band', 'age_0_29', '–29 år', 'up to 29', 0, 29, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "key", "name", "name_en", "min_age", "max_age", "sort") VALUES ('age_band', 'age_30_39', '30–39 år', '30–39', 30, 39, 10) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "key", "name", "name_en", "min_age", "max_age", "sort") VALUES ('age_band', 'age_40_49', '40–49 år', '40–49', 40, 49, 20) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "key", "name", "name_en", "min_age", "max_age", "sort") VALUES ('age_band', 'age_50_59', '50–59 år', '50–59', 50, 59, 30) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "key", "name", "name_en", "min_age", "max_age", "sort") VALUES ('age_band', 'age_60_64', '60–64 år', '60–64', 60, 64, 40) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "key", "name", "name_en", "min_age", "max_age", "sort") VALUES ('age_band', 'age_65_plus', '65 år och äldre', '65 and over', 65, NULL, 50) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "key", "name", "name_en", "sort") VALUES ('absence_kind', 'parental_leave', 'Föräldraledighet', 'Parental leave', 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "key", "name", "name_en", "sort") VALUES ('absence_kind', 'leave_of_absence', 'Tjänstledighet', 'Leave of absence', 10) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "key", "name", "name_en", "sort") VALUES ('absence_kind', 'long_term_sick', 'Långtidssjukskrivning', 'Long-term sick leave', 20) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "staffing_item" ("kind", "key", "name", "name_en", "sort") VALUES ('absence_kind', 'other', 'Övrig frånvaro', 'Other absence', 30) ON CONFLICT DO NOTHING;
