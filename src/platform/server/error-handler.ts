// The one error handler: typed errors become 4xx answers in the request's language, with their message code and
// field paths; a database outage is 503; anything else a generic 500 with a correlation id (details only in the log).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isMessageCode, type Locale, localeFromAcceptLanguage, type Message, translate } from '../shared/messages.ts';
import { platformMessages as pm } from '../shared/platform.messages.ts';
import { databaseErrorCode, isDatabaseUnavailable, loggableError } from './db.ts';
import { AppError } from './errors.ts';

// Zod's own messages are made in Swedish at parse time; English ones are made again from the issue on the way out.
z.config(z.locales.sv());
const zodLocales = { sv: z.locales.sv(), en: z.locales.en() };

/** The request's language: the signed-in user's choice, else Accept-Language, else Swedish. */
export function requestLocale(request: FastifyRequest): Locale {
  return request.ctx?.actor?.locale ?? localeFromAcceptLanguage(request.headers['accept-language']);
}

type ZodValidationEntry = { keyword: string; instancePath: string; message?: string; params?: Record<string, unknown> };

/** A Zod issue's message in the locale: a schema's own message is a code (translated), else Zod's wording. */
function zodMessage(entry: ZodValidationEntry, locale: Locale): string {
  const message = entry.message ?? '';
  if (isMessageCode(message)) return translate(message, locale);
  if (locale === 'sv') return message || translate(pm.invalidValue(), locale);
  const issue = { ...entry.params, code: entry.keyword, path: [], message } as never;
  // Without the input (Zod leaves it out of issues) "received …" cannot be told: say what was expected.
  if (entry.keyword === 'invalid_type') {
    const expected = (entry.params as { expected?: string } | undefined)?.expected;
    return expected ? `Invalid input: expected ${expected}` : translate(pm.invalidValue(), locale);
  }
  try {
    const text = zodLocales.en.localeError(issue);
    return (typeof text === 'string' ? text : text?.message) ?? translate(pm.invalidValue(), locale);
  } catch {
    return translate(pm.invalidValue(), locale);
  }
}

function text(message: Message | string, locale: Locale) {
  return translate(message, locale);
}

/** The message's code and parameters, for clients that want to word it themselves. */
function detailOf(message: Message | string) {
  if (typeof message === 'string') return isMessageCode(message) ? { messageCode: message } : {};
  return { messageCode: message.code, ...(message.params ? { params: message.params } : {}) };
}

export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const correlationId = request.id;
  const locale = requestLocale(request);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = (error.validation as unknown as ZodValidationEntry[]).map((v) => ({
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
      message: zodMessage(v, locale),
    }));
    return reply.code(400).send({
      error: { code: 'validation_failed', message: text(pm.invalid(), locale), fields, correlationId },
    });
  }
  if (error instanceof AppError) {
    if (error.statusCode === 401) reply.header('www-authenticate', 'Bearer');
    return reply.code(error.statusCode).send({
      error: {
        code: error.code,
        message: text(error.detail, locale),
        ...detailOf(error.detail),
        ...(error.fields.length
          ? { fields: error.fields.map((f) => ({ path: f.path, message: text(f.message, locale) })) }
          : {}),
        correlationId,
      },
    });
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ error: loggableError(error) }, 'database unavailable');
    return reply
      .code(503)
      .header('retry-after', '5')
      .send({
        error: { code: 'service_unavailable', message: text(pm.databaseUnavailable(), locale), correlationId },
      });
  }
  // Input the database itself refuses (a NUL character) or a duplicate that slipped past a service's check
  // (two requests at once) is the client's problem, not a server error.
  const pgCode = databaseErrorCode(error);
  if (pgCode === '22021' || pgCode === '22P05') {
    return reply.code(400).send({
      error: { code: 'bad_request', message: text(pm.forbiddenCharacters(), locale), correlationId },
    });
  }
  if (pgCode === '23505') {
    return reply.code(409).send({ error: { code: 'conflict', message: text(pm.duplicate(), locale), correlationId } });
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) {
    return reply.code(status).send({
      error: { code: clientErrorCode(status), message: text(clientErrorMessage(status), locale), correlationId },
    });
  }
  request.log.error(
    {
      error: {
        ...loggableError(error),
        stack: (error as Error)?.stack?.replace(/params:[\s\S]*?\n\s+at /, 'params: [hidden]\n    at '),
      },
    },
    'unexpected error',
  );
  return reply.code(500).send({
    error: { code: 'internal_error', message: text(pm.internal({ correlationId }), locale), correlationId },
  });
}

function clientErrorCode(status: number) {
  return (
    ({ 413: 'payload_too_large', 415: 'unsupported_media_type', 404: 'not_found' } as Record<number, string>)[status] ??
    'bad_request'
  );
}

function clientErrorMessage(status: number): Message {
  switch (status) {
    case 413:
      return pm.tooLarge();
    case 415:
      return pm.unsupportedMediaType();
    case 404:
      return pm.notFound();
    default:
      return pm.badRequest();
  }
}
