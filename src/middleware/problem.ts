/** RFC 9457 problem+json: the one shape every failure leaves the Worker in. */
import type { Context } from "hono";
import type { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../app-env.ts";
import { AppError, RateLimitedError, titleOf } from "../errors.ts";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function problemResponse(c: Context<AppEnv>, error: AppError): Response {
  const body = {
    type: `https://guddu.dev/problems/${error.code.replaceAll("_", "-")}`,
    title: error.title,
    status: error.status,
    detail: error.message,
    code: error.code,
    instance: new URL(c.req.url).pathname,
    requestId: c.get("requestId"),
    ...error.extras,
  };
  const headers: Record<string, string> = { "content-type": PROBLEM_CONTENT_TYPE };
  if (error instanceof RateLimitedError) headers["retry-after"] = String(error.retryAfterSeconds);
  if (error.status === 401)
    headers["www-authenticate"] =
      `Bearer error="${error.code === "unauthenticated" ? "invalid_request" : "invalid_token"}"`;
  return c.body(JSON.stringify(body), error.status as ContentfulStatusCode, headers);
}

/** Hono's own exceptions (malformed JSON, body limit …) mapped onto stable codes. */
export function fromHttpException(error: HTTPException): AppError {
  switch (error.status) {
    case 400:
      return error.message.startsWith("Malformed JSON")
        ? new AppError(400, "malformed_json", titleOf(400), "The request body is not valid JSON.")
        : new AppError(400, "malformed_request", titleOf(400), error.message || "The request is malformed.");
    case 401:
      return new AppError(401, "unauthenticated", titleOf(401), "Authentication is required.");
    case 415:
      return new AppError(
        415,
        "unsupported_media_type",
        titleOf(415),
        "The body's Content-Type is not accepted here.",
      );
    case 413:
      return new AppError(413, "payload_too_large", titleOf(413), "The request body is too large.");
    default:
      return new AppError(error.status, "http_error", error.message || "Error", error.message || "Error");
  }
}
