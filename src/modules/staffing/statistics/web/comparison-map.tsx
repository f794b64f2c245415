// The comparison as a map (decision 025): one key ratio per municipality on the region map, with the table of the
// same values beside it; the values are the comparison's own, hidden ones shown as hidden.
import { Select, Text } from '@mantine/core';
import { useMemo } from 'react';
import { RegionMap } from '../../../../platform/web/components/region-map.tsx';
import type { ComparisonDto } from '../../staffing.contracts.ts';
import { RATIO_DEFS, type RatioKey } from '../../staffing-measures.ts';
import { useLang } from '../../web/reporting-format.ts';
import { useStatisticsT } from '../../web/staffing-t.ts';
import { ratioMapData } from './comparison-map-data.ts';
import type { HeatStep } from './heat-map-scale.ts';
import { useCellFormat } from './statistics-format.ts';

type ComparisonMapProps = {
  dto: ComparisonDto;
  profession: string;
  ratio: RatioKey;
  onRatioChange: (ratio: RatioKey) => void;
};

export function ComparisonMap({ dto, profession, ratio, onRatioChange }: ComparisonMapProps) {
  const st = useStatisticsT();
  const language = useLang();
  const format = useCellFormat();
  const ratioName = RATIO_DEFS.find((d) => d.key === ratio)?.label[language] ?? ratio;
  const map = useMemo(
    () =>
      ratioMapData(dto, ratio, (cell) => format.ratio(ratio, cell), {
        step: (step: HeatStep) => st(`heatMap.step${step}`),
        hidden: st('regionMap.hidden'),
        missing: st('regionMap.missing'),
        hiddenLabel: st('regionMap.hiddenLabel'),
        missingLabel: st('regionMap.missingLabel'),
      }),
    [dto, ratio, format, st],
  );
  return (
    <RegionMap
      title={st('regionMap.title', { ratio: ratioName, period: dto.period.label, profession })}
      data={map.data}
      categories={map.categories}
      names={map.names}
      categoryHeader={st('regionMap.category')}
      valueHeader={ratioName}
      controls={
        <Select
          label={st('regionMap.ratio')}
          data={RATIO_DEFS.map((d) => ({ value: d.key, label: d.label[language] }))}
          value={ratio}
          allowDeselect={false}
          onChange={(value) => {
            if (value) onRatioChange(value as RatioKey);
          }}
          maw={360}
        />
      }
      note={
        <Text size="sm" mt="xs">
          {st('regionMap.note')}
        </Text>
      }
    />
  );
}
