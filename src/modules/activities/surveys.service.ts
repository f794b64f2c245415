// Evaluation surveys (decision 019). After a held occasion each person who attended gets a personal one-time link
// (only its hash is kept); answers are stored apart from who gave them — per person only "has answered" is kept —
// and the results per question are published through the shared suppression with the statistics' k: nothing of a
// question answered by fewer than k, small counts hidden with what would give them away. Free text is shown to the
// organiser only.
import { randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { hashToken } from '../../platform/server/actor.ts';
import type { RequestContext } from '../../platform/server/audit.ts';
import { audit } from '../../platform/server/audit.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  ValidationError,
} from '../../platform/server/errors.ts';
import { toXlsx } from '../../platform/server/export.ts';
import { queueMail } from '../../platform/server/mail-outbox.ts';
import { can } from '../../platform/server/policy.ts';
import { publishCounts } from '../../platform/server/suppression/publish-counts.ts';
import { contactsOf } from '../people/people-lookup.service.ts';
import { ACTIVITY_LIMITS, type SurveyQuestion, type SurveyResults } from './activities.contracts.ts';
import { activitiesMessages as am } from './activities.messages.ts';
import {
  activity,
  activityOccasion,
  activityRegistration,
  surveyInvitation,
  surveyResponse,
  surveyTemplate,
} from './activities.table.ts';
import { activityMails } from './activities-mail.ts';
import { type ActivitiesDeps, mayOrganise, namesOf } from './activities-scope.ts';

/** The standard evaluation: relevance, quality, usefulness for work, would recommend, and a free-text comment. */
export const STANDARD_QUESTIONS: SurveyQuestion[] = [
  {
    id: 'relevance',
    kind: 'likert',
    text: 'Hur relevant var innehållet för ditt arbete?',
    textEn: 'How relevant was the content to your work?',
    required: true,
  },
  {
    id: 'quality',
    kind: 'likert',
    text: 'Hur bedömer du kvaliteten på utbildningen?',
    textEn: 'How do you rate the quality of the training?',
    required: true,
  },
  {
    id: 'usefulness',
    kind: 'likert',
    text: 'Hur användbart är det du lärde dig i ditt dagliga arbete?',
    textEn: 'How useful is what you learned in your daily work?',
    required: true,
  },
  {
    id: 'recommend',
    kind: 'yes_no',
    text: 'Skulle du rekommendera den till en kollega?',
    textEn: 'Would you recommend it to a colleague?',
    required: true,
  },
  {
    id: 'comment',
    kind: 'text',
    text: 'Vad var bra, och vad kan bli bättre?',
    textEn: 'What was good, and what could be better?',
    required: false,
  },
];
export const STANDARD_TEMPLATE_NAME = 'Standardutvärdering';

/** The region's standard evaluation template, made the first time it is needed. */
export async function ensureStandardTemplate(db: Db) {
  const [found] = await db.select().from(surveyTemplate).where(eq(surveyTemplate.standard, true)).limit(1);
  if (found) return found;
  const [made] = await db
    .insert(surveyTemplate)
    .values({ name: STANDARD_TEMPLATE_NAME, questions: STANDARD_QUESTIONS, standard: true })
    .returning();
  if (!made) throw new Error('template not written');
  return made;
}

export async function listTemplates(deps: ActivitiesDeps, ctx: SignedInContext) {
  await ensureStandardTemplate(deps.db);
  const rows = await deps.db.select().from(surveyTemplate);
  return rows
    .filter((t) => t.standard || t.organisationId === ctx.actor.organisationId)
    .map((t) => ({ id: t.id, name: t.name, standard: t.standard, questions: t.questions }));
}

