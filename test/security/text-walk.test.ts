/**
 * Walks every operation of the OpenAPI document and tries each string it takes (every string field of
 * a JSON body, however deep, every query and path parameter, a CSV cell) with text PostgreSQL cannot
 * hold: U+0000 and a lone surrogate (in a URL: %00 and bytes that are not UTF-8). Each must be a
 * client's mistake, 400 `validation_failed` naming the field, never a 5xx; a new route is covered the
 * moment it is registered.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "../support/events.ts";
import { call } from "../support/http.ts";
import { createTenant, type TestUser } from "../support/tenants.ts";
import {
  fill,
  type JsonSchema,
  loadOperations,
  type OpenApiDocument,
  type Operation,
  resolver,
  SYSTEM_PATHS,
} from "./operations.ts";

const BAD_TEXT = { NUL: "a\u0000b", "a lone surrogate": "a\ud800b" } as const;
const BAD_URL_TEXT = { NUL: "a%00b", "bytes that are not UTF-8": "a%ED%A0%80%FFb" } as const;

type Path = Array<string | number>;

/** Paths to every string in a body schema (arrays as their first item, each branch of a union). */
function stringPaths(document: OpenApiDocument, schema: JsonSchema | undefined, depth = 0): Path[] {
  const resolved = resolver(document)(schema);
  if (!resolved || depth > 8) return [];
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  const found: Path[] = [];
  if (types.includes("string")) found.push([]);
  for (const [name, property] of Object.entries(resolved.properties ?? {})) {
    for (const path of stringPaths(document, property, depth + 1)) found.push([name, ...path]);
  }
  if (resolved.items) {
    for (const path of stringPaths(document, resolved.items, depth + 1)) found.push([0, ...path]);
  }
  for (const branch of [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.allOf ?? [])]) {
    found.push(...stringPaths(document, branch, depth + 1));
  }
  const seen = new Set<string>();
  return found.filter((path) => !seen.has(path.join(".")) && Boolean(seen.add(path.join("."))));
}

/** A copy of `base` with `value` at `path`, making the objects and arrays on the way. */
function withValue(base: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Path];
  if (typeof head === "number") {
    const list = Array.isArray(base) ? [...base] : [];
    list[head] = withValue(list[head], rest, value);
    return list;
  }
  const record = typeof base === "object" && base !== null && !Array.isArray(base) ? { ...base } : {};
  (record as Record<string, unknown>)[head] = withValue(
    (record as Record<string, unknown>)[head],
    rest,
    value,
  );
  return record;
}

let operations: Operation[] = [];
let document: OpenApiDocument;
let owner: TestUser;

beforeAll(async () => {
  ({ operations, document } = await loadOperations());
  ({ owner } = await createTenant());
});

/** What a walk step sent and got, for one failure message naming all of them. */
interface Outcome {
  label: string;
  status: number;
  code?: string;
  paths: string[];
  expectedPath?: string;
}

async function send(label: string, path: string, init: RequestInit, expectedPath?: string): Promise<Outcome> {
  const response = await call(path, init);
  const text = await response.text();
  let body: { code?: string; errors?: Array<{ path: string }> } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {}
  return {
    label,
    status: response.status,
    code: body.code,
    paths: (body.errors ?? []).map((e) => e.path),
    expectedPath,
  };
}

const headersOf = (op: Operation) => (op.secured ? owner.headers : {});

/**
 * Never a 5xx; where a field is named, 400 validation_failed naming it. (A URL's bytes that are not
 * UTF-8 stay percent-encoded, as Hono leaves them: searching for that text is no mistake of ours.)
 */
function failures(outcomes: Outcome[]): string[] {
  return outcomes.flatMap((o) => {
    if (o.status >= 500) return [`${o.label}: ${o.status} ${o.code}`];
    if (o.expectedPath === undefined) return [];
    const named = o.paths.some((p) => p === o.expectedPath || p.startsWith(`${o.expectedPath}.`));
    return o.status === 400 && o.code === "validation_failed" && named
      ? []
      : [`${o.label}: ${o.status} ${o.code} naming ${JSON.stringify(o.paths)}, not ${o.expectedPath}`];
  });
}

