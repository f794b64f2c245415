// /further-education/map: each member municipality's status for a chosen model on the region map, with the table of
// the same data beside it (names link to the municipality's agreement), and a way to propose the model where none is.
import { Button, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RegionMap } from '../../../platform/web/components/region-map.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import type { AdoptionDto, AdoptionOverviewDto } from '../further-education.contracts.ts';
import { adoptionMapData } from './adoption-map.ts';
import { adoptionsQuery, send } from './further-education-api.ts';
import { useFurtherEducationT } from './further-education-t.ts';

export type MapSearch = { modelId?: string };

export function MapPage({ search }: { search: MapSearch }) {
  const ft = useFurtherEducationT();
  const navigate = useNavigate({ from: '/further-education/map' });
  const overview = useQuery(adoptionsQuery(search.modelId));
  const [proposing, setProposing] = useState<AdoptionOverviewDto['municipalities'][number] | null>(null);
  const dto = overview.data;
  const map = useMemo(() => (dto ? adoptionMapData(dto, (s) => ft(`status.${s}`)) : null), [dto, ft]);
  const modelName = dto?.models.find((m) => m.id === dto.modelId)?.name ?? '';
  const byCode = new Map((dto?.municipalities ?? []).map((m) => [m.code, m]));

  return (
    <Page title={ft('map.title')}>
      <Text>{ft('map.intro')}</Text>
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {dto && map ? (
        <RegionMap
          title={ft('map.mapTitle', { model: modelName })}
          data={map.data}
          categories={map.categories}
          names={map.names}
          categoryHeader={ft('map.status')}
          valueHeader={ft('map.value')}
          controls={
            <Select
              label={ft('map.model')}
              data={dto.models.map((m) => ({ value: m.id, label: m.name }))}
              value={dto.modelId}
              allowDeselect={false}
              onChange={(modelId) => void navigate({ search: { modelId: modelId ?? undefined }, replace: true })}
              maw={480}
            />
          }
          nameCell={(code, name) => {
            const m = byCode.get(code);
            if (m?.adoptionId) {
              return (
                <RouterAnchor to="/further-education/adoptions/$adoptionId" params={{ adoptionId: m.adoptionId }}>
                  {name}
                </RouterAnchor>
              );
            }
            if (m?.canEdit) {
              return (
                <Button variant="subtle" size="compact-sm" onClick={() => setProposing(m)}>
                  {ft('map.propose', { name })}
                </Button>
              );
            }
            return name;
          }}
        />
      ) : null}
      {proposing && dto?.modelId ? (
        <ProposeModal
          modelId={dto.modelId}
          modelName={modelName}
          municipality={proposing}
          onClose={() => setProposing(null)}
        />
      ) : null}
    </Page>
  );
}

function ProposeModal({
  modelId,
  modelName,
  municipality,
  onClose,
}: {
  modelId: string;
  modelName: string;
  municipality: { municipalityId: string; name: string };
  onClose: () => void;
}) {
  const ft = useFurtherEducationT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [decisionBody, setDecisionBody] = useState('');
  const create = useMutation({
    mutationFn: () =>
      send<AdoptionDto>('/adoptions', 'POST', {
        modelId,
        municipalityId: municipality.municipalityId,
        date,
        decisionBody,
      }),
    onSuccess: async (adoption) => {
      await queryClient.invalidateQueries({ queryKey: ['further-education'] });
      onClose();
      await navigate({ to: '/further-education/adoptions/$adoptionId', params: { adoptionId: adoption.id } });
    },
  });
  return (
    <Modal opened onClose={onClose} title={ft('propose.title', { model: modelName, municipality: municipality.name })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={ft('propose.date')}
            type="date"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            required
          />
          <TextInput
            label={ft('propose.decisionBody')}
            value={decisionBody}
            onChange={(e) => setDecisionBody(e.currentTarget.value)}
          />
          <FormError message={create.isError ? errorMessage(create.error) : null} />
          <Button type="submit" loading={create.isPending}>
            {ft('propose.submit')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
