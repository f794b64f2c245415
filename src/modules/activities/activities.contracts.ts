// The shared activities core (decision 019): activities, occasions, seats per municipality, registration with a
// waiting list, attendance and hours, evaluation surveys and calendars. Schemas shared by server and web — and,
// with activities-lookup.service.ts, the door later modules use (joint training plan, competence bank, mentorship,
// ESF reporting, project co-financing hours).
import { z } from 'zod';
import { fromStockholmLocal } from '../../platform/shared/stockholm-time.ts';
import { activitiesMessages as am } from './activities.messages.ts';

export const ACTIVITY_KINDS = [
  'course',
  'lecture',
  'mentor_meeting',
  'hospitation',
  'conference',
  'network_meeting',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
/** Stored statuses; "full" is derived from the registrations (see OccasionStatusShown). */
export const OCCASION_STATUSES = ['planned', 'open', 'cancelled', 'held'] as const;
export type OccasionStatus = (typeof OCCASION_STATUSES)[number];
export const OCCASION_STATUSES_SHOWN = ['planned', 'open', 'full', 'closed', 'cancelled', 'held'] as const;
export type OccasionStatusShown = (typeof OCCASION_STATUSES_SHOWN)[number];
export const REGISTRATION_STATES = ['registered', 'waitlisted', 'cancelled'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];
export const ATTENDANCE_STATES = ['present', 'partial', 'absent'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];
export const QUESTION_KINDS = ['likert', 'single', 'yes_no', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const surveyQuestionSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,40}$/),
  kind: z.enum(QUESTION_KINDS),
  text: z.string().trim().min(1).max(300),
  /** English wording, for the standard templates. */
  textEn: z.string().max(300).optional(),
  /** The choices of a single-choice question (2–10). */
  options: z.array(z.string().trim().min(1).max(120)).min(2).max(10).optional(),
  required: z.boolean().default(false),
});
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

export const ACTIVITY_LIMITS = {
  maxCapacity: 2_000,
  /** Persons registered in one request. */
  personsPerRequest: 100,
  /** Hours recorded for one person on one occasion are at most the occasion's length (and never above this). */
  maxHours: 200,
  questionsPerSurvey: 30,
  /** Days a survey link is valid after it is sent. */
  surveyLinkDays: 30,
  /** Days after the survey mail the one reminder goes out to those who have not answered. */
  surveyReminderDays: 7,
  /** Days before an occasion the reminder mail goes out. */
  reminderDays: 2,
  pageSizes: [25, 50, 100] as const,
} as const;

export const idParamsSchema = z.object({ id: z.uuid({ error: am.invalidId.code }) });

const text = (max: number) => z.string().trim().max(max, am.tooLong.code);
/** A Swedish wall-clock time from a form ("2027-03-28T09:00"), or an ISO instant with offset; kept as an instant. */
export const stockholmDateTime = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const instant = /[zZ]|[+-]\d{2}:\d{2}$/.test(v) ? new Date(v) : fromStockholmLocal(v);
    if (!instant || Number.isNaN(instant.getTime())) {
      ctx.addIssue({ code: 'custom', message: am.dateTimeInvalid.code });
      return z.NEVER;
    }
    return instant;
  });

