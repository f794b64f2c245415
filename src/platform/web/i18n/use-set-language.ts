// The language switch: changes the interface at once; a signed-in user's choice is also saved on the server.
import { useQueryClient } from '@tanstack/react-query';
import type { MeDto } from '../../../modules/admin/admin.contracts.ts';
import { apiRequest, errorMessage } from '../api/api-client.ts';
import { meQueryOptions } from '../api/me-query.ts';
import { notifyError } from '../notify.ts';
import { changeLanguage, type Language } from './i18n.ts';

export function useSetLanguage(signedIn: boolean): (language: Language) => Promise<void> {
  const queryClient = useQueryClient();
  return async (language) => {
    await changeLanguage(language);
    if (!signedIn) return;
    try {
      const me = await apiRequest<MeDto>('/api/me/preferences', { method: 'PATCH', body: { locale: language } });
      queryClient.setQueryData(meQueryOptions.queryKey, me);
    } catch (error) {
      notifyError(errorMessage(error));
    }
  };
}
