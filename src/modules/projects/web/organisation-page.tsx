// /projects/$projectId/organisation: the project organisation (steering group, contact persons, local leaders and
// groups, reference groups), the municipalities' participation over time, sub-projects and the proposals backlog.
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { activeOrganisationsQuery } from '../../../platform/web/api/organisations-query.ts';
import { FieldForm } from '../../../platform/web/components/field-form.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { CaptionedTable } from '../../../platform/web/components/table-scroll.tsx';
import { MEMBER_KINDS, type ProjectDto } from '../projects.contracts.ts';
import { useProjectChange } from './projects-api.ts';
import { useProjectsT } from './projects-t.ts';

export function OrganisationPage({ project: p }: { project: ProjectDto }) {
  const pt = useProjectsT();
  const canEdit = p.access === 'change';
  const organisations = useQuery({ ...activeOrganisationsQuery, enabled: canEdit });
  const municipalities = (organisations.data ?? [])
    .filter((o) => o.kind === 'municipality')
    .map((o) => ({ value: o.id, label: o.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
  const none = { value: '', label: pt('common.choose') };
  const addMember = useProjectChange<Record<string, unknown>>(p.id, 'POST', '/members');
  const remove = useProjectChange<{ itemId: string }>(p.id, 'DELETE', (v) => `/members/${v.itemId}`);
  const record = useProjectChange<Record<string, unknown>>(p.id, 'POST', '/participation');
  const addSub = useProjectChange<Record<string, unknown>>(p.id, 'POST', '/subprojects');
  const addProposal = useProjectChange<Record<string, unknown>>(p.id, 'POST', '/proposals');
  const decide = useProjectChange<{ itemId: string; status: string }>(
    p.id,
    'PUT',
    (v) => `/proposals/${v.itemId}`,
    (v) => ({ status: v.status }),
  );
  const decideBody = (itemId: string, status: string) => decide.mutate({ itemId, status });
  const subName = new Map(p.subprojects.map((s) => [s.id, `${s.number}. ${s.name}`]));
  const decisionText = new Map(p.decisions.map((d) => [d.id, `${d.date} ${d.forum}`]));
  return (
    <Stack>
      <Title order={2}>{pt('organisation.people')}</Title>
      <CaptionedTable
        minWidth={600}
        caption={pt('organisation.people')}
        columns={[
          pt('organisation.kind'),
          pt('organisation.municipality'),
          pt('organisation.name'),
          pt('organisation.note'),
          canEdit ? pt('common.remove') : null,
        ]}
      >
        <Table.Tbody>
          {p.steeringNetwork ? (
            <Table.Tr>
              <Table.Td>{pt('organisation.kinds.steering')}</Table.Td>
              <Table.Td>–</Table.Td>
              <Table.Td>{p.steeringNetwork.name}</Table.Td>
              <Table.Td />
              {canEdit ? <Table.Td /> : null}
            </Table.Tr>
          ) : null}
          {[...p.members]
            .sort((a, b) => MEMBER_KINDS.indexOf(a.kind) - MEMBER_KINDS.indexOf(b.kind))
            .map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{pt(`organisation.kinds.${m.kind}`)}</Table.Td>
                <Table.Td>{m.municipalityName ?? '–'}</Table.Td>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>{m.note}</Table.Td>
                {canEdit ? (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={pt('common.removeItem', { name: m.name })}
                      onClick={() => remove.mutate({ itemId: m.id })}
                    >
                      {pt('common.remove')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
        </Table.Tbody>
      </CaptionedTable>
      {canEdit ? (
        <FieldForm
          columns={4}
          submitLabel={pt('organisation.addPerson')}
          fields={[
            {
              name: 'kind',
              label: pt('organisation.kind'),
              kind: 'select',
              initial: 'contact',
              options: MEMBER_KINDS.map((k) => ({ value: k, label: pt(`organisation.kinds.${k}`) })),
            },
            {
              name: 'municipalityId',
              label: pt('organisation.municipality'),
              kind: 'select',
              options: [none, ...municipalities],
            },
            { name: 'name', label: pt('organisation.name') },
            { name: 'note', label: pt('organisation.note') },
          ]}
          onSubmit={(body) => addMember.mutateAsync(body)}
        />
      ) : null}

      <Title order={2}>{pt('organisation.participation')}</Title>
      <CaptionedTable
        minWidth={600}
        caption={pt('organisation.participation')}
        columns={[
          pt('organisation.municipality'),
          pt('organisation.from'),
          pt('organisation.to'),
          pt('common.reason'),
          pt('organisation.status'),
        ]}
      >
        <Table.Tbody>
          {p.participation.flatMap((m) =>
            m.intervals.map((i, k) => (
              <Table.Tr key={`${m.municipalityId}-${i.from}`}>
                <Table.Th scope="row" fw={400}>
                  {m.name}
                </Table.Th>
                <Table.Td>{i.from}</Table.Td>
                <Table.Td>{i.to ?? pt('common.ongoing')}</Table.Td>
                <Table.Td>{[i.joinReason, i.leaveReason].filter(Boolean).join(' / ')}</Table.Td>
                <Table.Td>
                  {k === m.intervals.length - 1 ? (
                    <StatusBadge tone={m.participatingNow ? 'positive' : 'neutral'}>
                      {m.participatingNow ? pt('organisation.now') : pt('organisation.left')}
                    </StatusBadge>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </CaptionedTable>
      {canEdit ? (
        <FieldForm
          columns={4}
          submitLabel={pt('organisation.record')}
          fields={[
            {
              name: 'municipalityId',
              label: pt('organisation.municipality'),
              kind: 'select',
              options: [none, ...municipalities],
              required: true,
            },
            {
              name: 'event',
              label: pt('organisation.event'),
              kind: 'select',
              initial: 'join',
              options: [
                { value: 'join', label: pt('organisation.join') },
                { value: 'leave', label: pt('organisation.leave') },
              ],
            },
            { name: 'date', label: pt('common.date'), kind: 'date', required: true },
            { name: 'reason', label: pt('common.reason') },
          ]}
          onSubmit={(body) => record.mutateAsync(body)}
        />
      ) : null}

      <Title order={2}>{pt('organisation.subprojects')}</Title>
      <CaptionedTable
        minWidth={700}
        caption={pt('organisation.subprojects')}
        columns={[
          pt('organisation.number'),
          pt('organisation.name'),
          pt('organisation.lead'),
          pt('organisation.goal'),
          pt('organisation.result'),
        ]}
      >
        <Table.Tbody>
          {p.subprojects.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.number}</Table.Td>
              <Table.Td>
                {s.name}{' '}
                <StatusBadge tone={s.prioritised ? 'positive' : 'neutral'}>
                  {s.prioritised ? pt('organisation.prioritised') : pt('organisation.notPrioritised')}
                </StatusBadge>
                {s.proposalNumber ? (
                  <Text size="xs">{pt('organisation.fromProposal', { n: s.proposalNumber })}</Text>
                ) : null}
              </Table.Td>
              <Table.Td>{s.lead}</Table.Td>
              <Table.Td>{s.goal}</Table.Td>
              <Table.Td>{s.result}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </CaptionedTable>
      {canEdit ? (
        <FieldForm
          columns={3}
          submitLabel={pt('organisation.addSubproject')}
          fields={[
            { name: 'name', label: pt('organisation.name'), required: true },
            { name: 'lead', label: pt('organisation.lead') },
            { name: 'goal', label: pt('organisation.goal') },
          ]}
          onSubmit={(body) => addSub.mutateAsync(body)}
        />
      ) : null}

      <Title order={2}>{pt('organisation.proposals')}</Title>
      <CaptionedTable
        minWidth={700}
        caption={pt('organisation.proposals')}
        columns={[
          pt('organisation.number'),
          pt('organisation.title'),
          pt('organisation.status'),
          pt('organisation.decision'),
          canEdit ? pt('organisation.status') : null,
        ]}
      >
        <Table.Tbody>
          {p.proposals.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>{x.number}</Table.Td>
              <Table.Td>{x.title}</Table.Td>
              <Table.Td>
                {pt(`organisation.proposalStatus.${x.status}`)}
                {x.subprojectId ? ` – ${subName.get(x.subprojectId) ?? ''}` : ''}
              </Table.Td>
              <Table.Td>{x.decisionId ? (decisionText.get(x.decisionId) ?? '') : '–'}</Table.Td>
              {canEdit ? (
                <Table.Td>
                  {x.status === 'open' ? (
                    <Group gap={4}>
                      <Button size="xs" variant="default" onClick={() => decideBody(x.id, 'chosen')}>
                        {pt('organisation.choose')}
                      </Button>
                      <Button size="xs" variant="subtle" onClick={() => decideBody(x.id, 'not_chosen')}>
                        {pt('organisation.reject')}
                      </Button>
                    </Group>
                  ) : null}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </CaptionedTable>
      {canEdit ? (
        <FieldForm
          columns={2}
          submitLabel={pt('organisation.addProposal')}
          fields={[
            { name: 'title', label: pt('organisation.title'), required: true },
            { name: 'note', label: pt('organisation.note') },
          ]}
          onSubmit={(body) => addProposal.mutateAsync(body)}
        />
      ) : null}
    </Stack>
  );
}
