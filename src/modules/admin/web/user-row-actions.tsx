// The actions on one user: edit, send the invitation (or a reset link) again, deactivate or reactivate.
import { Button, Menu } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { ConfirmDialog } from '../../../platform/web/components/confirm-dialog.tsx';
import { notifyError, notifySuccess } from '../../../platform/web/notify.ts';
import type { UserDto } from '../admin.contracts.ts';
import { adminApi } from './admin-api.ts';
import { useAdminT } from './admin-t.ts';

type UserRowActionsProps = { user: UserDto; isSelf: boolean; onEdit: () => void };

export function UserRowActions({ user, isSelf, onEdit }: UserRowActionsProps) {
  const { t } = useTranslation();
  const at = useAdminT();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);

  const setActive = useMutation({
    mutationFn: (active: boolean) => (active ? adminApi.reactivateUser(user.id) : adminApi.deactivateUser(user.id)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      notifySuccess(at(saved.active ? 'users.reactivated' : 'users.deactivated', { name: saved.name }));
      setConfirming(false);
    },
  });
  const invitation = useMutation({
    mutationFn: () => adminApi.sendInvitation(user.id),
    onSuccess: () => notifySuccess(at('users.invitationSent', { email: user.email })),
    onError: (error) => notifyError(errorMessage(error)),
  });

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            aria-label={t('common.actionsFor', { name: user.name })}
            loading={invitation.isPending || (setActive.isPending && !confirming)}
          >
            {t('common.actions')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={onEdit}>{t('common.edit')}</Menu.Item>
          {user.active ? (
            <Menu.Item onClick={() => invitation.mutate()}>
              {user.hasPassword ? at('users.sendReset') : at('users.resendInvitation')}
            </Menu.Item>
          ) : null}
          {user.active && !isSelf ? (
            <Menu.Item
              onClick={() => {
                setActive.reset();
                setConfirming(true);
              }}
            >
              {t('common.deactivate')}
            </Menu.Item>
          ) : null}
          {user.active ? null : (
            <Menu.Item onClick={() => setActive.mutate(true, { onError: (error) => notifyError(errorMessage(error)) })}>
              {t('common.reactivate')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {confirming ? (
        <ConfirmDialog
          opened
          title={at('users.deactivateTitle', { name: user.name })}
          text={at('users.deactivateText')}
          confirmLabel={t('common.deactivate')}
          loading={setActive.isPending}
          error={setActive.isError ? errorMessage(setActive.error) : null}
          onCancel={() => setConfirming(false)}
          onConfirm={() => setActive.mutate(false)}
        />
      ) : null}
    </>
  );
}