export const activityInputSchema = z.strictObject({
  title: text(200).min(1, am.titleRequired.code),
  description: text(4_000).default(''),
  kind: z.enum(ACTIVITY_KINDS, { error: am.kindRequired.code }),
  /** The organising municipality or the region; left out: the caller's own organisation. */
  organiserId: z.uuid({ error: am.invalidId.code }).optional(),
  networkId: z.uuid({ error: am.invalidId.code }).nullable().default(null),
  targetProfessions: z.array(z.string().max(60)).max(40).default([]),
  selfRegistration: z.boolean().default(false),
  /** Left out: the region's standard evaluation; null: none. */
  surveyTemplateId: z.uuid({ error: am.invalidId.code }).nullable().optional(),
  /** Set by another module through its own routes; kept as given. */
  sourceModule: z.string().max(60).nullable().optional(),
  sourceRecordId: z.string().max(100).nullable().optional(),
});
export type ActivityInput = z.infer<typeof activityInputSchema>;
/** A change of an activity: only the fields given change (no defaults, so a left-out field stays as it is). */
export const activityUpdateSchema = z.strictObject({
  title: text(200).min(1, am.titleRequired.code).optional(),
  description: text(4_000).optional(),
  kind: z.enum(ACTIVITY_KINDS, { error: am.kindRequired.code }).optional(),
  networkId: z.uuid({ error: am.invalidId.code }).nullable().optional(),
  targetProfessions: z.array(z.string().max(60)).max(40).optional(),
  selfRegistration: z.boolean().optional(),
  surveyTemplateId: z.uuid({ error: am.invalidId.code }).nullable().optional(),
});
export type ActivityUpdate = z.infer<typeof activityUpdateSchema>;

export const seatInputSchema = z.object({
  organisationId: z.uuid({ error: am.invalidId.code }),
  seats: z.number({ error: am.seatsInvalid.code }).int(am.seatsInvalid.code).min(0, am.seatsInvalid.code).max(2_000),
});

const httpsUrl = z
  .string()
  .trim()
  .max(500, am.tooLong.code)
  .refine((v) => v === '' || /^https:\/\/[^\s]+$/.test(v), am.urlInvalid.code)
  .transform((v) => (v === '' ? null : v));
const optionalPlace = text(200).transform((v) => (v === '' ? null : v));

export const occasionInputSchema = z
  .strictObject({
    startsAt: stockholmDateTime,
    endsAt: stockholmDateTime,
    place: optionalPlace.nullable().default(null),
    onlineUrl: httpsUrl.nullable().default(null),
    capacity: z
      .number({ error: am.capacityInvalid.code })
      .int(am.capacityInvalid.code)
      .min(1, am.capacityInvalid.code)
      .max(ACTIVITY_LIMITS.maxCapacity, am.capacityInvalid.code),
    registrationDeadline: stockholmDateTime,
    seatsReleaseAt: stockholmDateTime.nullable().default(null),
    seats: z.array(seatInputSchema).max(400).default([]),
    /** planned (not yet open) or open for registration. */
    status: z.enum(['planned', 'open']).default('open'),
  })
  .superRefine((o, ctx) => {
    if (o.endsAt <= o.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: am.endBeforeStart.code });
    if (o.registrationDeadline > o.startsAt) {
      ctx.addIssue({ code: 'custom', path: ['registrationDeadline'], message: am.deadlineAfterStart.code });
    }
    if (o.seatsReleaseAt && o.seatsReleaseAt > o.startsAt) {
      ctx.addIssue({ code: 'custom', path: ['seatsReleaseAt'], message: am.releaseAfterStart.code });
    }
    if (!o.place && !o.onlineUrl) ctx.addIssue({ code: 'custom', path: ['place'], message: am.placeRequired.code });
    const ids = new Set<string>();
    o.seats.forEach((s, i) => {
      if (ids.has(s.organisationId)) {
        ctx.addIssue({ code: 'custom', path: ['seats', i, 'organisationId'], message: am.municipalityUnknown.code });
      }
      ids.add(s.organisationId);
    });
  });
export type OccasionInput = z.infer<typeof occasionInputSchema>;

/** A change of an occasion: its fields again (all of them), or a status change alone. */
export const occasionStatusSchema = z.strictObject({
  status: z.enum(['planned', 'open', 'cancelled', 'held']),
  cancelReason: text(500).optional(),
});
export type OccasionStatusInput = z.infer<typeof occasionStatusSchema>;

export const registerSchema = z.strictObject({
  personIds: z
    .array(z.uuid({ error: am.invalidId.code }))
    .min(1, am.choosePersons.code)
    .max(ACTIVITY_LIMITS.personsPerRequest, am.choosePersons.code),
});

