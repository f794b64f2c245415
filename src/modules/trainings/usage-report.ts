// The usage page "Användning" for the region and the MAS network (decision 029): over a chosen period, the most and
// least used items (least: approved items, those never shown first), views per profession tab, the searches that
// found nothing (gaps to fill) and opened links — and the same as an XLSX workbook. Counters only: no person in here.
import { and, between, eq, ne, sql } from 'drizzle-orm';
import { authorize, type SignedInContext } from '../../platform/server/actor.ts';
import { type ExportColumn, toXlsx } from '../../platform/server/export.ts';
import type { DownloadFile } from '../../platform/server/send-file.ts';
import { compareSwedish } from '../../platform/shared/swedish-order.ts';
import { catalogueProfessions, type TrainingsDeps } from './catalogue.service.ts';
import { USAGE_LIST_ROWS, type UsageDto, type UsageItemDto, type UsageQuery } from './catalogue-usage.contracts.ts';
import { trainingUsage } from './catalogue-usage.table.ts';
import { flushCatalogueUsage } from './catalogue-usage.ts';
import { TRAINING_STATUS_SV, type TrainingStatus } from './trainings.contracts.ts';
import { trainingItem } from './trainings.table.ts';

export type UsageDeps = Pick<TrainingsDeps, 'db' | 'cache'> & { demo: boolean };

type Totals = UsageDto['totals'];

/** Every item with its views and opens in the period: approved items, and any other item that was used. */
async function itemUsage(deps: UsageDeps, from: string, to: string): Promise<UsageItemDto[]> {
  const u = deps.db
    .select({
      key: trainingUsage.key,
      views: sql<number>`(sum(${trainingUsage.count}) FILTER (WHERE ${trainingUsage.kind} = 'item_view'))::int`.as(
        'views',
      ),
      opens: sql<number>`(sum(${trainingUsage.count}) FILTER (WHERE ${trainingUsage.kind} = 'outbound'))::int`.as(
        'opens',
      ),
    })
    .from(trainingUsage)
    .where(and(between(trainingUsage.day, from, to), sql`${trainingUsage.kind} IN ('item_view', 'outbound')`))
    .groupBy(trainingUsage.key)
    .as('u');
  const rows = await deps.db
    .select({
      id: trainingItem.id,
      title: trainingItem.title,
      provider: trainingItem.provider,
      status: trainingItem.status,
      addedAt: trainingItem.addedAt,
      views: u.views,
      opens: u.opens,
    })
    .from(trainingItem)
    .leftJoin(u, eq(u.key, sql`${trainingItem.id}::text`))
    .where(sql`${trainingItem.status} = 'approved' OR ${u.key} IS NOT NULL`);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    provider: r.provider,
    status: r.status,
    addedOn: r.addedAt.toISOString().slice(0, 10),
    views: r.views ?? 0,
    opens: r.opens ?? 0,
  }));
}

const byTitle = (a: UsageItemDto, b: UsageItemDto) => compareSwedish(a.title, b.title);

async function report(deps: UsageDeps, query: UsageQuery) {
  const { db } = deps;
  // This server's counters of the last seconds first, so what was just done is on the page.
  await flushCatalogueUsage(db);
  const { from, to } = query;
  const inPeriod = between(trainingUsage.day, from, to);
  const sums = await db
    .select({ kind: trainingUsage.kind, n: sql<number>`sum(${trainingUsage.count})::int` })
    .from(trainingUsage)
    .where(and(inPeriod, ne(trainingUsage.kind, 'no_result_text')))
    .groupBy(trainingUsage.kind);
  const sum = (kind: string) => sums.find((s) => s.kind === kind)?.n ?? 0;
  const totals: Totals = {
    itemViews: sum('item_view'),
    tabViews: sum('tab_view'),
    searches: sum('search'),
    searchesWithoutResult: sum('search_empty'),
    opens: sum('outbound'),
  };
  const tabRows = await db
    .select({ key: trainingUsage.key, n: sql<number>`sum(${trainingUsage.count})::int` })
    .from(trainingUsage)
    .where(and(inPeriod, eq(trainingUsage.kind, 'tab_view')))
    .groupBy(trainingUsage.key);
  const tabViews = new Map(tabRows.map((r) => [r.key, r.n]));
  const tabs = [
    { key: '', name: 'Alla yrken', nameEn: 'All professions' },
    ...(await catalogueProfessions(deps)).map(({ key, name, nameEn }) => ({ key, name, nameEn })),
  ].map((tab) => ({ ...tab, views: tabViews.get(tab.key) ?? 0 }));
  const gaps = (
    await db
      .select({ text: trainingUsage.key, count: sql<number>`sum(${trainingUsage.count})::int` })
      .from(trainingUsage)
      .where(and(inPeriod, eq(trainingUsage.kind, 'no_result_text')))
      .groupBy(trainingUsage.key)
  ).sort((a, b) => b.count - a.count || compareSwedish(a.text, b.text));
  const items = await itemUsage(deps, from, to);
  const gapsWithText = gaps.reduce((n, g) => n + g.count, 0);
  return {
    from,
    to,
    demo: deps.demo,
    totals,
    items,
    tabs,
    gaps,
    gapsWithoutText: Math.max(0, totals.searchesWithoutResult - gapsWithText),
  };
}

