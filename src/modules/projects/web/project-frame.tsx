// The frame of every project page: the project's name as the page heading, its parts as links, and a note for those
// who read but do not change it. Loads the project once; the pages get it from here.
import { Badge, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import type { ProjectDto } from '../projects.contracts.ts';
import { projectQuery } from './projects-api.ts';
import { useProjectsT } from './projects-t.ts';

export type Section = 'overview' | 'organisation' | 'goals' | 'plan' | 'logs' | 'financing' | 'report';

const PATHS = {
  overview: '/projects/$projectId',
  organisation: '/projects/$projectId/organisation',
  goals: '/projects/$projectId/goals',
  plan: '/projects/$projectId/plan',
  logs: '/projects/$projectId/logs',
  financing: '/projects/$projectId/financing',
  report: '/projects/$projectId/report',
} as const;

type FrameProps = { projectId: string; section: Section; children: (project: ProjectDto) => ReactNode };

export function ProjectFrame({ projectId, section, children }: FrameProps) {
  const pt = useProjectsT();
  const project = useQuery(projectQuery(projectId));
  if (project.isPending) return <Loading />;
  if (project.isError) return <ErrorAlert error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;
  return (
    <Page title={`${pt(`sections.${section}`)} – ${p.name}`} heading={p.name}>
      <Group gap="xs">
        {p.demo ? (
          <Badge variant="light" color="gray" tt="none">
            {pt('common.demo')}
          </Badge>
        ) : null}
        <Text size="sm">
          {p.startDate} – {p.endDate}
        </Text>
      </Group>
      <nav aria-label={pt('sections.label')}>
        <Group gap="md" wrap="wrap">
          {(Object.keys(PATHS) as Section[]).map((s) => (
            <RouterAnchor
              key={s}
              to={PATHS[s]}
              params={{ projectId }}
              activeOptions={{ exact: true, includeSearch: false }}
              aria-current={s === section ? 'page' : undefined}
              fw={s === section ? 700 : 400}
              underline={s === section ? 'always' : 'hover'}
            >
              {pt(`sections.${s}`)}
            </RouterAnchor>
          ))}
        </Group>
      </nav>
      {p.access === 'read' ? (
        <Text size="sm" role="note">
          {pt('common.readOnly')}
        </Text>
      ) : null}
      {children(p)}
    </Page>
  );
}
