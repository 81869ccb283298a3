/** Calling the Worker from a test, and reading what it answered. */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { expect } from "vitest";
import worker from "../../src/index.ts";

export const BASE_URL = "http://guddu.test";

/** A request to the Worker's own `fetch`, as a client on the internet would send it. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`${BASE_URL}${path}`, init));
}

export function postJson(path: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  return call(path, {
    ...init,
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: JSON.stringify(body),
  });
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  instance?: string;
  errors?: Array<{ path: string; message: string; code: string }>;
}

/** Asserts an RFC 9457 problem with the given status and code, and returns it. */
export async function expectProblem(response: Response, status: number, code: string): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = (await response.json()) as Problem;
  expect(problem).toMatchObject({ status, code });
  expect(problem.type).toMatch(/^https:\/\//);
  expect(problem.title).toEqual(expect.any(String));
  expect(problem.detail).toEqual(expect.any(String));
  expect(problem.requestId).toBe(response.headers.get("x-request-id"));
  expect(JSON.stringify(problem)).not.toMatch(/\bat .*\.(ts|js):\d+/);
  return problem;
}

/** The Worker's bindings with changes (a broken database URL, a tagged one …). */
export function envWith(changes: Partial<Cloudflare.Env>): Cloudflare.Env {
  return { ...env, ...changes };
}

/** Calls the Worker's `fetch` with other bindings, waiting for its `waitUntil` work too. */
export async function callWithEnv(
  bindings: Cloudflare.Env,
  path: string,
  init?: RequestInit,
): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`${BASE_URL}${path}`, init), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}
