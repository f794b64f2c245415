// Texts the server sends to people (error messages, field errors), each with a stable code, its parameters and
// a Swedish and an English wording. The server answers in the request's language (the signed-in user's choice,
// else Accept-Language, else Swedish); the web looks the same codes up for its own form checks.
//
//   export const introductionsMessages = defineMessages('introductions', {
//     listNotFound: { sv: 'Listan finns inte.', en: 'The list does not exist.' },
//     tooMany: { sv: 'Högst {{max}} rader.', en: 'At most {{max}} rows.' },
//   });
//   throw new NotFoundError(introductionsMessages.listNotFound());
//   z.string().min(1, introductionsMessages.nameRequired.code)   // a Zod message is the code, translated on the way out
export type Locale = 'sv' | 'en';
export const LOCALES: readonly Locale[] = ['sv', 'en'];

export type MessageParams = Record<string, string | number>;
export type Wording = { sv: string; en: string };

/** A message ready to be given in either language. */
export type Message = { code: string; params?: MessageParams };

/** A message of a catalogue: call it (with its parameters) for a Message; `.code` for Zod schemas. */
export type MessageFn = ((params?: MessageParams) => Message) & { code: string; wording: Wording };

const catalogue = new Map<string, Wording>();

/** Declares a namespace's messages; their codes are `namespace.key`. */
export function defineMessages<const K extends string>(
  namespace: string,
  wordings: Record<K, Wording>,
): Record<K, MessageFn> {
  const out = {} as Record<K, MessageFn>;
  for (const [key, wording] of Object.entries(wordings) as [K, Wording][]) {
    const code = `${namespace}.${key}`;
    const known = catalogue.get(code);
    if (known && (known.sv !== wording.sv || known.en !== wording.en)) {
      throw new Error(`The message ${code} is declared twice with different wordings.`);
    }
    catalogue.set(code, wording);
    const fn = ((params?: MessageParams) => (params ? { code, params } : { code })) as MessageFn;
    fn.code = code;
    fn.wording = wording;
    out[key] = fn;
  }
  return out;
}

export function isMessageCode(text: string): boolean {
  return catalogue.has(text);
}

function interpolate(text: string, params: MessageParams | undefined): string {
  if (!params) return text;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * The text of a message in a language. A plain string that is a known code is translated; any other string is
 * returned as it is (a literal).
 */
export function translate(message: Message | string, locale: Locale): string {
  const { code, params } = typeof message === 'string' ? { code: message, params: undefined } : message;
  const wording = catalogue.get(code);
  if (!wording) return code;
  return interpolate(wording[locale] ?? wording.sv, params);
}

/** The best of our languages for an Accept-Language header (q-values respected), else Swedish. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'sv';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((e) => e.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (lang === 'sv' || lang === 'en') return lang;
  return 'sv';
}
