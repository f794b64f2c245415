// The HR import's template: the header row (XLSX or CSV) and, in the workbook, sheets explaining every column and
// listing the region's professions and the municipality's units as the import accepts them.
import type { SignedInContext } from '../../platform/server/actor.ts';
import { toCsv, toXlsx } from '../../platform/server/export.ts';
import type { DownloadFile } from '../../platform/server/send-file.ts';
import { listProfessions } from '../staffing/professions-lookup.service.ts';
import { FORM_NAMES_SV, HR_COLUMNS } from './people-columns.ts';
import { authorizeAny, type PeopleDeps, targetMunicipality } from './people-scope.ts';
import { treeOrder, unitsOfMunicipality } from './units.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function importTemplate(
  deps: PeopleDeps,
  ctx: SignedInContext,
  file: 'xlsx' | 'csv',
  municipalityId?: string,
): Promise<DownloadFile> {
  authorizeAny(ctx.actor, 'people:manage');
  const columns = HR_COLUMNS.map((c) => ({ key: c.key, header: c.header }));
  if (file === 'csv') {
    return { fileName: 'personal-mall.csv', contentType: 'text/csv; charset=utf-8', body: toCsv(columns, []) };
  }
  const municipality =
    municipalityId || ctx.actor.organisationKind === 'municipality'
      ? await targetMunicipality(deps.db, ctx.actor, 'people:manage', municipalityId)
      : null;
  const professions = await listProfessions({ db: deps.db, cache: deps.cache }, { activeOnly: true });
  const units = municipality
    ? treeOrder(await unitsOfMunicipality(deps.db, municipality.id)).filter((u) => u.active)
    : [];
  const body = await toXlsx([
    { name: 'Personal', columns, rows: [] },
    {
      name: 'Instruktioner',
      columns: [
        { key: 'column', header: 'Kolumn' },
        { key: 'required', header: 'Obligatorisk' },
        { key: 'help', header: 'Beskrivning' },
        { key: 'example', header: 'Exempel' },
      ],
      rows: HR_COLUMNS.map((c) => ({
        column: c.header,
        required: c.required ? 'Ja' : c.key === 'employmentRate' ? 'Ja, utom för timanställda' : 'Nej',
        help: c.help,
        example: c.example,
      })),
      note: `En rad per person, rubrikraden först. Anställningsform: ${Object.values(FORM_NAMES_SV).join(', ')}. Samma fil två gånger ändrar ingenting. Den som saknas i filen tas aldrig bort; vid bekräftelsen kan du välja att markera dem som avslutade.`,
    },
    {
      name: 'Yrken',
      columns: [
        { key: 'name', header: 'Yrke' },
        { key: 'key', header: 'Nyckel' },
      ],
      rows: professions.map((p) => ({ name: p.name, key: p.key })),
    },
    {
      name: 'Enheter',
      columns: [
        { key: 'name', header: 'Enhet' },
        { key: 'code', header: 'Kod' },
      ],
      rows: units.map((u) => ({ name: u.name, code: u.code })),
      note: municipality ? `Enheterna i ${municipality.name}.` : 'Välj en kommun för att se dess enheter.',
    },
  ]);
  return { fileName: 'personal-mall.xlsx', contentType: XLSX, body };
}