export const attendanceSchema = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        registrationId: z.uuid({ error: am.invalidId.code }),
        attendance: z.enum(ATTENDANCE_STATES),
        hours: z.number({ error: am.hoursInvalid.code }).nullable().default(null),
      }),
    )
    .min(1)
    .max(ACTIVITY_LIMITS.maxCapacity),
});
export type AttendanceInput = z.infer<typeof attendanceSchema>;

export const occasionListQuerySchema = z.strictObject({
  /** YYYY-MM: the month to show; left out: from today on. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, am.dateTimeInvalid.code)
    .optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  networkId: z.uuid({ error: am.invalidId.code }).optional(),
  profession: z.string().max(60).optional(),
  /** Occasions organised by this municipality or with seats for it. */
  municipalityId: z.uuid({ error: am.invalidId.code }).optional(),
  /** Include cancelled and held occasions (default: only coming ones when no month is chosen). */
  past: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (ACTIVITY_LIMITS.pageSizes as readonly number[]).includes(n))
    .default(25),
});
export type OccasionListQuery = z.infer<typeof occasionListQuerySchema>;

// ---- answers ----

const organisationRef = z.object({ id: z.uuid(), name: z.string() });

export const activitySummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  organiser: organisationRef,
  network: organisationRef.nullable(),
  targetProfessions: z.array(z.object({ key: z.string(), name: z.string() })),
  selfRegistration: z.boolean(),
  surveyTemplate: organisationRef.nullable(),
  sourceModule: z.string().nullable(),
  sourceRecordId: z.string().nullable(),
  canOrganise: z.boolean(),
});
export type ActivitySummary = z.infer<typeof activitySummarySchema>;

export const occasionSummarySchema = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  title: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  organiser: z.string(),
  network: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  capacity: z.number().int(),
  registrationDeadline: z.string(),
  seatsReleaseAt: z.string().nullable(),
  status: z.enum(OCCASION_STATUSES_SHOWN),
  registered: z.number().int(),
  waitlisted: z.number().int(),
  /** Seats the viewer's municipality may still take now (own allocation + open seats); null for the region. */
  freeForMe: z.number().int().nullable(),
  targetProfessions: z.array(z.string()),
});
export type OccasionSummary = z.infer<typeof occasionSummarySchema>;

export const occasionListSchema = z.object({
  items: z.array(occasionSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const seatRowSchema = z.object({
  organisationId: z.uuid(),
  name: z.string(),
  seats: z.number().int(),
  registered: z.number().int(),
  waitlisted: z.number().int(),
});

export const registrationRowSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  unitName: z.string().nullable(),
  municipality: z.string(),
  organisationId: z.uuid(),
  state: z.enum(REGISTRATION_STATES),
  /** Place on the waiting list (1 = next), null when not waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  registeredAt: z.string(),
  attendance: z.enum(ATTENDANCE_STATES).nullable(),
  hours: z.number().nullable(),
  canCancel: z.boolean(),
});
export type RegistrationRow = z.infer<typeof registrationRowSchema>;

export const occasionDetailSchema = z.object({
  activity: activitySummarySchema,
  occasion: occasionSummarySchema.extend({ cancelReason: z.string().nullable(), lengthHours: z.number() }),
  seats: z.array(seatRowSchema),
  /** Seats not reserved for a municipality (before the release), or every seat after it. */
  openSeats: z.number().int(),
  seatsReleased: z.boolean(),
  /** The registrations the viewer may see: the organiser all, a manager those of their units. */
  registrations: z.array(registrationRowSchema),
  canRegister: z.boolean(),
  canRegisterSelf: z.boolean(),
  myRegistration: registrationRowSchema.nullable(),
  survey: z
    .object({
      sentAt: z.string().nullable(),
      invited: z.number().int(),
      answered: z.number().int(),
    })
    .nullable(),
});
export type OccasionDetail = z.infer<typeof occasionDetailSchema>;

export const activityDetailSchema = z.object({
  activity: activitySummarySchema,
  occasions: z.array(occasionSummarySchema),
});

export const registerResultSchema = z.object({
  results: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      state: z.enum(REGISTRATION_STATES),
      position: z.number().nullable(),
    }),
  ),
});

