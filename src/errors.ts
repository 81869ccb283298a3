/**
 * The one error hierarchy. Services throw these; `onError` turns them into RFC 9457 problem+json.
 * `code` is the stable machine name clients branch on; `title` is the human one.
 */
export interface FieldError {
  path: string;
  message: string;
  code: string;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly extras: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    title: string,
    detail?: string,
    extras: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = "AppError";
    this.status = status;
    this.code = code;
    this.title = title;
    this.extras = extras;
  }
}

export class BadRequestError extends AppError {
  constructor(code: string, detail: string, extras?: Record<string, unknown>) {
    super(400, code, "Bad request", detail, extras);
  }
}

export class ValidationError extends AppError {
  constructor(errors: FieldError[], detail = "The request is not valid.") {
    super(400, "validation_failed", "Validation failed", detail, { errors });
  }
}

export class UnauthorizedError extends AppError {
  constructor(code = "unauthenticated", detail = "Authentication is required.") {
    super(401, code, "Unauthorized", detail);
  }
}

export class ForbiddenError extends AppError {
  constructor(code = "forbidden", detail = "You are not allowed to do this.") {
    super(403, code, "Forbidden", detail);
  }
}

export class NotFoundError extends AppError {
  constructor(code: string, detail = "The resource does not exist.") {
    super(404, code, "Not found", detail);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, detail: string, extras?: Record<string, unknown>) {
    super(409, code, "Conflict", detail, extras);
  }
}

export class PreconditionFailedError extends AppError {
  constructor(code = "precondition_failed", detail = "The resource has changed since you read it.") {
    super(412, code, "Precondition failed", detail);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limit: number) {
    super(413, "payload_too_large", "Payload too large", `The request body exceeds ${limit} bytes.`, {
      limit_bytes: limit,
    });
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(expected: string, received: string | undefined) {
    super(
      415,
      "unsupported_media_type",
      "Unsupported media type",
      `Expected Content-Type ${expected}, got ${received ?? "none"}.`,
    );
  }
}

export class UnprocessableError extends AppError {
  constructor(code: string, detail: string) {
    super(422, code, "Unprocessable content", detail);
  }
}

export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super(429, "rate_limited", "Too many requests", `Try again in ${retryAfterSeconds} seconds.`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(code: string, detail: string) {
    super(503, code, "Service unavailable", detail);
  }
}
