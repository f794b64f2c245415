// Adds a member to a network: a user search (GET /api/users?q=) and an add button.
import { Button, Group, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { FormError } from '../../../platform/web/components/feedback.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { adminApi, usersQuery } from './admin-api.ts';
import { useAdminT } from './admin-t.ts';

type Option = { value: string; label: string };
type NetworkMemberAddProps = { networkId: string; memberIds: ReadonlySet<string> };

const MIN_SEARCH = 2;

export function NetworkMemberAdd({ networkId, memberIds }: NetworkMemberAddProps) {
  const at = useAdminT();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Option | null>(null);
  // Once a user is picked the box shows their name; that text is not a new search.
  const searching = picked && search === picked.label ? '' : search.trim();
  const [debounced] = useDebouncedValue(searching, 300);
  const query = useQuery({ ...usersQuery({ q: debounced }), enabled: debounced.length >= MIN_SEARCH });

  const options = useMemo<Option[]>(() => {
    const found = (query.data?.items ?? [])
      .filter((user) => user.active && !memberIds.has(user.id) && user.id !== picked?.value)
      .map((user) => ({ value: user.id, label: `${user.name} (${user.organisationName})` }));
    return picked ? [picked, ...found] : found;
  }, [query.data, memberIds, picked]);

  const mutation = useMutation({
    mutationFn: (option: Option) => adminApi.addMember(networkId, option.value),
    onSuccess: async (_result, option) => {
      await queryClient.invalidateQueries({ queryKey: ['networks'] });
      notifySuccess(at('networks.memberAdded', { name: option.label }));
      setPicked(null);
      setSearch('');
    },
  });

  const showNothingFound = debounced.length >= MIN_SEARCH && query.isSuccess;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (picked) mutation.mutate(picked);
      }}
    >
      <Group align="flex-end" gap="sm">
        <Select
          label={at('networks.searchUser')}
          description={at('networks.searchUserHelp')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={options}
          value={picked?.value ?? null}
          onChange={(_value, option) => setPicked(option ? { value: option.value, label: option.label } : null)}
          filter={({ options: all }) => all}
          nothingFoundMessage={showNothingFound ? at('networks.noUsersFound') : undefined}
          w={{ base: '100%', sm: 420 }}
        />
        <Button type="submit" disabled={!picked} loading={mutation.isPending}>
          {at('networks.add')}
        </Button>
      </Group>
      {mutation.isError ? <FormError message={errorMessage(mutation.error)} /> : null}
    </form>
  );
}
