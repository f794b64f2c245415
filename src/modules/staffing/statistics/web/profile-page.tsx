// /staffing/profile/$municipalityId: one municipality against the region — its key ratios beside the region's total
// and median, its breakdowns (age, specialties, absence) and a key ratio's trend over the periods. Loaded on demand
// with its charts, so the other pages do without the chart library.
import { Alert, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { ApiError } from '../../../../platform/web/api/api-client.ts';
import { ErrorAlert, Loading } from '../../../../platform/web/components/feedback.tsx';
import { Page } from '../../../../platform/web/components/page.tsx';
import { RequirePermission } from '../../../../platform/web/components/require-permission.tsx';
import { RouterAnchor } from '../../../../platform/web/components/router-link.tsx';
import type { RatioKey } from '../../staffing-measures.ts';
import { useReportingT, useStatisticsT } from '../../web/staffing-t.ts';
import { profileQuery } from '../../web/statistics-api.ts';
import { ProfileBreakdowns } from './profile-breakdowns.tsx';
import { ProfileRatios } from './profile-ratios.tsx';
import { ProfileTrend } from './profile-trend.tsx';
import {
  ALL_PROFESSIONS,
  NoSelection,
  professionName,
  StatisticsFilters,
  useSignedInSelection,
} from './statistics-filters.tsx';
import { RatioFormulas } from './statistics-notes.tsx';

export type ProfileSearch = { periodId?: string; profession?: string; ratio?: RatioKey };

const DEFAULT_TREND_RATIO: RatioKey = 'specialist_share';

const route = getRouteApi('/signed-in/staffing/profile/$municipalityId');

/** The route's component, loaded when the profile is first opened (statistics-routes.tsx). */
export function ProfileRoute() {
  const { municipalityId } = route.useParams();
  const search = route.useSearch();
  return (
    <RequirePermission permission="staffing:read_statistics">
      <ProfilePage municipalityId={municipalityId} search={search} />
    </RequirePermission>
  );
}

export function ProfilePage({ municipalityId, search }: { municipalityId: string; search: ProfileSearch }) {
  const rt = useReportingT();
  const st = useStatisticsT();
  const navigate = useNavigate({ from: '/staffing/profile/$municipalityId' });
  const { periods, config, selection, professions } = useSignedInSelection(search);
  const profile = useQuery({
    ...profileQuery(municipalityId, selection ?? { periodId: '', profession: ALL_PROFESSIONS }),
    enabled: selection !== null,
    placeholderData: keepPreviousData,
  });
  // Periods come newest first; the trend reads from the oldest.
  const periodOrder = useMemo(() => (periods.data ?? []).map((p) => p.id).reverse(), [periods.data]);

  const setSearch = (changes: Partial<ProfileSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...changes }), replace: true });

  const dto = profile.data;
  const title = dto ? st('profile.heading', { name: dto.municipality.name }) : st('profile.title');
  const back = (
    <RouterAnchor to="/staffing/comparison" search={selection ?? {}}>
      {st('profile.back')}
    </RouterAnchor>
  );

  if (periods.isPending || periods.isError || !selection) return <NoSelection title={title} periods={periods} />;
  const profession = professionName(professions, selection.profession, st('filters.allProfessions'));
  const professionId = config.data?.professions.find((p) => p.key === selection.profession)?.id ?? null;

  return (
    <Page title={title} actions={back}>
      <StatisticsFilters
        periods={periods.data}
        professions={professions}
        value={selection}
        onChange={(changes) => void setSearch(changes)}
      />
      {profile.isPending ? <Loading /> : null}
      {profile.isError ? (
        profile.error instanceof ApiError && profile.error.status === 404 ? (
          <Alert color="orange" role="alert">
            {st('profile.notFound')}
          </Alert>
        ) : (
          <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />
        )
      ) : null}
      {dto ? (
        <>
          <Text>
            {st('profile.summary', {
              period: dto.period.label,
              profession,
              status: rt(`status.${dto.municipality.status}`),
            })}
          </Text>
          <ProfileRatios profile={dto} />
          <ProfileBreakdowns profile={dto} items={config.data?.items ?? []} professionId={professionId} />
          <ProfileTrend
            profile={dto}
            periodOrder={periodOrder}
            ratio={search.ratio ?? DEFAULT_TREND_RATIO}
            onRatioChange={(ratio) => void setSearch({ ratio })}
          />
          <RatioFormulas />
        </>
      ) : null}
    </Page>
  );
}