export async function createTemplate(
  deps: ActivitiesDeps,
  ctx: SignedInContext,
  input: { name: string; questions: SurveyQuestion[] },
) {
  if (!can(ctx.actor, 'activities:manage_templates')) throw new ForbiddenError();
  return inTransaction(deps.db, async (tx) => {
    const [t] = await tx
      .insert(surveyTemplate)
      .values({
        name: input.name,
        questions: input.questions,
        organisationId: ctx.actor.organisationId,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!t) throw new Error('template not written');
    await audit(tx, ctx, {
      action: 'survey_template.create',
      entityType: 'survey_template',
      entityId: t.id,
      organisationId: ctx.actor.organisationId,
    });
    return { id: t.id, name: t.name, standard: t.standard, questions: t.questions };
  });
}

const newToken = () => randomBytes(32).toString('base64url');
const surveyLink = (publicUrl: string, token: string) => `${publicUrl}/survey?token=${token}`;

/**
 * Sends the survey of a held occasion to those who attended (present or partly) and have an e-mail, once. Returns
 * how many were invited. Used by the organiser's button and the nightly job.
 */
export async function sendSurvey(
  deps: ActivitiesDeps,
  occasionId: string,
  ctx: RequestContext | null,
): Promise<number> {
  const now = deps.now();
  return inTransaction(deps.db, async (tx) => {
    const [row] = await tx
      .select({ o: activityOccasion, a: activity })
      .from(activityOccasion)
      .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
      .where(eq(activityOccasion.id, occasionId))
      .for('update', { of: activityOccasion });
    if (!row) throw new NotFoundError(am.occasionNotFound());
    const { o, a } = row;
    if (!a.surveyTemplateId) throw new ConflictError(am.noSurvey());
    if (o.status !== 'held') throw new ConflictError(am.surveyNotHeld());
    const attendees = await tx
      .select({ id: activityRegistration.id, personId: activityRegistration.personId })
      .from(activityRegistration)
      .where(
        and(
          eq(activityRegistration.occasionId, o.id),
          eq(activityRegistration.state, 'registered'),
          inArray(activityRegistration.attendance, ['present', 'partial']),
          sql`NOT EXISTS (SELECT 1 FROM ${surveyInvitation} i WHERE i.registration_id = ${activityRegistration.id})`,
        ),
      );
    const contacts = await contactsOf(
      tx,
      attendees.map((r) => r.personId),
    );
    const expiresAt = new Date(now.getTime() + ACTIVITY_LIMITS.surveyLinkDays * 86_400_000);
    let invited = 0;
    for (const r of attendees) {
      const c = contacts.get(r.personId);
      if (!c?.email) continue;
      const token = newToken();
      await tx
        .insert(surveyInvitation)
        .values({ occasionId: o.id, registrationId: r.id, tokenHash: hashToken(token), sentAt: now, expiresAt });
      await queueMail(
        tx,
        activityMails.survey(
          { email: c.email, name: c.name },
          { ...o, title: a.title },
          surveyLink(deps.publicUrl, token),
          false,
        ),
      );
      invited += 1;
    }
    await tx.update(activityOccasion).set({ surveySentAt: now }).where(eq(activityOccasion.id, o.id));
    if (ctx) {
      await audit(tx, ctx, {
        action: 'activity_occasion.send_survey',
        entityType: 'activity_occasion',
        entityId: o.id,
        organisationId: a.organiserId,
      });
    }
    return invited;
  });
}

/** The one reminder, a week after the survey, with a fresh link (the first stops working), to those who have not answered. */
export async function remindSurveys(deps: ActivitiesDeps): Promise<number> {
  const now = deps.now();
  const due = await deps.db
    .select({ id: surveyInvitation.id })
    .from(surveyInvitation)
    .where(
      and(
        eq(surveyInvitation.answered, false),
        isNull(surveyInvitation.reminderSentAt),
        lte(surveyInvitation.sentAt, new Date(now.getTime() - ACTIVITY_LIMITS.surveyReminderDays * 86_400_000)),
        gt(surveyInvitation.expiresAt, now),
      ),
    )
    .limit(500);
  let sent = 0;
  for (const { id } of due) {
    await inTransaction(deps.db, async (tx) => {
      const [row] = await tx
        .select({ i: surveyInvitation, o: activityOccasion, a: activity, personId: activityRegistration.personId })
        .from(surveyInvitation)
        .innerJoin(activityOccasion, eq(activityOccasion.id, surveyInvitation.occasionId))
        .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
        .innerJoin(activityRegistration, eq(activityRegistration.id, surveyInvitation.registrationId))
        .where(
          and(
            eq(surveyInvitation.id, id),
            isNull(surveyInvitation.reminderSentAt),
            eq(surveyInvitation.answered, false),
          ),
        )
        .for('update', { of: surveyInvitation });
      if (!row) return;
      const c = (await contactsOf(tx, [row.personId])).get(row.personId);
      const token = newToken();
      await tx
        .update(surveyInvitation)
        .set({ tokenHash: hashToken(token), reminderSentAt: now })
        .where(eq(surveyInvitation.id, id));
      if (c?.email) {
        await queueMail(
          tx,
          activityMails.survey(
            { email: c.email, name: c.name },
            { ...row.o, title: row.a.title },
            surveyLink(deps.publicUrl, token),
            true,
          ),
        );
        sent += 1;
      }
    });
  }
  return sent;
}

async function invitationByToken(deps: ActivitiesDeps, db: Db, ctx: RequestContext, token: string, lock: boolean) {
  if (deps.guesses.blocked(ctx.ip)) throw new TooManyRequestsError();
  const base = db
    .select({ i: surveyInvitation, o: activityOccasion, a: activity, t: surveyTemplate })
    .from(surveyInvitation)
    .innerJoin(activityOccasion, eq(activityOccasion.id, surveyInvitation.occasionId))
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .innerJoin(surveyTemplate, eq(surveyTemplate.id, activity.surveyTemplateId))
    .where(eq(surveyInvitation.tokenHash, hashToken(token)));
  const [row] = lock ? await base.for('update', { of: surveyInvitation }) : await base;
  if (!row || row.i.expiresAt <= deps.now()) {
    deps.guesses.fail(ctx.ip);
    throw new NotFoundError(am.surveyLinkInvalid());
  }
  return row;
}

/** The survey behind a personal link (no account needed). */
export async function publicSurvey(deps: ActivitiesDeps, ctx: RequestContext, token: string) {
  const row = await invitationByToken(deps, deps.db, ctx, token, false);
  if (row.i.answered) throw new ConflictError(am.surveyAnswered());
  const names = await namesOf(deps.db, { organisations: [row.a.organiserId] });
  return {
    title: row.a.title,
    organiser: names.get(row.a.organiserId) ?? '',
    startsAt: row.o.startsAt.toISOString(),
    questions: row.t.questions,
    minCount: deps.minCount,
  };
}

/** Checks every answer against its question; returns the answers to keep (unknown questions are refused). */
function checkAnswers(questions: SurveyQuestion[], answers: Record<string, string | number | boolean>) {
  const out: Record<string, string | number | boolean> = {};
  const known = new Map(questions.map((q) => [q.id, q]));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) throw new ValidationError([{ path: `answers.${key}`, message: am.answerInvalid() }]);
  }
  for (const q of questions) {
    const v = answers[q.id];
    const empty = v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
    if (empty) {
      if (q.required) throw new ValidationError([{ path: `answers.${q.id}`, message: am.answerRequired() }]);
      continue;
    }
    const bad = () => new ValidationError([{ path: `answers.${q.id}`, message: am.answerInvalid() }]);
    if (q.kind === 'likert') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5) throw bad();
    } else if (q.kind === 'yes_no') {
      if (typeof v !== 'boolean') throw bad();
    } else if (q.kind === 'single') {
      if (typeof v !== 'string' || !q.options?.includes(v)) throw bad();
    } else if (typeof v !== 'string' || v.length > 2_000) {
      throw bad();
    }
    out[q.id] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

