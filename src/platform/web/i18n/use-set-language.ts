// The language switch: changes the interface at once; a signed-in user's choice is also saved on the server
// (before sign-in it is noted, and saved by the sign-in page once the user is known).
import { useQueryClient } from '@tanstack/react-query';
import type { MeDto } from '../../shared/contracts.ts';
import { apiRequest, errorMessage } from '../api/api-client.ts';
import { meQueryOptions } from '../api/me-query.ts';
import { notifyError } from '../notify.ts';
import { changeLanguage, type Language, noteChoiceBeforeSignIn } from './i18n.ts';

/** PATCH /api/me/preferences: the language is remembered for the user. */
export function saveLanguage(language: Language): Promise<MeDto> {
  return apiRequest<MeDto>('/api/me/preferences', { method: 'PATCH', body: { locale: language } });
}

export function useSetLanguage(signedIn: boolean): (language: Language) => Promise<void> {
  const queryClient = useQueryClient();
  return async (language) => {
    await changeLanguage(language);
    if (!signedIn) {
      noteChoiceBeforeSignIn();
      return;
    }
    try {
      queryClient.setQueryData(meQueryOptions.queryKey, await saveLanguage(language));
    } catch (error) {
      notifyError(errorMessage(error));
    }
  };
}
