// The region map (decision 025): any module's value per municipality drawn on the member municipalities' shapes —
// by colour AND pattern AND a text label — with a legend, every municipality reachable with Tab and read out by its
// name and value, the same data as a table beside it, and a print view. The shapes were projected at build time
// (scripts/build-region-map.ts); the browser only crops the view box and fills the paths.
import { Box, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from './data-table.tsx';
import './region-map.css';
import {
  type CategoryStyle,
  loadMunicipalityShapes,
  type MunicipalityShapes,
  type RegionMapCategory,
  type RegionMapData,
  regionMapModel,
  regionMapRows,
} from './region-map-model.ts';

export type { RegionMapCategory, RegionMapData, RegionMapEntry } from './region-map-model.ts';

export type RegionMapProps = {
  /** What the map shows ("AST — status per kommun"): the figure's caption and the map's and table's names. */
  title: string;
  data: RegionMapData;
  /** The categories in legend order. */
  categories: readonly RegionMapCategory[];
  /** Names as the module knows them, by code (else the shape's name). */
  names?: Readonly<Record<string, string>>;
  /** Headings of the table's category and value columns. */
  categoryHeader?: string;
  valueHeader?: string;
  /** Shown above the map (a choice of model, a period). */
  controls?: ReactNode;
  /** Shown under the legend (a note on hidden values). */
  note?: ReactNode;
  /** The table's name cell (e.g. a link to the municipality's page); the name as text when left out. */
  nameCell?: (code: string, name: string) => ReactNode;
};

export function RegionMap(props: RegionMapProps) {
  const { t } = useTranslation();
  const [shapes, setShapes] = useState<MunicipalityShapes | null>(null);
  const [printView, setPrintView] = useState(false);
  useEffect(() => {
    let live = true;
    void loadMunicipalityShapes().then((s) => {
      if (live) setShapes(s);
    });
    return () => {
      live = false;
    };
  }, []);
  const model = useMemo(
    () => (shapes ? regionMapModel(shapes, props.data, props.categories, props.names) : null),
    [shapes, props.data, props.categories, props.names],
  );
  if (!model) return <Text aria-busy="true">{t('regionMap.loading')}</Text>;
  const map = <MapFigure {...props} model={model} />;
  const table = <MapTable {...props} model={model} />;
  if (printView) {
    return (
      <Box className="region-map-print">
        <Group className="region-map-no-print" mb="md">
          <Button onClick={() => window.print()}>{t('regionMap.print')}</Button>
          <Button variant="default" onClick={() => setPrintView(false)}>
            {t('regionMap.closePrintView')}
          </Button>
        </Group>
        <Title order={2} size="h3" mb="sm">
          {props.title}
        </Title>
        {map}
        <Box mt="lg">{table}</Box>
      </Box>
    );
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between" className="region-map-no-print">
        {props.controls ?? <span />}
        <Button variant="default" onClick={() => setPrintView(true)}>
          {t('regionMap.printView')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {map}
        {table}
      </SimpleGrid>
    </Stack>
  );
}

type WithModel = RegionMapProps & { model: ReturnType<typeof regionMapModel> };

function MapFigure({ title, model, note }: WithModel) {
  const { t } = useTranslation();
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [focused, setFocused] = useState<string | null>(null);
  const size = model.fontSize * 0.9;
  const current = model.items.find((i) => i.code === focused);
  const patternId = (index: number) => `rm-${uid}-${index}`;
  return (
    <Box component="figure" m={0} data-testid="region-map" data-ready="true">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG map grouping its focusable municipalities, not a form */}
      <svg
        viewBox={model.viewBox}
        role="group"
        aria-label={t('regionMap.mapLabel', { title })}
        className="region-map-svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <defs>
          {model.legend.map((l) => (
            <Pattern key={l.key} id={patternId(l.styleIndex)} style={l.style} size={size} />
          ))}
          <Pattern
            id={patternId(model.legend.length)}
            style={{ fill: '#e9ecef', pattern: 'hidden', ink: '#343a40' }}
            size={size}
          />
        </defs>
        {model.items.map((item) => (
          // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a municipality is a focusable image, reached with Tab and read out (WCAG 2.1.1, 4.1.2)
          <path
            key={item.code}
            d={item.d}
            className="region-map-shape"
            fill={`url(#${patternId(item.styleIndex)})`}
            tabIndex={0}
            role="img"
            aria-label={t('regionMap.focused', { name: item.name, label: item.label })}
            data-code={item.code}
            data-category={item.category}
            onFocus={() => setFocused(item.code)}
            onBlur={() => setFocused((c) => (c === item.code ? null : c))}
            onMouseEnter={() => setFocused(item.code)}
          />
        ))}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: the labels are not focusable; each shape carries its own name */}
        <g aria-hidden="true" className="region-map-labels" fontSize={model.fontSize}>
          {model.items.map((item) => (
            <text key={item.code} x={item.labelX} y={item.labelY} textAnchor="middle">
              <tspan x={item.labelX} fontWeight={700}>
                {item.name}
              </tspan>
              <tspan x={item.labelX} dy="1.15em">
                {item.label}
              </tspan>
            </text>
          ))}
        </g>
      </svg>
      <Text size="sm" aria-live="polite" className="region-map-status" mih="1.5em">
        {current ? t('regionMap.focused', { name: current.name, label: current.label }) : t('regionMap.focusHint')}
      </Text>
      <Box component="figcaption" mt="xs">
        <Text fw={600} size="sm" id={`rm-${uid}-legend`}>
          {t('regionMap.legend')}
        </Text>
        <Box component="ul" aria-labelledby={`rm-${uid}-legend`} className="region-map-legend">
          {model.legend.map((l) => (
            <li key={l.key}>
              <svg width="28" height="18" aria-hidden="true" viewBox="0 0 28 18">
                <Pattern id={`${patternId(l.styleIndex)}-swatch`} style={l.style} size={7} />
                <rect
                  x="0.5"
                  y="0.5"
                  width="27"
                  height="17"
                  fill={`url(#${patternId(l.styleIndex)}-swatch)`}
                  stroke="#343a40"
                />
              </svg>
              <span>
                {l.label} ({l.count})
              </span>
            </li>
          ))}
        </Box>
        {note}
        {model.unknown.length > 0 ? (
          <Text size="sm">{t('regionMap.unknown', { codes: model.unknown.join(', ') })}</Text>
        ) : null}
      </Box>
    </Box>
  );
}