export const myOccasionsSchema = z.object({
  registered: z.array(occasionSummarySchema.extend({ registrationId: z.uuid(), state: z.enum(REGISTRATION_STATES) })),
  organised: z.array(occasionSummarySchema),
  hasPersonRecord: z.boolean(),
});

export const feedSchema = z.object({
  /** The personal feed's secret address; shown once after it is made or renewed, otherwise null. */
  url: z.string().nullable(),
  exists: z.boolean(),
  createdAt: z.string().nullable(),
});

export const optionsSchema = z.object({
  municipalities: z.array(organisationRef),
  networks: z.array(organisationRef),
  professions: z.array(z.object({ key: z.string(), name: z.string() })),
  templates: z.array(organisationRef.extend({ standard: z.boolean() })),
  /** Organisations the caller may organise activities for. */
  organisers: z.array(organisationRef),
});

// ---- surveys ----

export const templateInputSchema = z
  .strictObject({
    name: text(120).min(1, am.titleRequired.code),
    questions: z.array(surveyQuestionSchema).min(1, am.questionsRequired.code).max(30, am.questionsRequired.code),
  })
  .superRefine((t, ctx) => {
    const ids = new Set<string>();
    t.questions.forEach((q, i) => {
      if (ids.has(q.id))
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: am.duplicateQuestion.code });
      ids.add(q.id);
      if (q.kind === 'single' && (q.options?.length ?? 0) < 2) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: am.optionsRequired.code });
      }
    });
  });

export const templateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  standard: z.boolean(),
  questions: z.array(surveyQuestionSchema),
});

export const publicSurveySchema = z.object({
  title: z.string(),
  organiser: z.string(),
  startsAt: z.string(),
  questions: z.array(surveyQuestionSchema),
  /** Results are shown once at least this many have answered. */
  minCount: z.number().int(),
});

export const answerSchema = z.strictObject({
  token: z.string().min(10).max(200),
  answers: z.record(z.string(), z.union([z.string().max(2_000, am.tooLong.code), z.number(), z.boolean()])),
});

export const tokenQuerySchema = z.strictObject({ token: z.string().min(10).max(200) });

const published = z.union([z.number(), z.literal('..'), z.null()]);
export const surveyResultsSchema = z.object({
  occasionId: z.uuid(),
  title: z.string(),
  /** The smallest number of answers shown (k, the statistics' own). */
  minCount: z.number().int(),
  invited: z.number().int(),
  answered: z.number().int(),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(QUESTION_KINDS),
      text: z.string(),
      answered: z.number().int(),
      /** False when fewer than k answered this question: nothing of it is shown. */
      shown: z.boolean(),
      /** Counts per option (Likert 1–5, each choice, yes/no); hidden counts are "..". */
      counts: z.array(z.object({ label: z.string(), count: published })),
      /** The mean of a Likert question, when every count is shown. */
      mean: z.number().nullable(),
      /** Free-text answers, for the organiser only (in random order). */
      texts: z.array(z.string()).nullable(),
    }),
  ),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

export const candidatesQuerySchema = z.strictObject({ q: z.string().trim().max(100).optional() });
export const candidatesSchema = z.array(
  z.object({
    id: z.uuid(),
    name: z.string(),
    unitName: z.string(),
    professionKey: z.string(),
    /** Of a profession the activity is for (or the activity is for every profession). */
    targeted: z.boolean(),
    state: z.enum(REGISTRATION_STATES).nullable(),
  }),
);
export type Candidate = z.infer<typeof candidatesSchema>[number];
