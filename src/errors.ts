/**
 * The one error hierarchy. Services throw these; `onError` turns them into RFC 9457 problem+json.
 * `code` is the stable machine name clients branch on; `title` is the human one.
 */
export interface FieldError {
  path: string;
  message: string;
  code: string;
}

/** The one table of problem titles by status (RFC 9110 reason phrases, sentence case). */
const TITLES: Readonly<Record<number, string>> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  410: "Gone",
  411: "Length required",
  412: "Precondition failed",
  413: "Payload too large",
  415: "Unsupported media type",
  416: "Range not satisfiable",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
  502: "Bad gateway",
  503: "Service unavailable",
};

export const titleOf = (status: number): string => TITLES[status] ?? "Error";

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
    super(400, code, titleOf(400), detail, extras);
  }
}

export class ValidationError extends AppError {
  constructor(errors: FieldError[], detail = "The request is not valid.") {
    super(400, "validation_failed", "Validation failed", detail, { errors });
  }
}

export class UnauthorizedError extends AppError {
  constructor(code = "unauthenticated", detail = "Authentication is required.") {
    super(401, code, titleOf(401), detail);
  }
}

export class ForbiddenError extends AppError {
  constructor(code = "forbidden", detail = "You are not allowed to do this.") {
    super(403, code, titleOf(403), detail);
  }
}

export class NotFoundError extends AppError {
  constructor(code: string, detail = "The resource does not exist.") {
    super(404, code, titleOf(404), detail);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, detail: string, extras?: Record<string, unknown>) {
    super(409, code, titleOf(409), detail, extras);
  }
}

/** The organisation is closing: it takes no writes until its owner cancels the closure. */
export class OrganizationClosingError extends ConflictError {
  constructor() {
    super(
      "organization_closing",
      "This organisation is closing: it takes no changes. Read and export its data, or have its owner cancel the closure (DELETE /v1/organization/closure).",
    );
  }
}

export class PreconditionFailedError extends AppError {
  constructor(code = "precondition_failed", detail = "The resource has changed since you read it.") {
    super(412, code, titleOf(412), detail);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limit: number) {
    super(413, "payload_too_large", titleOf(413), `The request body exceeds ${limit} bytes.`, {
      limit_bytes: limit,
    });
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(expected: string, received: string | undefined) {
    super(
      415,
      "unsupported_media_type",
      titleOf(415),
      `Expected Content-Type ${expected}, got ${received ?? "none"}.`,
    );
  }
}

export class UnprocessableError extends AppError {
  constructor(code: string, detail: string) {
    super(422, code, titleOf(422), detail);
  }
}

export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super(429, "rate_limited", titleOf(429), `Try again in ${retryAfterSeconds} seconds.`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(code: string, detail: string) {
    super(503, code, titleOf(503), detail);
  }
}

/**
 * The deployment is misconfigured (a missing binding, a malformed secret). Thrown by `loadConfig`
 * (src/env.ts) naming every problem, never echoing a secret; answered as a 500 `configuration_error`.
 */
export class ConfigError extends Error {
  override name = "ConfigError";
}
