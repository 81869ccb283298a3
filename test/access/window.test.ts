import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditLogs } from "../../src/db/schema/audit-logs.ts";
import { events } from "../../src/db/schema/events.ts";
import { refreshTokens } from "../../src/db/schema/refresh-tokens.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { loadConfig } from "../../src/env.ts";
import { verifyAccessToken } from "../../src/platform/jwt.ts";
import { ACCESS_TOKEN_AUDIENCE } from "../../src/services/auth/tokens.ts";
import {
  bearer,
  claimsOf,
  limitAccess,
  login,
  refresh,
  setClock,
  signIn,
  type Tokens,
} from "../support/access.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, testDb } from "../support/tenants.ts";

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const me = (tokens: Pick<Tokens, "access_token">) => call("/v1/me", { headers: bearer(tokens) });

/** The clock stopped now, and an organisation whose owner limits an editor. */
async function setUp() {
  const t0 = Date.now();
  setClock(t0);
  const { owner, editor } = await createTenant(["owner", "editor"]);
  return { t0, owner, editor };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("access that starts and ends at set times", () => {
  it("sign-in before the start is 403 access_not_started; from the start it works", async () => {
    const { t0, owner, editor } = await setUp();
    const startsAt = t0 + 5 * MINUTE;
    await limitAccess(owner, editor.id, { starts_at: iso(startsAt), ends_at: iso(t0 + 10 * MINUTE) });

    setClock(startsAt - 1);
    const early = await expectProblem(await login(editor), 403, "access_not_started");
    expect(early.detail).toContain(iso(startsAt));

    setClock(startsAt);
    const tokens = await signIn(editor);
    // The token lasts as long as the access does: five minutes, not fifteen.
    expect(tokens.expires_in).toBe(300);
    expect((await me(tokens)).status).toBe(200);
  });

  it("an access token stops at the end to the second, though its exp and clock tolerance would pass it", async () => {
    const { t0, owner, editor } = await setUp();
    const endsAt = t0 + 10 * MINUTE + 500;
    await limitAccess(owner, editor.id, { ends_at: iso(endsAt) });
    const tokens = await signIn(editor);
    expect(tokens.expires_in).toBe(601);
    expect(claimsOf(tokens.access_token)).toMatchObject({ until: endsAt / 1000, av: 1 });

    setClock(endsAt - 1);
    expect((await me(tokens)).status).toBe(200);

    setClock(endsAt);
    const problem = await expectProblem(await me(tokens), 401, "access_ended");
    expect(problem.detail).toContain(iso(endsAt));
    // The signature and `exp` (with its 30 s of tolerance) alone would still let it through.
    const config = loadConfig(env);
    await expect(
      verifyAccessToken(config.JWT_PRIVATE_KEYS, tokens.access_token, {
        issuer: config.PUBLIC_BASE_URL,
        audience: ACCESS_TOKEN_AUDIENCE,
        now: endsAt + 1000,
      }),
    ).resolves.toMatchObject({ sub: editor.id });

    setClock(endsAt + 1000);
    await expectProblem(await me(tokens), 401, "access_ended");
    await expectProblem(await refresh(tokens), 403, "access_ended");
    await expectProblem(await login(editor), 403, "access_ended");
  });

  it("a refresh token issued before the end is refused after it, and its expiry was cut at the end", async () => {
    const { t0, owner, editor } = await setUp();
    const endsAt = t0 + 2 * MINUTE;
    await limitAccess(owner, editor.id, { ends_at: iso(endsAt) });
    const tokens = await signIn(editor);
    setClock(endsAt - 1000);
    const renewed = await refresh(tokens);
    expect(renewed.status).toBe(200);
    const next = (await renewed.json()) as Tokens;
    expect(next.expires_in).toBe(1);

    setClock(endsAt);
    await expectProblem(await refresh(next), 403, "access_ended");
    const { rows } = await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      rows: db
        .select({ expiresAt: refreshTokens.expiresAt })
        .from(refreshTokens)
        .where(eq(refreshTokens.userId, editor.id)),
    }));
    expect(rows.map((row) => row.expiresAt.getTime())).toEqual([endsAt, endsAt]);
  });

  it("shortening a window cuts live tokens at once; a refresh gets one that stops at the new end", async () => {
    const { t0, owner, editor } = await setUp();
    // The token the editor held before any limit stops with the first one.
    await limitAccess(owner, editor.id, { ends_at: iso(t0 + 12 * MINUTE) });
    await expectProblem(await call("/v1/me", { headers: editor.headers }), 401, "token_revoked");

    const tokens = await signIn(editor);
    expect((await me(tokens)).status).toBe(200);
    await limitAccess(owner, editor.id, { ends_at: iso(t0 + 3 * MINUTE) });
    await expectProblem(await me(tokens), 401, "token_revoked");

    const renewed = await refresh(tokens);
    expect(renewed.status).toBe(200);
    const next = (await renewed.json()) as Tokens;
    expect(next.expires_in).toBe(180);
    setClock(t0 + 3 * MINUTE - 1);
    expect((await me(next)).status).toBe(200);
    setClock(t0 + 3 * MINUTE);
    await expectProblem(await me(next), 401, "access_ended");
  });

  it("a window the change leaves closed ends the user's sessions: refresh is 403 access_ended, no reuse alarm", async () => {
    const { t0, owner, editor } = await setUp();
    const tokens = await signIn(editor);
    await limitAccess(owner, editor.id, { ends_at: iso(t0 - 1000) });
    await expectProblem(await me(tokens), 401, "token_revoked");
    await expectProblem(await refresh(tokens), 403, "access_ended");

    const { rows } = await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      rows: db
        .select({ action: auditLogs.action, changes: auditLogs.changes, userId: auditLogs.userId })
        .from(auditLogs)
        .where(eq(auditLogs.entityId, editor.id)),
    }));
    const actions = rows.map((row) => row.action);
    expect(actions).toContain("user.access_change");
    expect(actions).not.toContain("session.reuse_detected");
    const change = rows.find((row) => row.action === "user.access_change");
    expect(change).toMatchObject({ userId: owner.id, changes: { sessions_ended: true } });
  });
});

