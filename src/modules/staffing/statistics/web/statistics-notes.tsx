// The texts beside every statistics table: what ".." and "–" mean, and how each key ratio is calculated
// (shown as text on the page, not in a tooltip, so keyboard and screen reader users get it too).
import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { ComparisonDto } from '../../staffing.contracts.ts';
import { RATIO_DEFS } from '../../staffing-measures.ts';
import { useLang } from '../../web/reporting-format.ts';
import { useStatisticsT } from '../../web/staffing-t.ts';

type SuppressionNoteProps = Pick<ComparisonDto, 'minCount'> & {
  unsuppressedFor?: ComparisonDto['unsuppressedFor'];
  publication?: ComparisonDto['publication'];
};

export function SuppressionNote({ minCount, unsuppressedFor = null, publication }: SuppressionNoteProps) {
  const st = useStatisticsT();
  const language = useLang();
  const headingId = useId();
  const published = publication
    ? st('notes.published', {
        date: new Date(publication.publishedAt).toLocaleDateString(language === 'en' ? 'en-GB' : 'sv-SE', {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
        }),
        version: publication.version,
        count: publication.municipalities,
      })
    : st('notes.notPublished');
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {st('notes.title')}
      </Title>
      <Box component="ul" m={0} pl="lg">
        <li>
          <Text size="sm">{st('notes.suppressed', { minCount })}</Text>
        </li>
        <li>
          <Text size="sm">{st('notes.notReported')}</Text>
        </li>
        <li>
          <Text size="sm">{st('notes.percent')}</Text>
        </li>
      </Box>
      {publication !== undefined ? <Text size="sm">{published}</Text> : null}
      {unsuppressedFor === 'all' ? <Text size="sm">{st('notes.unsuppressedAll')}</Text> : null}
      {unsuppressedFor && unsuppressedFor !== 'all' ? <Text size="sm">{st('notes.unsuppressedOwn')}</Text> : null}
    </Box>
  );
}

export function RatioFormulas() {
  const st = useStatisticsT();
  const language = useLang();
  const headingId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h3" id={headingId}>
          {st('formulas.title')}
        </Title>
        <Text size="sm">{st('formulas.intro')}</Text>
        <Box component="dl" m={0}>
          {RATIO_DEFS.map((def) => (
            <Box key={def.key} mb="xs">
              <Text component="dt" fw={700} size="sm">
                {def.label[language]}
              </Text>
              <Text component="dd" size="sm" ml="md">
                {def.formula[language]}. {st(`formulas.${def.direction}`)}
              </Text>
            </Box>
          ))}
        </Box>
        <Text size="sm">{st('formulas.medianExplained')}</Text>
      </Stack>
    </Paper>
  );
}
