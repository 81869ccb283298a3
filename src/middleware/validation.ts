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

/** A UTF-16 surrogate without its other half: not a Unicode character, so not UTF-8 text either. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL cannot store `text` (text and jsonb refuse U+0000; UTF-8 has no lone surrogates), or null. */
function unstorable(text: string): string | null {
  if (text.includes("\u0000")) return "Contains U+0000 (a NUL character), which cannot be stored; remove it.";
  if (LONE_SURROGATE.test(text))
    return "Contains a lone UTF-16 surrogate, which is not Unicode text; remove it.";
  return null;
}

/** JSON objects and parsed query or header records; not Dates or other class instances. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Every string (and object key) in `value` that PostgreSQL cannot hold, as `invalid_character` field
 * errors at `target.path`. The one check all input goes through before it can reach the database:
 * the validation hook runs it on every validated body, query, path and header, and the CSV import on
 * every row. (A header value cannot carry either: the Fetch standard refuses NUL in headers, and they
 * are bytes, never surrogates.)
 */
export function unstorableText(value: unknown, target: string): FieldError[] {
  const errors: FieldError[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === "string") {
      const message = unstorable(node);
      if (message) errors.push({ path, message, code: "invalid_character" });
    } else if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) walk(item, `${path}.${index}`);
    } else if (isPlainObject(node)) {
      for (const [key, item] of Object.entries(node)) {
        // A key is stored too (jsonb fields such as kpi_targets keep the client's keys).
        const keyProblem = unstorable(key);
        if (keyProblem)
          errors.push({ path, message: `A field name: ${keyProblem}`, code: "invalid_character" });
        else walk(item, `${path}.${key}`);
      }
    }
  };
  walk(value, target);
  return errors;
}

/**
 * The one validation hook of every route (OpenAPIHono `defaultHook`): zod's verdict, plus text the
 * database cannot hold (checked on what zod answered, or on the raw input when zod refused it), so
 * no route can pass a NUL byte through to PostgreSQL and turn a client's mistake into a 500.
 */
export function validationHook(result: {
  success: boolean;
  data?: unknown;
  error?: ZodError;
  target: string;
}): void {
  const errors = result.success || !result.error ? [] : fieldErrors(result.error, result.target);
  const named = new Set(errors.map((e) => e.path));
  errors.push(...unstorableText(result.data, result.target).filter((e) => !named.has(e.path)));
  if (errors.length) throw new ValidationError(errors);
}
