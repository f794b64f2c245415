// The shared activities core (decision 017): activities, occasions, seats per municipality, registration with a
// waiting list, attendance and hours, evaluation surveys and calendars. Schemas shared by server and web — and,
// with activities-lookup.service.ts, the door later modules use (joint training plan, competence bank, mentorship,
// ESF reporting, project co-financing hours).
import { z } from 'zod';

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
