// Typed errors: services throw them, the one error handler turns them into answers.
// Messages are Swedish because they reach the user.
export type FieldError = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(fields: FieldError[], message = 'Uppgifterna är inte giltiga. Rätta de markerade fälten.') {
    super(400, 'validation_failed', message, fields);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Du behöver logga in.') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Du har inte behörighet till detta.') {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Hittades inte.') {
    super(404, 'not_found', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, fields: FieldError[] = []) {
    super(409, 'conflict', message, fields);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message = 'För många försök. Vänta en stund och försök igen.') {
    super(429, 'too_many_requests', message);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message = 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.') {
    super(503, 'service_unavailable', message);
  }
}
