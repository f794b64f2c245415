// The main menu: the entries of modules.ts this user may see, grouped in sections.
import { Box, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeDto } from '../../../modules/admin/admin.contracts.ts';
import { RouterNavLink } from '../components/router-link.tsx';
import { visibleNavSections } from '../modules.ts';

type MainNavProps = { me: MeDto; onNavigate: () => void };

export function MainNav({ me, onNavigate }: MainNavProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {visibleNavSections(me).map((section) => {
        const headingId = section.label ? `nav-section-${section.label}` : undefined;
        return (
          <Box key={section.label ?? 'main'} role={headingId ? 'group' : undefined} aria-labelledby={headingId}>
            {section.label ? (
              <Text id={headingId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pb={4}>
                {t(`nav.${section.label}`)}
              </Text>
            ) : null}
            {section.entries.map((entry) => (
              <RouterNavLink
                key={entry.to}
                to={entry.to}
                label={t(`nav.${entry.label}`)}
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
