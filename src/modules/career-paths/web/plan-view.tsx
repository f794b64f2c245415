// One development plan: the person, the roles, the Benner stage, funding, the next review, and the planned and
// completed education (catalogue items linked; an occasion of the calendar with its date, place and the person's
// registration, linked to its page). The manager's page edits it; the employee's page only shows it.
import { Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { useFormat } from '../../../platform/web/i18n/format.ts';
import type { PlanDto } from '../career-paths.contracts.ts';
import { useCareerT, useRoleName } from './career-paths-t.ts';

export function PlanView({
  plan,
  roles,
  onComplete,
  onRemove,
}: {
  plan: PlanDto;
  roles: readonly { key: string; name: string; nameEn?: string }[];
  onComplete?: (educationId: string, done: boolean) => void;
  onRemove?: (educationId: string) => void;
}) {
  const tc = useCareerT();
  const roleName = useRoleName();
  const fmt = useFormat();
  const fact = (label: string, value: ReactNode) => (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text fw={600} size="sm" miw={160}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Group>
  );
  const planned = plan.educations.filter((e) => e.status === 'planned');
  const completed = plan.educations.filter((e) => e.status === 'completed');
  const item = (e: PlanDto['educations'][number]) => (
    <List.Item key={e.id}>
      <Group gap="xs" wrap="wrap">
        {e.occasion ? (
          <RouterAnchor to="/activities/occasions/$occasionId" params={{ occasionId: e.occasion.id }}>
            {e.title}
          </RouterAnchor>
        ) : e.url ? (
          <Anchor href={e.url} target="_blank" rel="noreferrer">
            {e.title}
          </Anchor>
        ) : (
          <Text span>{e.title}</Text>
        )}
        {e.occasion ? (
          <Text span size="sm">
            {[
              fmt.date(e.occasion.startsAt),
              e.occasion.place,
              tc('plan.organisedBy', { name: e.occasion.organiserName }),
              tc(`plan.occasionStatus.${e.occasion.status}`),
              e.occasion.participation ? tc(`plan.participation.${e.occasion.participation}`) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        ) : null}
        <Text span size="sm">
          {e.status === 'completed'
            ? tc('plan.completedOn', { date: e.completedOn ?? '' })
            : e.year
              ? tc('plan.plannedYear', { year: e.year })
              : ''}
        </Text>
        {onComplete ? (
          <Button size="xs" variant="subtle" onClick={() => onComplete(e.id, e.status === 'planned')}>
            {e.status === 'planned' ? tc('plan.markDone', { title: e.title }) : tc('plan.markPlanned')}
          </Button>
        ) : null}
        {onRemove ? (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => onRemove(e.id)}
            aria-label={tc('plan.removeEducation', { title: e.title })}
          >
            {tc('common.remove')}
          </Button>
        ) : null}
      </Group>
    </List.Item>
  );
  return (
    <Card withBorder>
      <Stack gap="xs">
        {fact(tc('plans.person'), `${plan.person.name} (${plan.person.unitName})`)}
        {fact(tc('plans.current'), roleName(roles, plan.currentRoleKey))}
        {fact(
          tc('plans.target'),
          `${roleName(roles, plan.targetRoleKey)}${plan.targetYear ? ` (${plan.targetYear})` : ''}`,
        )}
        {fact(tc('plans.stage'), tc(`stage.${plan.bennerStage}`))}
        {fact(
          tc('plans.funding'),
          `${tc(`funding.${plan.fundingSource}`)}${plan.fundingNote ? ` – ${plan.fundingNote}` : ''}`,
        )}
        {fact(tc('plans.nextReview'), fmt.date(plan.nextReview))}
        {plan.managerName ? fact(tc('plan.manager'), plan.managerName) : null}
        {plan.note ? fact(tc('plans.note'), plan.note) : null}
        <Title order={3}>{tc('plan.planned')}</Title>
        {planned.length ? <List>{planned.map(item)}</List> : <Text size="sm">{tc('plan.noneYet')}</Text>}
        <Title order={3}>{tc('plan.completed')}</Title>
        {completed.length ? <List>{completed.map(item)}</List> : <Text size="sm">{tc('plan.noneYet')}</Text>}
      </Stack>
    </Card>
  );
}
