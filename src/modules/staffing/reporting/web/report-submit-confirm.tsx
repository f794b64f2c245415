// The confirmation before a report is submitted: what differs from the last period, the values that changed more than
// the warning share first (marked in words, not by colour alone), and that a submitted report is locked.
import { Alert, Box, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../../platform/web/components/app-modal.tsx';
import { useFormat } from '../../../../platform/web/i18n/format.ts';
import { useReportingT } from '../../web/staffing-t.ts';
import type { ValueChange } from './report-plausibility.ts';

/** At most this many changes are listed; the rest are counted. */
const SHOWN = 15;

type SubmitConfirmProps = {
  period: string;
  /** The last period's label, or null without one. */
  previousLabel: string | null;
  changes: readonly ValueChange[];
  labelOf: (path: string) => string;
  warnShare: number;
  loading: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

export function SubmitConfirm(props: SubmitConfirmProps) {
  const { t } = useTranslation();
  const rt = useReportingT();
  const format = useFormat();
  const { changes, previousLabel } = props;
  const warnings = changes.filter((c) => c.warn).length;
  const share = `${format.number(Math.round(props.warnShare * 100))} %`;
  const value = (v: number | null) => (v === null ? rt('form.empty') : format.number(v));
  const percent = (c: ValueChange) =>
    c.share === null
      ? '–'
      : `${(c.current ?? 0) >= (c.previous ?? 0) ? '+' : '−'}${format.number(Math.round(c.share * 100))} %`;
  return (
    <AppModal opened onClose={props.onCancel} title={rt('form.confirmTitle', { period: props.period })} size="xl">
      <Stack>
        {previousLabel === null ? (
          <Text>{rt('form.confirmNoPrevious')}</Text>
        ) : changes.length === 0 ? (
          <Text>{rt('form.confirmNoChanges', { previous: previousLabel })}</Text>
        ) : (
          <>
            <Text>{rt('form.confirmIntro', { count: changes.length, previous: previousLabel })}</Text>
            {warnings > 0 ? (
              <Alert color="orange" role="note">
                <Text size="sm" fw={600}>
                  {rt('form.confirmWarnings', { count: warnings, share })}
                </Text>
              </Alert>
            ) : null}
            <Box
              role="region"
              tabIndex={0}
              aria-label={rt('form.changesLabel')}
              style={{ overflowX: 'auto', position: 'relative' }}
            >
              <Table striped verticalSpacing="xs" aria-label={rt('form.changesLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{rt('form.changeField')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {rt('form.changePrevious')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {rt('form.changeCurrent')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {rt('form.changeShare')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {changes.slice(0, SHOWN).map((c) => (
                    <Table.Tr key={c.path}>
                      <Table.Th scope="row" fw={c.warn ? 700 : 400}>
                        {c.warn ? `${rt('form.changeCheck')}: ` : ''}
                        {props.labelOf(c.path)}
                      </Table.Th>
                      <Table.Td ta="right">{value(c.previous)}</Table.Td>
                      <Table.Td ta="right">{value(c.current)}</Table.Td>
                      <Table.Td ta="right" fw={c.warn ? 700 : 400}>
                        {percent(c)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Box>
            {changes.length > SHOWN ? (
              <Text size="sm">{rt('form.confirmMore', { count: changes.length - SHOWN })}</Text>
            ) : null}
          </>
        )}
        <Text>{rt('form.confirmAfter')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button loading={props.loading} onClick={props.onConfirm}>
            {rt('form.confirmSubmit')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
