// Further education (Vidareutbildning, decision 026): the training models as data, each municipality's adoption of a
// model with its history of steps and its documents, and the training posts of persons in the staff register.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../../platform/server/auth.table.ts';
import { storedFile } from '../../platform/server/files/stored-file.table.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { professionKeyColumn } from '../staffing/professions-lookup.service.ts';

/** A training model (AST, the OT/PT training post): parameters are data, edited by the region. */
export const furtherEducationModel = pgTable(
  'further_education_model',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stable short key ('ast', 'ot_pt_post'). */
    key: text().notNull(),
    name: text().notNull(),
    /** Staffing profession keys the model is for. */
    professions: jsonb().$type<string[]>().notNull().default([]),
    /** Pay during studies, % of the full salary. */
    payPercent: integer().notNull(),
    /** Study pace, % of full time. */
    studyPacePercent: integer().notNull(),
    /** Share of the working time in clinical work, % (null when not stated). */
    clinicalPercent: integer(),
    lengthMonths: integer().notNull(),
    specialistPostAfter: boolean().notNull(),
    /** Months bound to the employer afterwards; 0 = no binding period. */
    bindingMonths: integer().notNull().default(0),
    /** Who pays which costs (tuition, travel, literature, replacement). */
    costs: text().notNull().default(''),
    /** Free text for what does not fit the parameters. */
    notes: text().notNull().default(''),
    sort: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: text().references(() => user.id),
  },
  (t) => [
    uniqueIndex('further_education_model_key_unique').on(t.key),
    check(
      'further_education_model_percents',
      sql`${t.payPercent} BETWEEN 0 AND 100 AND ${t.studyPacePercent} BETWEEN 1 AND 100 AND (${t.clinicalPercent} IS NULL OR ${t.clinicalPercent} BETWEEN 0 AND 100) AND ${t.lengthMonths} BETWEEN 1 AND 120 AND ${t.bindingMonths} BETWEEN 0 AND 120`,
    ),
  ],
);

/** A municipality's adoption of a model: its form, current status and contact person (the steps are the history). */
export const furtherEducationAdoption = pgTable(
  'further_education_adoption',
  {
    id: uuid().primaryKey().defaultRandom(),
    modelId: uuid()
      .notNull()
      .references(() => furtherEducationModel.id),
    municipalityId: uuid()
      .notNull()
      .references(() => organisation.id),
    /** Local collective agreement or an agreement between employers (null until chosen). */
    form: text({ enum: ['local_collective_agreement', 'employer_agreement'] }),
    status: text({ enum: ['proposed', 'decided', 'signed', 'in_operation', 'declined'] }).notNull(),
    contactName: text().notNull().default(''),
    contactEmail: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('further_education_adoption_unique').on(t.modelId, t.municipalityId)],
);

/** One step of an adoption (append-only): the status reached, its date and the body that decided it. */
export const furtherEducationAdoptionStep = pgTable(
  'further_education_adoption_step',
  {
    id: uuid().primaryKey().defaultRandom(),
    adoptionId: uuid()
      .notNull()
      .references(() => furtherEducationAdoption.id, { onDelete: 'cascade' }),
    status: text({ enum: ['proposed', 'decided', 'signed', 'in_operation', 'declined'] }).notNull(),
    date: date({ mode: 'string' }).notNull(),
    /** Who decided or signed ("Socialnämnden", "Kommunstyrelsen", "HR-chef"). */
    decisionBody: text().notNull().default(''),
    note: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: text().references(() => user.id),
    /** The name of who recorded the step, as it was then. */
    createdByName: text().notNull().default(''),
  },
  (t) => [index('further_education_adoption_step_idx').on(t.adoptionId, t.createdAt)],
);

/** A document of an adoption (a PDF in the platform's stored files), tied to the step it came with. */
export const furtherEducationAdoptionDocument = pgTable(
  'further_education_adoption_document',
  {
    id: uuid().primaryKey().defaultRandom(),
    adoptionId: uuid()
      .notNull()
      .references(() => furtherEducationAdoption.id, { onDelete: 'cascade' }),
    stepId: uuid().references(() => furtherEducationAdoptionStep.id, { onDelete: 'cascade' }),
    fileId: uuid()
      .notNull()
      .references(() => storedFile.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['agreement', 'decision', 'other'] }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('further_education_adoption_document_idx').on(t.adoptionId),
    uniqueIndex('further_education_document_file_unique').on(t.fileId),
  ],
);

/** A person of the staff register in a training post (the id only; the person is read through people's lookup). */
export const furtherEducationPost = pgTable(
  'further_education_post',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => organisation.id),
    personId: uuid().notNull(),
    professionKey: text().notNull().references(professionKeyColumn),
    /** The programme, e.g. "Specialistsjuksköterska, vård av äldre". */
    programme: text().notNull(),
    /** The staffing module's specialty key (of the profession), or null. */
    specialtyKey: text(),
    modelId: uuid().references(() => furtherEducationModel.id),
    startDate: date({ mode: 'string' }).notNull(),
    expectedEnd: date({ mode: 'string' }).notNull(),
    pacePercent: integer().notNull(),
    status: text({ enum: ['in_training', 'finished', 'interrupted'] })
      .notNull()
      .default('in_training'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: text().references(() => user.id),
  },
  (t) => [
    index('further_education_post_municipality_idx').on(t.municipalityId, t.expectedEnd),
    index('further_education_post_person_idx').on(t.personId),
    check('further_education_post_dates', sql`${t.expectedEnd} > ${t.startDate}`),
    check('further_education_post_pace', sql`${t.pacePercent} BETWEEN 1 AND 100`),
  ],
);
