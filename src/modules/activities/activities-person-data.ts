// The activities core's part of the register extract and its retention rules (decision 015's providers): the
// person's registrations with attendance and hours, and which evaluations they were sent and answered. The answers
// themselves are kept apart from who gave them and cannot be found from the person — the extract says so.
import { asc, eq } from 'drizzle-orm';
import type { PersonDataProvider } from '../../platform/server/person-data.ts';
import type { RetentionRule } from '../../platform/server/retention.ts';
import type { Wording } from '../../platform/shared/messages.ts';
import { toStockholmLocal } from '../../platform/shared/stockholm-time.ts';
import { activity, activityOccasion, activityRegistration, surveyInvitation } from './activities.table.ts';

const w = (sv: string, en: string): Wording => ({ sv, en });

export const activitiesPersonData: PersonDataProvider = {
  async collect(db, subject) {
    const rows = await db
      .select({ r: activityRegistration, o: activityOccasion, title: activity.title, invitation: surveyInvitation })
      .from(activityRegistration)
      .innerJoin(activityOccasion, eq(activityOccasion.id, activityRegistration.occasionId))
      .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
      .leftJoin(surveyInvitation, eq(surveyInvitation.registrationId, activityRegistration.id))
      .where(eq(activityRegistration.personId, subject.personId))
      .orderBy(asc(activityOccasion.startsAt));
    if (rows.length === 0) return [];
    return [
      {
        key: 'activities.registrations',
        title: w('Anmälningar, närvaro och utvärderingar', 'Registrations, attendance and evaluations'),
        description: w(
          'Tillfällen personen anmälts till, med närvaro och timmar. Utvärderingssvar sparas utan koppling till personen; här syns bara om hen fått och besvarat enkäten.',
          'Occasions the person was registered for, with attendance and hours. Evaluation answers are kept without a link to the person; only whether they were sent and answered the survey shows here.',
        ),
        columns: [
          { key: 'activity', label: w('Aktivitet', 'Activity') },
          { key: 'startsAt', label: w('Tillfälle', 'Occasion') },
          { key: 'state', label: w('Status', 'Status') },
          { key: 'registeredAt', label: w('Anmäld', 'Registered') },
          { key: 'attendance', label: w('Närvaro', 'Attendance') },
          { key: 'hours', label: w('Timmar', 'Hours') },
          { key: 'surveySent', label: w('Utvärdering skickad', 'Evaluation sent') },
          { key: 'surveyAnswered', label: w('Utvärdering besvarad', 'Evaluation answered') },
        ],
        rows: rows.map(({ r, o, title, invitation }) => ({
          activity: title,
          startsAt: toStockholmLocal(o.startsAt).replace('T', ' '),
          state: r.state,
          registeredAt: toStockholmLocal(r.registeredAt).replace('T', ' '),
          attendance: r.attendance,
          hours: r.hours,
          surveySent: invitation !== null,
          surveyAnswered: invitation?.answered ?? false,
        })),
      },
    ];
  },
  // The registration rows keep the person's id; the register anonymises the person in place, so nothing here names
  // them afterwards. Hours stay: ESF reporting and co-financing sum them.
};

export const ACTIVITIES_RETENTION_RULES: readonly RetentionRule[] = [
  {
    key: 'activities.registrations',
    data: w('Anmälningar, närvaro och timmar', 'Registrations, attendance and hours'),
    rule: w(
      'Sparas så länge personen finns i personalregistret; när personen anonymiseras står raden kvar utan namn (timmarna behövs för ESF-redovisning och medfinansiering).',
      'Kept while the person is in the staff register; when the person is anonymised the row stays without a name (the hours are needed for ESF reporting and co-financing).',
    ),
    enforcement: w('Personalregistrets nattliga anonymisering', "The staff register's nightly anonymisation"),
  },
  {
    key: 'activities.survey_answers',
    data: w('Utvärderingssvar', 'Evaluation answers'),
    rule: w(
      'Sparas utan koppling till vem som svarat, bara med dag. Per person sparas bara om hen svarat. Länken gäller 30 dagar.',
      'Kept without a link to who answered, with the day only. Per person only whether they answered is kept. The link is valid for 30 days.',
    ),
    enforcement: w('Inbyggt i hur svaren sparas', 'Built into how answers are stored'),
  },
  {
    key: 'activities.mail_outbox',
    data: w('Utgående e-post', 'Outgoing mail'),
    rule: w('Tas bort så snart brevet är skickat.', 'Deleted as soon as the mail is sent.'),
    enforcement: w('E-postkön, varje minut', 'The mail queue, every minute'),
  },
];