describe("access that ends with an event", () => {
  it("follows the event: moved earlier, live tokens stop at the new end; moved later, refresh carries on", async () => {
    const { t0, owner, editor } = await setUp();
    const event = await createEvent(owner.organizationId, {
      startDate: new Date(t0 - 86_400_000),
      endDate: new Date(t0 + 10 * MINUTE),
    });
    await limitAccess(owner, editor.id, { ends_with_event_id: event.id });
    const tokens = await signIn(editor);
    expect(claimsOf(tokens.access_token)).toMatchObject({ until: (t0 + 10 * MINUTE) / 1000 });

    const move = (endMs: number) =>
      call(`/v1/events/${event.id}`, {
        method: "PATCH",
        headers: { ...owner.headers, "content-type": "application/json" },
        body: JSON.stringify({ end_date: iso(endMs) }),
      });
    expect((await move(t0 + 5 * MINUTE)).status).toBe(200);
    setClock(t0 + 5 * MINUTE - 1);
    expect((await me(tokens)).status).toBe(200);
    // The token still says ten minutes; the event now ends at five.
    setClock(t0 + 5 * MINUTE);
    await expectProblem(await me(tokens), 401, "access_ended");
    await expectProblem(await refresh(tokens), 403, "access_ended");
    await expectProblem(await login(editor), 403, "access_ended");

    expect((await move(t0 + 20 * MINUTE)).status).toBe(200);
    const renewed = await refresh(tokens);
    expect(renewed.status).toBe(200);
    const next = (await renewed.json()) as Tokens;
    expect(claimsOf(next.access_token)).toMatchObject({ until: (t0 + 20 * MINUTE) / 1000 });
    expect((await me(next)).status).toBe(200);
  });

  it("ends when the event is gone for good", async () => {
    const { t0, owner, editor } = await setUp();
    const event = await createEvent(owner.organizationId, {
      startDate: new Date(t0 - 86_400_000),
      endDate: new Date(t0 + 60 * MINUTE),
    });
    await limitAccess(owner, editor.id, { ends_with_event_id: event.id });
    const tokens = await signIn(editor);
    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      gone: db.delete(events).where(eq(events.id, event.id)),
    }));
    await expectProblem(await me(tokens), 401, "access_ended");
    await expectProblem(await login(editor), 403, "access_ended");
  });
});

describe("what it costs", () => {
  it("an unlimited user's /v1/me and list of users are one round trip each, as before", async () => {
    const { owner } = await createTenant();
    const self = await measure("/v1/me", { headers: owner.headers });
    expect(self.response.status).toBe(200);
    expect(self.roundTrips).toBe(1);
    const list = await measure("/v1/users?limit=25", { headers: owner.headers });
    expect(list.response.status).toBe(200);
    expect(list.roundTrips).toBe(1);
  });

  it("a user with a window pays the same: one round trip", async () => {
    const { t0, owner, editor } = await setUp();
    await limitAccess(owner, editor.id, { ends_at: iso(t0 + 10 * MINUTE) });
    const tokens = await signIn(editor);
    const self = await measure("/v1/me", { headers: bearer(tokens) });
    expect(self.response.status).toBe(200);
    expect(self.roundTrips).toBe(1);
    const list = await measure("/v1/content", { headers: bearer(tokens) });
    expect(list.response.status).toBe(200);
    expect(list.roundTrips).toBe(1);
  });
});