function MapTable({ title, model, categoryHeader, valueHeader, nameCell }: WithModel) {
  const { t } = useTranslation();
  const rows = regionMapRows(model);
  return (
    <Box data-testid="region-map-table">
      <DataTable label={t('regionMap.tableLabel', { title })} empty={rows.length === 0}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('regionMap.municipality')}</Table.Th>
            <Table.Th scope="col">{categoryHeader ?? t('regionMap.category')}</Table.Th>
            <Table.Th scope="col">{valueHeader ?? t('regionMap.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.code} data-code={r.code}>
              <Table.Th scope="row" fw={400}>
                {nameCell ? nameCell(r.code, r.name) : r.name}
              </Table.Th>
              <Table.Td>{r.category}</Table.Td>
              <Table.Td>{r.label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
    </Box>
  );
}

/** A category's fill: its colour with its own pattern drawn over it in the pattern's ink. */
function Pattern({ id, style, size }: { id: string; style: CategoryStyle; size: number }) {
  const s = size;
  const w = Math.max(s * 0.14, 0.6);
  const line = (x1: number, y1: number, x2: number, y2: number) => (
    <line x1={x1} y1={y1} x2={x2} y2={y2} stroke={style.ink} strokeWidth={w} />
  );
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={s} height={s}>
      <rect width={s} height={s} fill={style.fill} />
      {style.pattern === 'stripes' ? (
        <>
          {line(0, s, s, 0)}
          {line(-s / 2, s / 2, s / 2, -s / 2)}
          {line(s / 2, s * 1.5, s * 1.5, s / 2)}
        </>
      ) : null}
      {style.pattern === 'dots' ? <circle cx={s / 2} cy={s / 2} r={s * 0.18} fill={style.ink} /> : null}
      {style.pattern === 'crosshatch' || style.pattern === 'hidden' ? (
        <>
          {line(0, 0, s, s)}
          {line(0, s, s, 0)}
        </>
      ) : null}
      {style.pattern === 'horizontal' || style.pattern === 'grid' ? line(0, s / 2, s, s / 2) : null}
      {style.pattern === 'vertical' || style.pattern === 'grid' ? line(s / 2, 0, s / 2, s) : null}
    </pattern>
  );
}
