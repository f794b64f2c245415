// "Ändra antaganden": the regional admin's form for the region's stored assumptions (retirement age, turnover, what
// demand follows, full time, horizon) and the scenarios' default levers. The server checks the values; its Swedish
// field errors are shown at the fields.
import { Button, Divider, Group, NumberInput, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../../platform/web/api/api-client.ts';
import { AppModal } from '../../../../platform/web/components/app-modal.tsx';
import { FormError } from '../../../../platform/web/components/feedback.tsx';
import { useNamespaceT } from '../../../../platform/web/i18n/namespace-t.ts';
import { notifySuccess } from '../../../../platform/web/notify.ts';
import { useDay, useLang } from '../../web/reporting-format.ts';
import type { ForecastSettingsDto } from '../forecast.contracts.ts';
import type { forecastSv } from './forecast.sv.ts';
import { FORECAST_KEY, saveForecastSettings } from './forecast-api.ts';
import {
  type SettingsFormValues,
  settingsFieldErrors,
  settingsFormValues,
  settingsInput,
} from './forecast-settings-form.ts';

/** The button, and the form in a dialog while it is open. */
export function ForecastSettingsButton({ settings }: { settings: ForecastSettingsDto }) {
  const ft = useNamespaceT<typeof forecastSv>('staffingForecast');
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {ft('assumptions.edit')}
      </Button>
      {opened ? (
        <AppModal opened onClose={() => setOpened(false)} title={ft('settings.title')}>
          <ForecastSettingsForm settings={settings} onClose={() => setOpened(false)} />
        </AppModal>
      ) : null}
    </>
  );
}

function ForecastSettingsForm({ settings, onClose }: { settings: ForecastSettingsDto; onClose: () => void }) {
  const ft = useNamespaceT<typeof forecastSv>('staffingForecast');
  const { t } = useTranslation();
  const language = useLang();
  const day = useDay();
  const queryClient = useQueryClient();
  const form = useForm<SettingsFormValues>({ initialValues: settingsFormValues(settings) });
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (values: SettingsFormValues) => saveForecastSettings(settingsInput(values)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: FORECAST_KEY });
      notifySuccess(ft('settings.saved'));
      onClose();
    },
    onError: (error) => {
      const { byField, other } = settingsFieldErrors(error instanceof ApiError ? error.fields : []);
      form.setErrors(byField);
      setFormError([errorMessage(error), ...other].join(' '));
    },
  });
  const decimal = language === 'sv' ? ',' : '.';
  const number = (path: string, label: string, extra: { description?: string; integer?: boolean } = {}) => (
    <NumberInput
      label={label}
      description={extra.description}
      allowDecimal={!extra.integer}
      decimalScale={2}
      decimalSeparator={decimal}
      clampBehavior="none"
      {...form.getInputProps(path)}
    />
  );
  const weighted = form.values.demandBasis.kind === 'weighted';

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      })}
    >
      <Stack>
        <Text size="sm">{ft('settings.intro')}</Text>
        {settings.updatedAt ? (
          <Text size="sm">{ft('settings.updatedAt', { date: day(settings.updatedAt) })}</Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {number('retirementAge', ft('settings.retirementAge'), { integer: true })}
          {number('turnoverPercent', ft('settings.turnoverPercent'), { description: ft('settings.turnoverHelp') })}
          {number('fullTimeHoursPerWeek', ft('settings.fullTimeHours'))}
          {number('horizonYears', ft('settings.horizonYears'), { integer: true })}
        </SimpleGrid>
        <Radio.Group label={ft('settings.demandBasis')} {...form.getInputProps('demandBasis.kind')}>
          <Stack gap="xs" mt="xs">
            <Radio value="80+" label={ft('settings.demand80')} />
            <Radio value="weighted" label={ft('settings.demandWeighted')} />
          </Stack>
        </Radio.Group>
        {weighted ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {number('demandBasis.weight65_79', ft('settings.weight65_79'))}
            {number('demandBasis.weight80plus', ft('settings.weight80plus'))}
          </SimpleGrid>
        ) : null}
        <Divider />
        <Title order={3} size="h4">
          {ft('settings.leversTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {number('levers.extraHoursPerWeek', ft('settings.extraHours'))}
          {number('levers.retirementDelayYears', ft('settings.retirementDelay'), { integer: true })}
          {number('levers.staffingRatioChangePercent', ft('settings.staffingRatio'))}
          {number('levers.absenceReductionPercent', ft('settings.absenceReduction'))}
          {number('levers.turnoverReductionPercent', ft('settings.turnoverReduction'))}
        </SimpleGrid>
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {ft('settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
