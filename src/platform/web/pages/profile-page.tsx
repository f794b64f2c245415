// /profile: the signed-in user's own details, language and password.
import { Button, Group, Paper, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/me-query.ts';
import { authErrorMessage, changePassword, PASSWORD_MIN_LENGTH } from '../auth/auth-api.ts';
import { FormError } from '../components/feedback.tsx';
import { Page } from '../components/page.tsx';
import { PasswordField } from '../components/password-field.tsx';
import { currentLanguage, isLanguage, LANGUAGES } from '../i18n/i18n.ts';
import { useSetLanguage } from '../i18n/use-set-language.ts';
import { notifySuccess } from '../notify.ts';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const rows: [string, string][] = [
    [t('profile.name'), me.name],
    [t('profile.email'), me.email],
    [t('profile.organisation'), me.organisation.name],
    [t('profile.roles'), me.roles.map((role) => t(`roles.${role}`)).join(', ')],
  ];
  return (
    <Page title={t('profile.title')}>
      <Section id="profile-details" title={t('profile.details')}>
        <Table variant="vertical" withTableBorder maw={640}>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={{ base: 110, sm: 180 }}>{label}</Table.Th>
                {/* A long e-mail address breaks rather than widening a phone's page. */}
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section id="profile-language" title={t('profile.languageTitle')}>
        <LanguageChoice />
      </Section>
      <Section id="profile-password" title={t('profile.passwordTitle')}>
        <ChangePasswordForm />
      </Section>
    </Page>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function LanguageChoice() {
  const { t } = useTranslation();
  const setLanguage = useSetLanguage(true);
  const onChange = async (value: string) => {
    if (!isLanguage(value)) return;
    await setLanguage(value);
    notifySuccess(t('profile.languageSaved'));
  };
  return (
    <Radio.Group
      label={t('language.label')}
      description={t('profile.languageHelp')}
      value={currentLanguage()}
      onChange={(value) => void onChange(value)}
    >
      <Group mt="xs">
        {LANGUAGES.map((language) => (
          <Radio key={language} value={language} label={t(`language.${language}`)} lang={language} />
        ))}
      </Group>
    </Radio.Group>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('validation.required')),
      newPassword: (value) =>
        value.length >= PASSWORD_MIN_LENGTH ? null : t('validation.passwordLength', { min: PASSWORD_MIN_LENGTH }),
      repeat: (value, values) => (value === values.newPassword ? null : t('validation.passwordMismatch')),
    },
  });
  const mutation = useMutation({
    mutationFn: (values: typeof form.values) => changePassword(values.currentPassword, values.newPassword),
    onSuccess: () => {
      form.reset();
      notifySuccess(t('profile.passwordChanged'));
    },
    onError: (error) => setFormError(authErrorMessage(error)),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        mutation.mutate(values);
      })}
    >
      <Stack maw={420}>
        <Text size="sm">{t('profile.passwordRule', { min: PASSWORD_MIN_LENGTH })}</Text>
        <PasswordField
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          required
          withAsterisk={false}
          {...form.getInputProps('currentPassword')}
        />
        <PasswordField
          label={t('profile.newPassword')}
          autoComplete="new-password"
          required
          withAsterisk={false}
          {...form.getInputProps('newPassword')}
        />
        <PasswordField
          label={t('profile.repeat')}
          autoComplete="new-password"
          required
          withAsterisk={false}
          {...form.getInputProps('repeat')}
        />
        <FormError message={formError} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('profile.passwordSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
