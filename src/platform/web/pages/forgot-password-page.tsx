// /forgot-password: asks for a reset link. The answer is the same whether or not the address exists.
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authErrorMessage, requestPasswordReset } from '../auth/auth-api.ts';
import { FormError } from '../components/feedback.tsx';
import { Page } from '../components/page.tsx';
import { RouterAnchor } from '../components/router-link.tsx';
import { validateEmail } from '../validation.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '' }, validate: { email: validateEmail } });
  const mutation = useMutation({
    mutationFn: (email: string) => requestPasswordReset(email),
    onError: (error) => setFormError(authErrorMessage(error)),
  });

  return (
    <Page title={t('forgotPassword.title')}>
      {mutation.isSuccess ? (
        <Alert color="green" role="status">
          {t('forgotPassword.sent')}
        </Alert>
      ) : (
        <>
          <Text>{t('forgotPassword.intro')}</Text>
          <form
            noValidate
            onSubmit={form.onSubmit((values) => {
              setFormError(null);
              mutation.mutate(values.email.trim());
            })}
          >
            <Stack>
              <TextInput
                label={t('forgotPassword.email')}
                type="email"
                autoComplete="email"
                required
                withAsterisk={false}
                {...form.getInputProps('email')}
              />
              <FormError message={formError} />
              <Button type="submit" loading={mutation.isPending} fullWidth>
                {t('forgotPassword.submit')}
              </Button>
            </Stack>
          </form>
        </>
      )}
      <RouterAnchor to="/login">{t('forgotPassword.back')}</RouterAnchor>
    </Page>
  );
}
