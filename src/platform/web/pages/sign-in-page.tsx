// /login: e-mail and password, with the region's name and a link for a forgotten password.
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meQueryOptions } from '../api/me-query.ts';
import { regionQueryOptions } from '../api/region-query.ts';
import { authErrorMessage, signIn } from '../auth/auth-api.ts';
import { FormError } from '../components/feedback.tsx';
import { Page } from '../components/page.tsx';
import { PasswordField } from '../components/password-field.tsx';
import { RouterAnchor } from '../components/router-link.tsx';
import { takeChoiceBeforeSignIn } from '../i18n/i18n.ts';
import { saveLanguage } from '../i18n/use-set-language.ts';
import { isEmail } from '../validation.ts';

type SignInPageProps = { redirect?: string; passwordSet?: boolean };

/** Only our own pages are redirect targets (no "//evil.example" or absolute URLs). */
function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/login')) return '/';
  return target;
}

export function SignInPage({ redirect, passwordSet }: SignInPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const region = useQuery(regionQueryOptions);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (isEmail(value) ? null : t('validation.email')),
      password: (value) => (value ? null : t('validation.required')),
    },
  });
  const mutation = useMutation({
    mutationFn: (values: typeof form.values) => signIn(values.email.trim(), values.password),
    onSuccess: async () => {
      queryClient.clear();
      // A language picked on this page is saved for the user; otherwise the one saved earlier applies.
      const chosen = takeChoiceBeforeSignIn();
      if (chosen) {
        const me = await saveLanguage(chosen).catch(() => null);
        if (me) queryClient.setQueryData(meQueryOptions.queryKey, me);
      }
      await navigate({ href: safeRedirect(redirect) });
    },
    onError: (error) => setFormError(authErrorMessage(error)),
  });

  return (
    <Page title={t('signIn.title')}>
      {region.data ? <Text>{t('signIn.intro', { region: region.data.name })}</Text> : null}
      {passwordSet ? (
        <Alert color="green" role="status">
          {t('signIn.passwordSet')}
        </Alert>
      ) : null}
      {/* Both fields are required, so neither carries an asterisk (and the labels read exactly "E-postadress"/"Lösenord"). */}
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          mutation.mutate(values);
        })}
      >
        <Stack>
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            required
            withAsterisk={false}
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={t('signIn.password')}
            autoComplete="current-password"
            required
            withAsterisk={false}
            {...form.getInputProps('password')}
          />
          <FormError message={formError} />
          <Button type="submit" loading={mutation.isPending} fullWidth>
            {t('signIn.submit')}
          </Button>
          <RouterAnchor to="/forgot-password">{t('signIn.forgot')}</RouterAnchor>
          <RouterAnchor to="/oppen-statistik">{t('signIn.openStatistics')}</RouterAnchor>
          <RouterAnchor to="/utbildningar">{t('signIn.trainings')}</RouterAnchor>
        </Stack>
      </form>
    </Page>
  );
}
