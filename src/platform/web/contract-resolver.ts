// The contracts' own messages are codes (platform/shared/messages.ts): forms give them in the interface language,
// as the server does. Every module's forms use these two, over their own contracts.
import { schemaResolver } from '@mantine/form';
import { translate } from '../shared/messages.ts';
import { currentLanguage } from './i18n/i18n.ts';

type Schema = Parameters<typeof schemaResolver>[0];
type FormErrors = ReturnType<ReturnType<typeof schemaResolver<true>>>;

/** A contract message (a code, or a literal) in the interface language. */
export function contractMessage(message: string): string {
  return translate(message, currentLanguage());
}

/** Mantine's schema resolver over a contract, its messages in the interface language. */
export function contractResolver(schema: Schema): (values: unknown) => FormErrors {
  const validate = schemaResolver(schema, { sync: true });
  return (values) =>
    Object.fromEntries(
      Object.entries(validate(values)).map(([path, message]) => [
        path,
        typeof message === 'string' ? contractMessage(message) : message,
      ]),
    );
}
