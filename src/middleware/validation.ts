import type { ZodError } from "zod";
import { type FieldError, ValidationError } from "../errors.ts";

/** zod issues → the `errors` list of a `validation_failed` problem, one entry per failing field. */
export function fieldErrors(error: ZodError, target: string): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const base = [target, ...issue.path.map(String)].join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: `${base}.${key}`,
        message: `Unknown field "${key}".`,
        code: "unknown_field",
      }));
    }
    return [{ path: base, message: issue.message, code: issue.code }];
  });
}

/** The one validation hook of every route (OpenAPIHono `defaultHook`). */
export function validationHook(result: { success: boolean; error?: ZodError; target: string }): void {
  if (!result.success && result.error) throw new ValidationError(fieldErrors(result.error, result.target));
}
