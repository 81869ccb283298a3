/** Shared OpenAPI pieces: the problem schema and the error responses every route documents. */
import { z } from "@hono/zod-openapi";

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "https://guddu.dev/problems/validation-failed" }),
    title: z.string().openapi({ example: "Validation failed" }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string(),
    code: z
      .string()
      .openapi({ description: "Stable machine-readable error code", example: "validation_failed" }),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string() }))
      .optional()
      .openapi({ description: "Failing fields (validation errors only)" }),
  })
  .openapi("Problem");

const descriptions = {
  400: "The request is malformed or fails validation",
  401: "Missing or invalid credentials",
  403: "The caller lacks the permission",
  404: "No such resource in the caller's organisation",
  409: "Conflicts with the current state",
  412: "If-Match does not match the current version",
  413: "The body is too large",
  415: "The body is not JSON",
  422: "Understood but cannot be processed",
  429: "Too many requests",
  500: "Unexpected error",
  503: "A dependency is unavailable",
} as const;

type ErrorStatus = keyof typeof descriptions;

const problem = (status: ErrorStatus) => ({
  description: descriptions[status],
  content: { "application/problem+json": { schema: ProblemSchema } },
});

/** The responses every operation can produce, plus the ones a route names. */
export function errorResponses(...statuses: ErrorStatus[]) {
  const all: ErrorStatus[] = [400, 500, ...statuses];
  return Object.fromEntries(all.map((s) => [s, problem(s)])) as Record<
    ErrorStatus,
    ReturnType<typeof problem>
  >;
}
