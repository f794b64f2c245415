// The user menu in the header: who is signed in, the profile, the language switch and sign-out.
import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MeDto } from '../../shared/contracts.ts';
import { signOut } from '../auth/auth-api.ts';
import { currentLanguage, LANGUAGES } from '../i18n/i18n.ts';
import { useSetLanguage } from '../i18n/use-set-language.ts';
import { notifySuccess } from '../notify.ts';

/** "Anna Berg (demo)" → "AB": the first letters of the first and last words that start with a letter. */
function initials(name: string): string {
  const parts = name
    .trim()
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word));
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

export function UserMenu({ me }: { me: MeDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const setLanguage = useSetLanguage(true);
  const language = currentLanguage();

  const onSignOut = async () => {
    // Whatever the answer (an already ended session included), the user leaves signed out.
    await signOut().catch(() => undefined);
    await navigate({ to: '/login' });
    queryClient.clear();
    notifySuccess(t('userMenu.signedOut'));
  };

  return (
    <Menu position="bottom-end" width={280} withinPortal={false}>
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.label')} p={4} style={{ borderRadius: '50%' }}>
          <Avatar color="blue" radius="xl" aria-hidden>
            {initials(me.name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text fw={700} c="dark" size="sm">
            {me.name}
          </Text>
          <Text size="sm" c="dark">
            {me.organisation.name}
          </Text>
          <Text size="xs" c="dimmed">
            {me.roles.map((role) => t(`roles.${role}`)).join(', ')}
          </Text>
        </Menu.Label>
        <Menu.Item onClick={() => void navigate({ to: '/profile' })}>{t('userMenu.profile')}</Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LANGUAGES.map((option) => (
          <Menu.Item
            key={option}
            lang={option}
            aria-current={option === language ? 'true' : undefined}
            rightSection={option === language ? <span aria-hidden="true">✓</span> : null}
            onClick={() => void setLanguage(option)}
          >
            {t(`language.${option}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={() => void onSignOut()}>{t('userMenu.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
