// /utbildningar: the public catalogue of free web trainings, without sign-in — a tab per profession (licensed
// groups first), a Swedish search, filters for topic, length, language and format, all kept in the address.
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExternalLink } from '../../../platform/web/components/external-link.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import {
  type PublicTrainingDto,
  TRAINING_FORMATS,
  TRAINING_LANGUAGES,
  TRAINING_LENGTHS,
  TRAININGS_LIMITS,
} from '../trainings.contracts.ts';
import { FileDownloads } from './file-downloads.tsx';
import { PagedList } from './paged-list.tsx';
import { type CatalogueSearch, catalogueExportUrl, catalogueQuery, countOpen, facetsQuery } from './trainings-api.ts';
import { formatDay, professionNames, topicName, useTrainingsLang } from './trainings-labels.ts';
import { useTrainingsT } from './trainings-t.ts';

const ALL = 'all';

export function CataloguePage({ search }: { search: CatalogueSearch }) {
  const { t } = useTranslation();
  const tt = useTrainingsT();
  const lang = useTrainingsLang();
  useDocumentTitle(t('common.pageTitle', { title: tt('catalogue.title') }));
  const navigate = useNavigate({ from: '/utbildningar' });
  const facets = useQuery(facetsQuery());
  const results = useQuery({ ...catalogueQuery(search), placeholderData: keepPreviousData });
  const [text, setText] = useState(search.q ?? '');
  useEffect(() => setText(search.q ?? ''), [search.q]);

  const setSearch = (changes: Partial<CatalogueSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...changes, page: changes.page }) });
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setSearch({ q: text.trim() || undefined });
  };
  const profession = search.profession ?? ALL;
  const professions = facets.data?.professions ?? [];
  const filters: { key: 'topic' | 'length' | 'language' | 'format'; options: { value: string; label: string }[] }[] = [
    {
      key: 'topic',
      options: (facets.data?.topics ?? []).map((topic) => ({ value: topic.key, label: topicName(topic, lang) })),
    },
    { key: 'length', options: TRAINING_LENGTHS.map((l) => ({ value: l, label: tt(`lengths.${l}`) })) },
    { key: 'language', options: TRAINING_LANGUAGES.map((l) => ({ value: l, label: tt(`languages.${l}`) })) },
    { key: 'format', options: TRAINING_FORMATS.map((f) => ({ value: f, label: tt(`formats.${f}`) })) },
  ];

  // On a phone the filters fold behind a button, so the first result is on the first screen.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const chosen = filters.filter((f) => search[f.key]).length;
  const filterFields = (
    <fieldset id="catalogue-filters" style={{ border: 0, padding: 0, margin: 0 }}>
      <VisuallyHidden component="legend">{tt('catalogue.filters')}</VisuallyHidden>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        {filters.map((f) => (
          <NativeSelect
            key={f.key}
            label={tt(`catalogue.${f.key}`)}
            value={search[f.key] ?? ''}
            onChange={(e) => setSearch({ [f.key]: e.currentTarget.value || undefined })}
            data={[{ value: '', label: tt('catalogue.any') }, ...f.options]}
          />
        ))}
      </SimpleGrid>
    </fieldset>
  );

  const content = (
    <Stack gap="md" pt="md">
      <form onSubmit={onSearch}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={tt('catalogue.search')}
            description={tt('catalogue.searchHelp')}
            type="search"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            maxLength={TRAININGS_LIMITS.maxQuery}
            style={{ flex: 1, minWidth: 220 }}
          />
          <Button type="submit">{tt('catalogue.searchSubmit')}</Button>
        </Group>
      </form>
      {phone ? null : filterFields}
      {phone || search.q || search.topic || search.length || search.language || search.format ? (
        <Group gap="xs">
          {phone ? (
            <Button
              variant="default"
              aria-expanded={filtersOpen}
              aria-controls="catalogue-filters"
              onClick={() => setFiltersOpen((open) => !open)}
            >
              {tt('catalogue.filtersButton', { count: chosen })}
            </Button>
          ) : null}
          {search.q || search.topic || search.length || search.language || search.format ? (
            <Button
              variant="subtle"
              onClick={() =>
                setSearch({ q: undefined, topic: undefined, length: undefined, language: undefined, format: undefined })
              }
            >
              {tt('catalogue.clear')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {phone ? <div hidden={!filtersOpen}>{filterFields}</div> : null}
      {results.isPending ? <Loading /> : null}
      {results.isError ? <ErrorAlert error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.data ? (
        <>
          <Group justify="space-between" align="flex-start" gap="sm">
            <Text role="status" fw={600}>
              {tt('catalogue.results', { count: results.data.total })}
            </Text>
            {results.data.total > 0 ? (
              <FileDownloads
                label={tt('catalogue.download')}
                what={tt('catalogue.downloadWhat')}
                href={(file) => catalogueExportUrl(search, file)}
                help={tt('catalogue.downloadHelp')}
              />
            ) : null}
          </Group>
          {results.data.items.length === 0 ? <Text>{tt('catalogue.none')}</Text> : null}
          <PagedList
            data={results.data}
            render={(item) => (
              <TrainingCard item={item} professionList={professionNames(facets.data, item.professions, lang)} />
            )}
            onPage={(page) => setSearch({ page })}
          />
        </>
      ) : null}
    </Stack>
  );

  return (
    <Stack gap="lg">
      <Title order={1}>{tt('catalogue.title')}</Title>
      <Text>{tt('catalogue.intro')}</Text>
      {facets.isError ? <ErrorAlert error={facets.error} onRetry={() => void facets.refetch()} /> : null}
      <Tabs
        value={profession}
        onChange={(value) => setSearch({ profession: value && value !== ALL ? value : undefined })}
        activateTabWithKeyboard
      >
        {/* On a phone the professions stay on one row that scrolls sideways, so the results come sooner. */}
        <Tabs.List
          aria-label={tt('catalogue.professions')}
          style={phone ? { flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' } : undefined}
        >
          <Tabs.Tab value={ALL}>{tt('catalogue.allProfessions')}</Tabs.Tab>
          {professions.map((p) => (
            <Tabs.Tab key={p.key} value={p.key}>
              {lang === 'en' ? p.nameEn : p.name}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {[ALL, ...professions.map((p) => p.key)].map((key) => (
          <Tabs.Panel key={key} value={key}>
            {key === profession ? content : null}
          </Tabs.Panel>
        ))}
      </Tabs>
      <Stack gap={4}>
        <RouterAnchor to="/trainings/suggest" fw={600}>
          {tt('catalogue.signIn')}
        </RouterAnchor>
      </Stack>
    </Stack>
  );
}

function TrainingCard({ item, professionList }: { item: PublicTrainingDto; professionList: string[] }) {
  const tt = useTrainingsT();
  const lang = useTrainingsLang();
  return (
    <Paper withBorder p="md" radius="md" component="article">
      <Stack gap={6}>
        <Title order={2} size="h4">
          {/* Opening the link is counted by a beacon (no cookie, nothing about who; decision 029); the link itself
              stays the training's own address, so it works, shows and copies as before. */}
          <ExternalLink href={item.url} onClick={() => countOpen(item.id)} onAuxClick={() => countOpen(item.id)}>
            {item.title}
          </ExternalLink>
        </Title>
        <Text size="sm" c="dimmed">
          {tt('catalogue.provider', { provider: item.provider })}
        </Text>
        {item.description ? <Text>{item.description}</Text> : null}
        <Group gap="xs">
          <Badge variant="light" color="gray" tt="none">
            {tt(`formats.${item.format}`)}
          </Badge>
          <Badge variant="light" color="gray" tt="none">
            {tt('catalogue.minutes', { count: item.lengthMinutes })}
          </Badge>
          <Badge variant="light" color="gray" tt="none">
            {tt(`languages.${item.language}`)}
          </Badge>
          {item.topics.map((topic) => (
            <Badge key={topic.key} variant="outline" color="blue" tt="none">
              {topicName(topic, lang)}
            </Badge>
          ))}
        </Group>
        <Text size="sm">{professionList.join(', ')}</Text>
        <Text size="sm" fw={600}>
          {item.lastReviewedAt
            ? tt('catalogue.reviewed', { date: formatDay(item.lastReviewedAt, lang) })
            : tt('catalogue.notReviewed')}
        </Text>
      </Stack>
    </Paper>
  );
}
