// What career paths hold about a person, for the register extract (GDPR art. 15; decision 015): their development
// plan and its education. When the staff register anonymises the person, the plan is removed (its counts in the
// regional view go with it; a plan is about one person and has no use without them).
import { eq, inArray } from 'drizzle-orm';
import type { PersonDataProvider } from '../../platform/server/person-data.ts';
import type { RetentionRule } from '../../platform/server/retention.ts';
import type { Wording } from '../../platform/shared/messages.ts';
import { careerPlan, careerPlanEducation } from './career-paths.table.ts';

const w = (sv: string, en: string): Wording => ({ sv, en });

export const careerPersonData: PersonDataProvider = {
  async collect(db, subject) {
    const plans = await db.select().from(careerPlan).where(eq(careerPlan.personId, subject.personId));
    if (plans.length === 0) return [];
    const educations = await db
      .select()
      .from(careerPlanEducation)
      .where(
        inArray(
          careerPlanEducation.planId,
          plans.map((p) => p.id),
        ),
      );
    return [
      {
        key: 'career-paths.plan',
        title: w('Utvecklingsplan', 'Development plan'),
        description: w(
          'Personens utvecklingsplan i karriärvägsmodellen: roller, steg, finansiering och uppföljning.',
          "The person's development plan in the career path model: roles, stage, funding and review.",
        ),
        columns: [
          { key: 'current', label: w('Nuvarande roll', 'Current role') },
          { key: 'target', label: w('Målroll', 'Target role') },
          { key: 'stage', label: w('Steg (Benner)', 'Stage (Benner)') },
          { key: 'funding', label: w('Finansiering', 'Funding') },
          { key: 'nextReview', label: w('Nästa uppföljning', 'Next review') },
          { key: 'note', label: w('Anteckning', 'Note') },
        ],
        rows: plans.map((p) => ({
          current: p.currentRoleKey,
          target: p.targetRoleKey,
          stage: p.bennerStage,
          funding: p.fundingSource,
          nextReview: p.nextReview,
          note: p.note,
        })),
      },
      {
        key: 'career-paths.education',
        title: w('Utbildning i utvecklingsplanen', 'Education in the development plan'),
        columns: [
          { key: 'title', label: w('Utbildning', 'Education') },
          { key: 'status', label: w('Status', 'Status') },
          { key: 'year', label: w('År', 'Year') },
          { key: 'completedOn', label: w('Slutförd', 'Completed') },
        ],
        rows: educations.map((e) => ({ title: e.title, status: e.status, year: e.year, completedOn: e.completedOn })),
      },
    ];
  },
  async anonymise(tx, subject) {
    await tx.delete(careerPlan).where(eq(careerPlan.personId, subject.personId));
  },
};

export const CAREER_RETENTION_RULES: readonly RetentionRule[] = [
  {
    key: 'career-paths.plans',
    data: w(
      'Utvecklingsplaner (roll, steg, utbildning, uppföljning)',
      'Development plans (role, stage, education, review)',
    ),
    rule: w(
      'Finns kvar tills chefen tar bort planen. Tas bort när personen anonymiseras i personalregistret.',
      'Kept until the manager removes the plan. Removed when the person is anonymised in the staff register.',
    ),
    enforcement: w('Manuellt, och med personalregistret', 'By hand, and with the staff register'),
  },
];