/** The usage page: the period's totals, the most and least used items, the tabs and the searches without result. */
export async function catalogueUsage(deps: UsageDeps, ctx: SignedInContext, query: UsageQuery): Promise<UsageDto> {
  authorize(ctx.actor, 'trainings:read_usage');
  const r = await report(deps, query);
  const used = r.items.filter((i) => i.views > 0).sort((a, b) => b.views - a.views || byTitle(a, b));
  const approved = r.items.filter((i) => i.status === 'approved');
  const least = [...approved].sort((a, b) => a.views - b.views || byTitle(a, b));
  return {
    from: r.from,
    to: r.to,
    demo: r.demo,
    totals: r.totals,
    approvedItems: approved.length,
    approvedWithoutViews: approved.filter((i) => i.views === 0).length,
    mostUsed: used.slice(0, USAGE_LIST_ROWS.items),
    leastUsed: least.slice(0, USAGE_LIST_ROWS.items),
    tabs: r.tabs,
    gaps: r.gaps.slice(0, USAGE_LIST_ROWS.gaps),
    gapsWithoutText: r.gapsWithoutText,
  };
}

const STATUS_EN: Record<TrainingStatus, string> = {
  suggested: 'suggested',
  approved: 'approved',
  needs_change: 'needs change',
  removed: 'removed',
};

const HEADERS = {
  sv: {
    items: 'Utbildningar',
    title: 'Titel',
    provider: 'Anordnare',
    status: 'Status',
    addedOn: 'Tillagd',
    views: 'Visningar',
    opens: 'Öppnade länkar',
    tabs: 'Yrkesflikar',
    tab: 'Flik',
    gaps: 'Sökningar utan träff',
    text: 'Sökord',
    count: 'Antal',
    summary: 'Summering',
    measure: 'Mått',
    value: 'Värde',
    period: 'Period',
    itemViews: 'Visningar av utbildningar',
    tabViews: 'Visningar av yrkesflikar',
    searches: 'Sökningar',
    searchesWithoutResult: 'Sökningar utan träff',
    gapsWithoutText: 'Varav sökord som inte sparats (såg ut som personuppgifter eller dagens lista var full)',
    allProfessions: 'Alla yrken',
    demo: 'Demo: räknarna är påhittade (demo).',
    note: 'Räknare per dag utan uppgift om vem som tittade eller sökte (beslut 029).',
  },
  en: {
    items: 'Trainings',
    title: 'Title',
    provider: 'Provider',
    status: 'Status',
    addedOn: 'Added',
    views: 'Views',
    opens: 'Opened links',
    tabs: 'Profession tabs',
    tab: 'Tab',
    gaps: 'Searches without result',
    text: 'Search words',
    count: 'Count',
    summary: 'Summary',
    measure: 'Measure',
    value: 'Value',
    period: 'Period',
    itemViews: 'Views of trainings',
    tabViews: 'Views of profession tabs',
    searches: 'Searches',
    searchesWithoutResult: 'Searches without result',
    gapsWithoutText: 'Of which search words not kept (they looked like personal data or the day’s list was full)',
    allProfessions: 'All professions',
    demo: 'Demo: the counters are invented (demo).',
    note: 'Counters per day with nothing about who looked or searched (decision 029).',
  },
} as const;

/** The period's usage as an XLSX workbook: a summary, every item, every tab and every search without result. */
export async function exportUsage(deps: UsageDeps, ctx: SignedInContext, query: UsageQuery): Promise<DownloadFile> {
  authorize(ctx.actor, 'trainings:read_usage');
  const h = HEADERS[query.lang];
  const r = await report(deps, query);
  const col = (key: string, header: string, kind: ExportColumn['kind'] = 'text'): ExportColumn => ({
    key,
    header,
    kind,
  });
  const items = [...r.items].sort((a, b) => b.views - a.views || byTitle(a, b));
  const body = await toXlsx([
    {
      name: h.summary,
      columns: [col('measure', h.measure), col('value', h.value, 'number')],
      rows: [
        { measure: h.period, value: `${r.from} – ${r.to}` },
        { measure: h.itemViews, value: r.totals.itemViews },
        { measure: h.tabViews, value: r.totals.tabViews },
        { measure: h.searches, value: r.totals.searches },
        { measure: h.searchesWithoutResult, value: r.totals.searchesWithoutResult },
        { measure: h.gapsWithoutText, value: r.gapsWithoutText },
        { measure: h.opens, value: r.totals.opens },
      ],
      note: r.demo ? `${h.note} ${h.demo}` : h.note,
    },
    {
      name: h.items,
      columns: [
        col('title', h.title),
        col('provider', h.provider),
        col('status', h.status),
        col('addedOn', h.addedOn),
        col('views', h.views, 'number'),
        col('opens', h.opens, 'number'),
      ],
      rows: items.map((i) => ({
        title: i.title,
        provider: i.provider,
        status: query.lang === 'en' ? STATUS_EN[i.status] : TRAINING_STATUS_SV[i.status],
        addedOn: i.addedOn,
        views: i.views,
        opens: i.opens,
      })),
    },
    {
      name: h.tabs,
      columns: [col('tab', h.tab), col('views', h.views, 'number')],
      rows: r.tabs.map((tab) => ({
        tab: tab.key === '' ? h.allProfessions : query.lang === 'en' ? tab.nameEn : tab.name,
        views: tab.views,
      })),
    },
    {
      name: h.gaps,
      columns: [col('text', h.text), col('count', h.count, 'number')],
      rows: r.gaps.map((g) => ({ text: g.text, count: g.count })),
    },
  ]);
  const base = query.lang === 'en' ? 'catalogue-usage' : 'katalogens-anvandning';
  return {
    fileName: `${base}-${r.from}-${r.to}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}
