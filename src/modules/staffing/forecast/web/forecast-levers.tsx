// The scenario levers: extra hours a week for part-time staff, retirement later, a changed staffing ratio. A typed
// value goes to the address (and so to the API) 300 ms after the last key, when it is in range; "Återställ" goes
// back to the region's stored defaults.
import { Button, Group, NumberInput, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { useNamespaceT } from '../../../../platform/web/i18n/namespace-t.ts';
import { useLang } from '../../web/reporting-format.ts';
import { FORECAST_LIMITS, type ForecastLeversDto } from '../forecast.contracts.ts';
import type { forecastSv } from './forecast.sv.ts';
import { type LeverKey, validLever } from './forecast-search.ts';

/** How long typing may pause before the forecast is asked for again. */
export const LEVER_DEBOUNCE_MS = 300;

type Draft = Partial<Record<LeverKey, number | string>>;

type ForecastLeversProps = {
  /** The levers in effect: the address's, else the region's defaults the answer names. */
  values: ForecastLeversDto;
  onChange: (changes: Partial<ForecastLeversDto>) => void;
  /** Whether the address sets a lever (else the values already are the defaults). */
  canReset: boolean;
  onReset: () => void;
  /** A new forecast is being fetched. */
  updating: boolean;
};

export function ForecastLevers({ values, onChange, canReset, onReset, updating }: ForecastLeversProps) {
  const ft = useNamespaceT<typeof forecastSv>('staffingForecast');
  const language = useLang();
  const headingId = useId();
  const [draft, setDraft] = useState<Draft>({});
  // Changes typed within the pause are sent together.
  const pending = useRef<Partial<ForecastLeversDto>>({});
  const send = useDebouncedCallback(() => {
    const changes = pending.current;
    pending.current = {};
    if (Object.keys(changes).length > 0) onChange(changes);
  }, LEVER_DEBOUNCE_MS);

  // A typed value the address now holds needs no draft any more.
  useEffect(() => {
    setDraft((current) => {
      const next = Object.fromEntries(
        Object.entries(current).filter(([key, value]) => value !== values[key as LeverKey]),
      ) as Draft;
      return Object.keys(next).length === Object.keys(current).length ? current : next;
    });
  }, [values]);

  const shown = (key: LeverKey) => draft[key] ?? values[key];
  const numeric = (key: LeverKey): number | null => {
    const value = shown(key);
    const n = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
    return value === '' || !Number.isFinite(n) ? null : n;
  };
  const errorOf = (key: LeverKey) => {
    const n = numeric(key);
    if (n !== null && validLever(key, n)) return undefined;
    const { min, max } = FORECAST_LIMITS[key];
    return ft('levers.outOfRange', { min: signed(min, language), max: signed(max, language) });
  };
  const type = (key: LeverKey, value: number | string) => {
    setDraft((current) => ({ ...current, [key]: value }));
    const n = typeof value === 'number' ? value : Number(value.replace(',', '.'));
    if (value !== '' && validLever(key, n)) {
      pending.current = { ...pending.current, [key]: n };
      send();
    } else {
      const { [key]: _dropped, ...rest } = pending.current;
      pending.current = rest;
    }
  };
  const decimal = language === 'sv' ? ',' : '.';
  const delays = Array.from(
    { length: FORECAST_LIMITS.retirementDelayYears.max - FORECAST_LIMITS.retirementDelayYears.min + 1 },
    (_, i) => FORECAST_LIMITS.retirementDelayYears.min + i,
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {ft('levers.title')}
        </Title>
        <Text size="sm">{ft('levers.help')}</Text>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          <NumberInput
            label={ft('levers.extraHours')}
            description={ft('levers.extraHoursHelp', { max: FORECAST_LIMITS.extraHoursPerWeek.max })}
            value={shown('extraHoursPerWeek')}
            onChange={(value) => type('extraHoursPerWeek', value)}
            min={FORECAST_LIMITS.extraHoursPerWeek.min}
            max={FORECAST_LIMITS.extraHoursPerWeek.max}
            step={1}
            decimalScale={2}
            decimalSeparator={decimal}
            allowNegative={false}
            clampBehavior="none"
            error={errorOf('extraHoursPerWeek')}
          />
          <Radio.Group
            label={ft('levers.retirementDelay')}
            value={String(shown('retirementDelayYears'))}
            onChange={(value) => {
              const years = Number(value);
              if (validLever('retirementDelayYears', years)) onChange({ retirementDelayYears: years });
            }}
          >
            <Group gap="md" mt="xs">
              {delays.map((years) => (
                <Radio key={years} value={String(years)} label={ft('levers.retirementDelayYears', { count: years })} />
              ))}
            </Group>
          </Radio.Group>
          <NumberInput
            label={ft('levers.staffingRatio')}
            description={ft('levers.staffingRatioHelp', {
              min: signed(FORECAST_LIMITS.staffingRatioChangePercent.min, language),
              max: signed(FORECAST_LIMITS.staffingRatioChangePercent.max, language),
            })}
            value={shown('staffingRatioChangePercent')}
            onChange={(value) => type('staffingRatioChangePercent', value)}
            min={FORECAST_LIMITS.staffingRatioChangePercent.min}
            max={FORECAST_LIMITS.staffingRatioChangePercent.max}
            step={1}
            decimalScale={2}
            decimalSeparator={decimal}
            clampBehavior="none"
            error={errorOf('staffingRatioChangePercent')}
          />
          <NumberInput
            label={ft('levers.absenceReduction')}
            description={ft('levers.absenceReductionHelp')}
            value={shown('absenceReductionPercent')}
            onChange={(value) => type('absenceReductionPercent', value)}
            min={FORECAST_LIMITS.absenceReductionPercent.min}
            max={FORECAST_LIMITS.absenceReductionPercent.max}
            step={5}
            decimalScale={2}
            decimalSeparator={decimal}
            allowNegative={false}
            clampBehavior="none"
            error={errorOf('absenceReductionPercent')}
          />
          <NumberInput
            label={ft('levers.turnoverReduction')}
            description={ft('levers.turnoverReductionHelp')}
            value={shown('turnoverReductionPercent')}
            onChange={(value) => type('turnoverReductionPercent', value)}
            min={FORECAST_LIMITS.turnoverReductionPercent.min}
            max={FORECAST_LIMITS.turnoverReductionPercent.max}
            step={5}
            decimalScale={2}
            decimalSeparator={decimal}
            allowNegative={false}
            clampBehavior="none"
            error={errorOf('turnoverReductionPercent')}
          />
        </SimpleGrid>
        <Group gap="sm">
          <Button
            variant="default"
            disabled={!canReset && Object.keys(draft).length === 0}
            onClick={() => {
              send.cancel();
              pending.current = {};
              setDraft({});
              onReset();
            }}
          >
            {ft('levers.reset')}
          </Button>
          <Text size="sm">{ft('levers.resetHelp')}</Text>
          {updating ? (
            <Text size="sm" fw={700}>
              {ft('levers.updating')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}

/** A limit as the help text gives it: "−50", "50". */
function signed(value: number, language: 'sv' | 'en'): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE').format(value);
}
