// The forecast's key figures: the cumulated recruitment need over 5 and 10 years of the base case and each scenario,
// the scenarios' sentences ("Pension ett år senare: Behovet minskar med 12 (4,5 %)"), and beside them every
// assumption the result rests on, with the notes on the data.
import { Alert, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useNamespaceT } from '../../../../platform/web/i18n/namespace-t.ts';
import { useLang } from '../../web/reporting-format.ts';
import type { ForecastDto, ScenarioDto } from '../forecast.contracts.ts';
import type { forecastSv } from './forecast.sv.ts';
import { changedAssumptions, formatPersons, type ScenarioFigures, scenarioSentences } from './forecast-data.ts';

type ForecastFiguresProps = {
  dto: ForecastDto;
  profession: string | undefined;
  professionName: string;
};

export function ForecastFigures({ dto, profession, professionName }: ForecastFiguresProps) {
  const ft = useNamespaceT<typeof forecastSv>('staffingForecast');
  const language = useLang();
  const headingId = useId();
  const captionId = useId();
  const { figures, years, sentences } = scenarioSentences(ft, dto, profession, language);
  const base = figures.base;
  if (!base) return null;
  const person = (value: number | null) =>
    value === null ? ft('figures.beyondHorizon') : formatPersons(value, language);
  const rows: (Pick<ScenarioFigures, 'need5' | 'need10' | 'label'> & { key: string })[] = [
    { key: 'base', label: ft('figures.base'), need5: base.need5, need10: base.need10 },
    ...figures.scenarios,
  ];
  const negative = rows.some((r) => (r.need5 ?? 0) < -0.5 || (r.need10 ?? 0) < -0.5);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {ft('figures.title')}
        </Title>
        <Text fw={700}>{ft('figures.sentencesTitle', { years })}</Text>
        <List spacing={4} data-testid="scenario-sentences">
          {sentences.map((s) => (
            <List.Item key={s.key} data-scenario={s.key}>
              {s.text}
            </List.Item>
          ))}
        </List>
        <Table.ScrollContainer minWidth={420}>
          <Table striped captionSide="top" aria-labelledby={captionId}>
            <Table.Caption id={captionId}>{ft('figures.caption', { profession: professionName })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{ft('figures.scenario')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {ft('figures.need5', { year: dto.base.baseYear + 5 })}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {ft('figures.need10', { year: dto.base.baseYear + 10 })}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key} data-scenario={row.key}>
                  <Table.Th scope="row">{row.label}</Table.Th>
                  <Table.Td ta="right">{person(row.need5)}</Table.Td>
                  <Table.Td ta="right">{person(row.need10)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {negative ? <Text size="sm">{ft('figures.negativeHelp')}</Text> : null}
      </Stack>
    </Paper>
  );
}

type ForecastAssumptionsProps = {
  dto: ForecastDto;
  /** The scenario drawn in the charts, whose own levers are listed after the base case's assumptions. */
  scenario: ScenarioDto | undefined;
  scenarioLabel: string;
  /** The button that opens the form for the stored assumptions (regional admins). */
  edit?: React.ReactNode;
};

/** Every assumption of the base case as label: value, and what the chosen scenario changes. */
export function ForecastAssumptions({ dto, scenario, scenarioLabel, edit }: ForecastAssumptionsProps) {
  const ft = useNamespaceT<typeof forecastSv>('staffingForecast');
  const headingId = useId();
  const changed = scenario ? changedAssumptions(dto.base, scenario) : [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {ft('assumptions.title')}
        </Title>
        <Text fw={700}>{ft('assumptions.base')}</Text>
        <AssumptionList items={dto.base.assumptions} />
        {changed.length > 0 ? (
          <>
            <Text fw={700}>{ft('assumptions.scenario', { label: scenarioLabel })}</Text>
            <AssumptionList items={changed} />
          </>
        ) : null}
        {edit}
      </Stack>
    </Paper>
  );
}

function AssumptionList({ items }: { items: ForecastDto['base']['assumptions'] }) {
  const language = useLang();
  return (
    <Stack component="dl" gap={6} m={0}>
      {items.map((a) => (
        <div key={a.key}>
          <Text component="dt" size="sm" fw={600}>
            {language === 'en' ? a.en.label : a.label}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {language === 'en' ? a.en.value : a.value}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

type ForecastNotesProps = {
  dto: ForecastDto;
  profession: string | undefined;
  professionLabel: (key: string) => string;
};

/** The notes on the data: the forecast's own (municipalities left out, projections missing) and each profession's. */
export function ForecastNotes({ dto, profession, professionLabel }: ForecastNotesProps) {
  const ft = useNamespaceT<typeof forecastSv>('staffingForecast');
  const professions = dto.base.professions.filter((p) => !profession || profession === 'all' || p.key === profession);
  const notes = [
    ...dto.notesSv,
    ...(profession && profession !== 'all' ? [] : dto.base.total.notesSv),
    ...professions.flatMap((p) =>
      p.notesSv.map((note) => ft('notes.profession', { profession: professionLabel(p.key), note })),
    ),
  ];
  const unique = [...new Set(notes)];
  if (unique.length === 0) return null;
  return (
    <Alert color="blue" title={ft('notes.title')}>
      <List size="sm" spacing={4}>
        {unique.map((note) => (
          <List.Item key={note}>{note}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