/** Stores an answer apart from its link; the link is marked answered in the same transaction and cannot be reused. */
export async function answerSurvey(
  deps: ActivitiesDeps,
  ctx: RequestContext,
  token: string,
  answers: Record<string, string | number | boolean>,
) {
  const now = deps.now();
  await inTransaction(deps.db, async (tx) => {
    const row = await invitationByToken(deps, tx, ctx, token, true);
    if (row.i.answered) throw new ConflictError(am.surveyAnswered());
    const kept = checkAnswers(row.t.questions, answers);
    await tx.insert(surveyResponse).values({
      occasionId: row.o.id,
      templateId: row.t.id,
      answers: kept,
      receivedOn: now.toISOString().slice(0, 10),
    });
    await tx.update(surveyInvitation).set({ answered: true }).where(eq(surveyInvitation.id, row.i.id));
  });
}

const LIKERT = ['1', '2', '3', '4', '5'];

/** Results per question, published through the shared suppression; free text for the organiser only. */
export async function surveyResults(
  deps: ActivitiesDeps,
  ctx: SignedInContext,
  occasionId: string,
): Promise<SurveyResults> {
  const [row] = await deps.db
    .select({ o: activityOccasion, a: activity, t: surveyTemplate })
    .from(activityOccasion)
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .leftJoin(surveyTemplate, eq(surveyTemplate.id, activity.surveyTemplateId))
    .where(eq(activityOccasion.id, occasionId));
  if (!row) throw new NotFoundError(am.occasionNotFound());
  const organiser = await mayOrganise(deps.db, ctx.actor, row.a);
  if (!organiser && !can(ctx.actor, 'activities:read_results')) throw new ForbiddenError();
  if (!row.t) throw new ConflictError(am.noSurvey());
  const k = deps.minCount;
  const [responses, [inv]] = await Promise.all([
    deps.db
      .select({ answers: surveyResponse.answers })
      .from(surveyResponse)
      .where(eq(surveyResponse.occasionId, occasionId)),
    deps.db
      .select({
        invited: sql<number>`count(*)::int`,
        answered: sql<number>`count(*) FILTER (WHERE ${surveyInvitation.answered})::int`,
      })
      .from(surveyInvitation)
      .where(eq(surveyInvitation.occasionId, occasionId)),
  ]);
  const en = ctx.actor.locale === 'en';
  const questions = row.t.questions.map((q) => {
    const values = responses.map((r) => r.answers[q.id]).filter((v) => v !== undefined && v !== '');
    const answered = values.length;
    const text = en && q.textEn ? q.textEn : q.text;
    const shown = answered >= k;
    const base = { id: q.id, kind: q.kind, text, answered, shown };
    if (q.kind === 'text') {
      // Free text is never counted; the organiser reads it (shuffled, so order says nothing about who wrote what).
      const texts = organiser && shown ? shuffle(values.map(String)) : null;
      return { ...base, counts: [], mean: null, texts };
    }
    if (!shown) return { ...base, counts: [], mean: null, texts: null };
    const labels = q.kind === 'likert' ? LIKERT : q.kind === 'yes_no' ? ['true', 'false'] : (q.options ?? []);
    const tally = new Map(labels.map((l) => [l, 0]));
    for (const v of values) tally.set(String(v), (tally.get(String(v)) ?? 0) + 1);
    const cells = [
      ...labels.map((l) => ({ id: `${q.id}:${l}`, value: tally.get(l) ?? 0 })),
      { id: `${q.id}:total`, value: answered },
    ];
    const published = publishCounts(
      { cells, groups: [{ total: `${q.id}:total`, parts: labels.map((l) => `${q.id}:${l}`) }] },
      { minCount: k },
    );
    const counts = labels.map((l) => ({
      label: q.kind === 'yes_no' ? (l === 'true' ? (en ? 'Yes' : 'Ja') : en ? 'No' : 'Nej') : l,
      count: published.values.get(`${q.id}:${l}`) ?? null,
    }));
    // The mean is a weighted sum of the counts: shown only when every count is, or it would give hidden ones away.
    const mean =
      q.kind === 'likert' && published.hidden.size === 0
        ? Math.round((values.reduce<number>((s, v) => s + Number(v), 0) / answered) * 10) / 10
        : null;
    return { ...base, counts, mean, texts: null };
  });
  return {
    occasionId,
    title: row.a.title,
    minCount: k,
    invited: Number(inv?.invited ?? 0),
    answered: Number(inv?.answered ?? 0),
    questions,
  };
}

