// The one way the web app talks to the server: JSON (or a FormData upload) over fetch with the session cookie, and
// errors as ApiError.
import { i18n } from '../i18n/i18n.ts';

export type FieldError = { path: string; message: string };

/** A failed request: the server's code and Swedish message, and the fields it rejected. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly correlationId: string | null = null,
    /** True when our API answered 401: the session has ended and the user must sign in again. */
    readonly sessionEnded = false,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** A body is sent as JSON, except FormData, which the browser sends as multipart with its own boundary. */
export type RequestOptions = { method?: Method; body?: unknown; signal?: AbortSignal };

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  const json = body !== undefined && !(body instanceof FormData);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: json
        ? { accept: 'application/json', 'content-type': 'application/json' }
        : { accept: 'application/json' },
      body: json ? JSON.stringify(body) : body instanceof FormData ? body : undefined,
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as T;
  throw toApiError(response.status, payload, response.status === 401 && !path.startsWith('/api/auth/'));
}

function toApiError(status: number, payload: unknown, sessionEnded: boolean): ApiError {
  const fallback = status === 429 ? i18n.t('errors.tooMany') : i18n.t('errors.unexpected');
  if (!isRecord(payload)) return new ApiError(status, `http_${status}`, fallback, [], null, sessionEnded);
  // Our API: { error: { code, message, fields?, correlationId } }.
  if (isRecord(payload.error)) {
    const e = payload.error;
    return new ApiError(
      status,
      typeof e.code === 'string' ? e.code : `http_${status}`,
      typeof e.message === 'string' ? e.message : fallback,
      Array.isArray(e.fields) ? e.fields.filter(isFieldError) : [],
      typeof e.correlationId === 'string' ? e.correlationId : null,
      sessionEnded,
    );
  }
  // better-auth: { code, message } with English messages; the pages map the code to their own text.
  const code = typeof payload.code === 'string' ? payload.code : `http_${status}`;
  return new ApiError(status, code, fallback, [], null, sessionEnded);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isFieldError(value: unknown): value is FieldError {
  return isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';
}

/** Builds "?a=1&b=x" from the defined, non-empty values. */
export function toQueryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The message to show for any error thrown by a request. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : i18n.t('errors.unexpected');
}
