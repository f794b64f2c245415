// Mantine's schema resolver over a staffing contract, with the contract's messages (codes, staffing.messages.ts)
// given in the interface language.
import { schemaResolver } from '@mantine/form';
import { translate } from '../../../platform/shared/messages.ts';
import { currentLanguage } from '../../../platform/web/i18n/i18n.ts';

type Schema = Parameters<typeof schemaResolver>[0];
type FormErrors = ReturnType<ReturnType<typeof schemaResolver<true>>>;

export function contractResolver(schema: Schema): (values: unknown) => FormErrors {
  const validate = schemaResolver(schema, { sync: true });
  return (values) => {
    const errors = validate(values);
    const language = currentLanguage();
    return Object.fromEntries(
      Object.entries(errors).map(([path, message]) => [
        path,
        typeof message === 'string' ? translate(message, language) : message,
      ]),
    );
  };
}
