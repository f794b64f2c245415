// What is left before a report can be submitted: every missing or wrong value, each a button to the field.
import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { StaffingConfigDto } from '../../staffing.contracts.ts';
import { describeFactKey } from '../../staffing-labels.ts';
import type { RuleError } from '../../staffing-rules.ts';
import { useLang } from '../../web/reporting-format.ts';
import { useReportingT } from '../../web/staffing-t.ts';

const SHOWN = 12;

type ReportChecklistProps = {
  errors: RuleError[];
  where: Map<string, { section: string; label: string }>;
  config: StaffingConfigDto;
  canSubmit: boolean;
  onGoTo: (path: string) => void;
};

export function ReportChecklist({ errors, where, config, canSubmit, onGoTo }: ReportChecklistProps) {
  const rt = useReportingT();
  const lang = useLang();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? errors : errors.slice(0, SHOWN);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="checklist-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="checklist-heading">
          {rt('checklist.title')}
        </Title>
        {errors.length === 0 ? (
          <Text>{canSubmit ? rt('checklist.ready') : rt('checklist.complete')}</Text>
        ) : (
          <>
            <Text>{rt('checklist.remaining', { count: errors.length })}</Text>
            <List spacing={4}>
              {shown.map((error) => (
                <List.Item key={`${error.path}:${error.message}`}>
                  <Anchor component="button" type="button" onClick={() => onGoTo(error.path)}>
                    {where.get(error.path)?.label ?? describeFactKey(config, error.path, lang)}
                  </Anchor>
                  : {error.message}
                </List.Item>
              ))}
            </List>
            {errors.length > SHOWN ? (
              <Anchor component="button" type="button" onClick={() => setShowAll((all) => !all)}>
                {showAll ? rt('checklist.showFewer') : rt('checklist.showAll', { count: errors.length })}
              </Anchor>
            ) : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}
