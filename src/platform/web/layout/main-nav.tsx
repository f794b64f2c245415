// The main menu: the sections of the registered modules' manifests this user may see.
import { Box, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeDto } from '../../shared/contracts.ts';
import { RouterNavLink } from '../components/router-link.tsx';
import { visibleNavSections } from '../modules.ts';

type MainNavProps = { me: MeDto; onNavigate: () => void };

export function MainNav({ me, onNavigate }: MainNavProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {visibleNavSections(me).map((section) => {
        const headingId = section.label ? `nav-section-${section.id}` : undefined;
        // Keys of a module's own namespace, which the app-wide typed resources do not know.
        const label = (key: string) =>
          (t as unknown as (k: string, o: object) => string)(key, { ns: section.namespace });
        return (
          <Box key={section.id} role={headingId ? 'group' : undefined} aria-labelledby={headingId}>
            {section.label ? (
              <Text id={headingId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pb={4}>
                {label(section.label)}
              </Text>
            ) : null}
            {section.entries.map((entry) => (
              <RouterNavLink
                key={entry.to}
                to={entry.to as never}
                label={entry.namespace ? t(entry.label as never, { ns: entry.namespace }) : label(entry.label)}
                activeOptions={{ exact: entry.exact ?? false }}
                onClick={onNavigate}
              />
            ))}
          </Box>
        );
      })}
    </Stack>
  );
}
