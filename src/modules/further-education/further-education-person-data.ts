// What further education holds about a person of the staff register (decision 015, 026): their training posts. Part of
// the register extract; deleted when the register anonymises the person (the forecast's counts only need the posts of
// persons still employed).
import { asc, eq } from 'drizzle-orm';
import type { PersonDataProvider } from '../../platform/server/person-data.ts';
import type { RetentionRule } from '../../platform/server/retention.ts';
import type { Wording } from '../../platform/shared/messages.ts';
import { furtherEducationModel, furtherEducationPost } from './further-education.table.ts';

const w = (sv: string, en: string): Wording => ({ sv, en });

export const furtherEducationPersonData: PersonDataProvider = {
  async collect(db, subject) {
    const rows = await db
      .select({ post: furtherEducationPost, model: furtherEducationModel.name })
      .from(furtherEducationPost)
      .leftJoin(furtherEducationModel, eq(furtherEducationModel.id, furtherEducationPost.modelId))
      .where(eq(furtherEducationPost.personId, subject.personId))
      .orderBy(asc(furtherEducationPost.startDate));
    if (rows.length === 0) return [];
    return [
      {
        key: 'further_education.posts',
        title: w('Utbildningstjänster', 'Training posts'),
        description: w(
          'Specialistutbildning i tjänst som kommunen registrerat för personen; räknas (utan namn) i bemanningsprognosen.',
          'Specialist training in post the municipality recorded for the person; counted (without names) in the staffing forecast.',
        ),
        columns: [
          { key: 'programme', label: w('Utbildning', 'Programme') },
          { key: 'model', label: w('Modell', 'Model') },
          { key: 'start', label: w('Start', 'Start') },
          { key: 'expectedEnd', label: w('Förväntat slut', 'Expected end') },
          { key: 'pace', label: w('Studietakt (%)', 'Pace (%)') },
          { key: 'status', label: w('Status', 'Status') },
        ],
        rows: rows.map((r) => ({
          programme: r.post.programme,
          model: r.model,
          start: r.post.startDate,
          expectedEnd: r.post.expectedEnd,
          pace: r.post.pacePercent,
          status: r.post.status,
        })),
      },
    ];
  },
  async anonymise(tx, subject) {
    await tx.delete(furtherEducationPost).where(eq(furtherEducationPost.personId, subject.personId));
  },
};

export const FURTHER_EDUCATION_RETENTION: readonly RetentionRule[] = [
  {
    key: 'further_education.posts',
    data: w('Utbildningstjänster (personer i specialistutbildning)', 'Training posts (persons in specialist training)'),
    rule: w(
      'Tas bort när personen anonymiseras i personalregistret.',
      'Deleted when the person is anonymised in the staff register.',
    ),
    enforcement: w('Med personalregistrets anonymisering', 'With the staff register’s anonymisation'),
  },
  {
    key: 'further_education.adoptions',
    data: w(
      'Införanden av utbildningsmodeller med beslut och avtal (PDF)',
      'Adoptions of training models with decisions and agreements (PDF)',
    ),
    rule: w(
      'Sparas som allmänna handlingar; stegen och dokumenten ändras inte i efterhand.',
      'Kept as public records; the steps and documents are not changed afterwards.',
    ),
    enforcement: w('Manuellt', 'By hand'),
  },
];
