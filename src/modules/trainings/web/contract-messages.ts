// The trainings contracts' own messages are codes (trainings.messages.ts): the forms give them in the interface
// language, as the server would.
import { schemaResolver } from '@mantine/form';
import { translate } from '../../../platform/shared/messages.ts';
import { currentLanguage } from '../../../platform/web/i18n/i18n.ts';

type Schema = Parameters<typeof schemaResolver>[0];
type FormErrors = ReturnType<ReturnType<typeof schemaResolver<true>>>;

/** A contract message (a code, or a literal) in the interface language. */
export function contractMessage(message: string): string {
  return translate(message, currentLanguage());
}

/** Mantine's schema resolver over a trainings contract, its messages in the interface language. */
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
