// /set-password?token=…[&invite=1]: the page behind the links of invitations and password resets.
import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authErrorMessage, isTokenError, PASSWORD_MIN_LENGTH, resetPassword } from '../auth/auth-api.ts';
import { FormError } from '../components/feedback.tsx';
import { Page } from '../components/page.tsx';
import { PasswordField } from '../components/password-field.tsx';
import { RouterAnchor } from '../components/router-link.tsx';

type SetPasswordPageProps = { token?: string; invite?: boolean };

export function SetPasswordPage({ token, invite }: SetPasswordPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const [tokenRefused, setTokenRefused] = useState(false);
  const form = useForm({
    initialValues: { password: '', repeat: '' },
    validate: {
      password: (value) =>
        value.length >= PASSWORD_MIN_LENGTH ? null : t('validation.passwordLength', { min: PASSWORD_MIN_LENGTH }),
      repeat: (value, values) => (value === values.password ? null : t('validation.passwordMismatch')),
    },
  });
  const mutation = useMutation({
    mutationFn: (password: string) => resetPassword(token ?? '', password),
    onSuccess: () => navigate({ to: '/login', search: { passwordSet: true } }),
    onError: (error) => {
      setTokenRefused(isTokenError(error));
      setFormError(authErrorMessage(error));
    },
  });

  const title = invite ? t('setPassword.titleInvite') : t('setPassword.titleReset');
  if (!token || tokenRefused) {
    return (
      <Page title={title}>
        <Alert color="red" role="alert">
          {token ? formError : t('setPassword.missingToken')}
        </Alert>
        <RouterAnchor to="/forgot-password">{t('setPassword.requestNew')}</RouterAnchor>
      </Page>
    );
  }

  return (
    <Page title={title}>
      <Text>{invite ? t('setPassword.introInvite') : t('setPassword.introReset')}</Text>
      <div>
        <Text fw={600} id="password-rules">
          {t('setPassword.rulesTitle')}
        </Text>
        <List size="sm" aria-labelledby="password-rules">
          <List.Item>{t('setPassword.ruleLength')}</List.Item>
          <List.Item>{t('setPassword.ruleHint')}</List.Item>
          <List.Item>{t('setPassword.ruleUnique')}</List.Item>
        </List>
      </div>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          mutation.mutate(values.password);
        })}
      >
        <Stack>
          <PasswordField
            label={t('setPassword.newPassword')}
            autoComplete="new-password"
            required
            withAsterisk={false}
            {...form.getInputProps('password')}
          />
          <PasswordField
            label={t('setPassword.repeat')}
            autoComplete="new-password"
            required
            withAsterisk={false}
            {...form.getInputProps('repeat')}
          />
          <FormError message={formError} />
          <Button type="submit" loading={mutation.isPending} fullWidth>
            {t('setPassword.submit')}
          </Button>
        </Stack>
      </form>
    </Page>
  );
}
