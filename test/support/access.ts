/**
 * Access windows and event limits in tests: set through the API as an admin would, sign in as the
 * user would, and drive the Worker's clock (the tests and the Worker share one isolate, so a faked
 * `Date` is the Worker's `ctx.now()`, and what the database is told is "now" for the access guard).
 */
import { vi } from "vitest";
import { call, postJson } from "./http.ts";
import { TEST_PASSWORD, type TestUser } from "./tenants.ts";

export interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
}

export interface AccessBody {
  starts_at?: string | null;
  ends_at?: string | null;
  ends_with_event_id?: string | null;
  event_ids?: string[] | null;
}

/** PUT /v1/users/{id}/access as `admin`. */
export const putAccess = (admin: TestUser, userId: string, body: AccessBody) =>
  call(`/v1/users/${userId}/access`, {
    method: "PUT",
    headers: { ...admin.headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** Sets the access and fails the test unless it was accepted. */
export async function limitAccess(admin: TestUser, userId: string, body: AccessBody): Promise<void> {
  const response = await putAccess(admin, userId, body);
  if (response.status !== 200) throw new Error(`PUT access: ${response.status} ${await response.text()}`);
}

/** POST /v1/auth/login from an address of its own (failed sign-ins are counted per address). */
export const login = (user: Pick<TestUser, "email">) =>
  postJson(
    "/v1/auth/login",
    { email: user.email, password: TEST_PASSWORD },
    { headers: { "cf-connecting-ip": `10.${rand()}.${rand()}.${rand()}` } },
  );

const rand = () => Math.floor(Math.random() * 250);

export async function signIn(user: Pick<TestUser, "email">): Promise<Tokens> {
  const response = await login(user);
  if (response.status !== 200) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  return (await response.json()) as Tokens;
}

export const refresh = (tokens: Pick<Tokens, "refresh_token">) =>
  postJson("/v1/auth/refresh", { refresh_token: tokens.refresh_token });

export const bearer = (tokens: Pick<Tokens, "access_token">) => ({
  authorization: `Bearer ${tokens.access_token}`,
});

/** Stops the clock at `at` (milliseconds since the epoch); `vi.useRealTimers()` starts it again. */
export function setClock(at: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}

/** The claims of a JWT, unverified (to show what a token says). */
export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split(".")[1] ?? "";
  return JSON.parse(atob(payload.replaceAll("-", "+").replaceAll("_", "/"))) as Record<string, unknown>;
}
