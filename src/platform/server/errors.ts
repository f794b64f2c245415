// Typed errors: services throw them, the one error handler turns them into answers in the request's language.
// A message is a code with parameters (platform/shared/messages.ts); a plain string is passed on as it is.
import type { Message } from '../shared/messages.ts';
import { platformMessages as pm } from '../shared/platform.messages.ts';

export type FieldError = { path: string; message: Message | string };

export class AppError extends Error {
  readonly detail: Message | string;
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: Message | string,
    readonly fields: FieldError[] = [],
  ) {
    super(typeof message === 'string' ? message : message.code);
    this.detail = message;
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(fields: FieldError[], message: Message | string = pm.invalid()) {
    super(400, 'validation_failed', message, fields);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message: Message | string = pm.unauthorized()) {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: Message | string = pm.forbidden()) {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends AppError {
  constructor(message: Message | string = pm.notFound()) {
    super(404, 'not_found', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: Message | string, fields: FieldError[] = []) {
    super(409, 'conflict', message, fields);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message: Message | string = pm.tooManyRequests()) {
    super(429, 'too_many_requests', message);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message: Message | string = pm.unavailable()) {
    super(503, 'service_unavailable', message);
  }
}