describe("the walk of every string an operation takes, with text the database cannot hold", () => {
  it("finds the operations and their strings", () => {
    expect(operations.length).toBeGreaterThan(100);
    const bodies = operations.filter((op) => stringPaths(document, op.bodySchema).length > 0);
    expect(bodies.length).toBeGreaterThan(20);
  });

  it("every string field of every JSON body answers 400 validation_failed naming it", async () => {
    const outcomes: Outcome[] = [];
    for (const op of operations.filter((o) => o.bodySchema)) {
      for (const field of stringPaths(document, op.bodySchema)) {
        for (const [kind, value] of Object.entries(BAD_TEXT)) {
          const body = withValue(op.bodyExample ?? {}, field, value);
          outcomes.push(
            await send(
              `${op.method} ${op.path} json.${field.join(".")} with ${kind}`,
              fill(op.path),
              {
                method: op.method,
                headers: { ...headersOf(op), "content-type": "application/json" },
                body: JSON.stringify(body),
              },
              ["json", ...field].join("."),
            ),
          );
        }
      }
    }
    expect(outcomes.length).toBeGreaterThan(200);
    expect(failures(outcomes)).toEqual([]);
  });

  it("a NUL in any query parameter answers 400 validation_failed naming it, and no URL text answers 5xx", async () => {
    const outcomes: Outcome[] = [];
    for (const op of operations.filter((o) => !SYSTEM_PATHS.has(o.path))) {
      const init = (): RequestInit => ({
        method: op.method,
        headers: {
          ...headersOf(op),
          ...(op.bodySchema ? { "content-type": "application/json" } : {}),
        },
        body: op.bodySchema ? JSON.stringify(op.bodyExample ?? {}) : undefined,
      });
      for (const [kind, value] of Object.entries(BAD_URL_TEXT)) {
        for (const name of op.queryParameters) {
          const label = `${op.method} ${op.path}?${name}= with ${kind}`;
          const expected = kind === "NUL" ? `query.${name}` : undefined;
          outcomes.push(await send(label, `${fill(op.path)}?${name}=${value}`, init(), expected));
        }
        for (const name of op.pathParameters) {
          const path = fill(op.path, { [name]: value });
          outcomes.push(await send(`${op.method} ${op.path} {${name}} with ${kind}`, path, init()));
        }
      }
    }
    expect(outcomes.length).toBeGreaterThan(100);
    expect(failures(outcomes)).toEqual([]);
  });

  it("a CSV upload's cells answer 400 validation_failed naming the row and column", async () => {
    const csvOperations = operations.filter((op) => op.rawBodyTypes.includes("text/csv"));
    expect(csvOperations.length).toBeGreaterThan(0);
    const event = await createEvent(owner.organizationId);
    const outcomes: Outcome[] = [];
    // A valid file of each upload's own columns; two of its text columns get the NUL in turn.
    const samples: Record<string, Record<string, string>> = {
      "/v1/events/{id}/sessions/import": {
        title: "Keynote",
        room: "Hall A",
        starts_at: "2027-03-10T06:00:00Z",
        ends_at: "2027-03-10T07:00:00Z",
      },
    };
    for (const op of csvOperations) {
      const sample = samples[op.path] ?? { first_name: "Ada", organization: "Energy" };
      const header = Object.keys(sample);
      for (const column of header.slice(0, 2)) {
        const cells = { ...sample, [column]: BAD_TEXT.NUL };
        outcomes.push(
          await send(
            `${op.method} ${op.path} a NUL in ${column}`,
            fill(op.path, { id: event.id }),
            {
              method: op.method,
              headers: { ...headersOf(op), "content-type": "text/csv" },
              body: `${header.join(",")}\n${Object.values(sample).join(",")}\n${header.map((name) => cells[name]).join(",")}\n`,
            },
            `csv.row.3.${column}`,
          ),
        );
      }
    }
    expect(failures(outcomes)).toEqual([]);
  });
});