function shuffle<T>(list: T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The results as XLSX: the same published figures (hidden counts as ".."), free text only for the organiser. */
export async function surveyResultsXlsx(deps: ActivitiesDeps, ctx: SignedInContext, occasionId: string) {
  const r = await surveyResults(deps, ctx, occasionId);
  const en = ctx.actor.locale === 'en';
  const rows = r.questions.flatMap((q) =>
    q.kind === 'text'
      ? (q.texts ?? []).map((t) => ({ question: q.text, answer: t, count: null }))
      : q.shown
        ? [
            ...q.counts.map((c) => ({ question: q.text, answer: c.label, count: c.count })),
            ...(q.mean !== null ? [{ question: q.text, answer: en ? 'Mean' : 'Medelvärde', count: q.mean }] : []),
          ]
        : [
            {
              question: q.text,
              answer: en ? `Fewer than ${r.minCount} answers` : `Färre än ${r.minCount} svar`,
              count: null,
            },
          ],
  );
  const body = await toXlsx([
    {
      name: en ? 'Results' : 'Resultat',
      columns: [
        { key: 'question', header: en ? 'Question' : 'Fråga' },
        { key: 'answer', header: en ? 'Answer' : 'Svar' },
        { key: 'count', header: en ? 'Count' : 'Antal', kind: 'number' },
      ],
      rows: rows.map((x) => ({ ...x, count: x.count === '..' ? '..' : x.count })),
      note: en
        ? `${r.title}: ${r.answered} of ${r.invited} answered. Counts below ${r.minCount} and what would reveal them are shown as "..".`
        : `${r.title}: ${r.answered} av ${r.invited} har svarat. Antal under ${r.minCount} och det som skulle avslöja dem visas som "..".`,
    },
  ]);
  return { fileName: `utvardering-${occasionId.slice(0, 8)}.xlsx`, body };
}
