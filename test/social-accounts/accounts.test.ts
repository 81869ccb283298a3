import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { socialAccounts } from "../../src/db/schema/social-accounts.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { auditRows } from "../support/audit.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";

interface AccountBody {
  id: string;
  platform: string;
  platform_user_id: string;
  username: string | null;
  event_id: string | null;
  is_active: boolean;
  connection_status: string;
  status_reason: string | null;
  token_expires_at: string | null;
  metadata: Record<string, unknown>;
  connected_by: string | null;
}

const patch = (user: TestUser, id: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/v1/social-accounts/${id}`, {
    method: "PATCH",
    headers: { ...user.headers, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("reading social accounts", () => {
  it("GET answers the account without any token, with its ETag, in one round trip", async () => {
    const { owner } = await createTenant();
    const account = await createSocialAccount(owner, {
      platform: "linkedin",
      metadata: { urn: "urn:li:person:1" },
    });
    const { response, roundTrips } = await measure(`/v1/social-accounts/${account.id}`, {
      headers: owner.headers,
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    const text = await response.text();
    expect(text).not.toContain(account.plainTokens.accessToken);
    expect(text).not.toContain(account.accessToken);
    expect(text).not.toMatch(/access_token|refresh_token|"v1\./);
    const body = JSON.parse(text) as AccountBody;
    expect(body).toMatchObject({
      id: account.id,
      platform: "linkedin",
      platform_user_id: account.platformUserId,
      username: account.username,
      is_active: true,
      connection_status: "connected",
      status_reason: null,
      metadata: { urn: "urn:li:person:1" },
      connected_by: owner.id,
    });
    expect(body.token_expires_at).toBe(account.tokenExpiresAt?.toISOString());
  });

  it("another organisation's account and a disconnected one answer 404", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const theirs = await createSocialAccount(other.owner);
    const gone = await createSocialAccount(owner, { deleted: true });
    for (const id of [theirs.id, gone.id]) {
      await expectProblem(
        await call(`/v1/social-accounts/${id}`, { headers: owner.headers }),
        404,
        "social_account_not_found",
      );
    }
  });

  it("lists with filters (platform, event, status, active) page by page, in one round trip each", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const x = await Promise.all(
      Array.from({ length: 5 }, () => createSocialAccount(owner, { platform: "x" })),
    );
    const linkedin = await createSocialAccount(owner, { platform: "linkedin", eventId: event.id });
    const broken = await createSocialAccount(owner, {
      platform: "threads",
      connectionStatus: "reauth_required",
      statusReason: "Threads refused to renew access",
    });
    const paused = await createSocialAccount(owner, { platform: "facebook", isActive: false });
    await createSocialAccount(owner, { deleted: true });
    await createSocialAccount((await createTenant()).owner);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/v1/social-accounts?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const { response, roundTrips } = await measure(query, { headers: owner.headers });
      expect(roundTrips).toBe(1);
      const page = (await response.json()) as { data: AccountBody[]; next_cursor: string | null };
      seen.push(...page.data.map((a) => a.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...x.map((a) => a.id), linkedin.id, broken.id, paused.id].sort());

    const ids = async (query: string) => {
      const response = await call(`/v1/social-accounts?${query}`, { headers: owner.headers });
      expect(response.status).toBe(200);
      return ((await response.json()) as { data: AccountBody[] }).data.map((a) => a.id).sort();
    };
    expect(await ids("platform=x")).toEqual(x.map((a) => a.id).sort());
    expect(await ids(`event_id=${event.id}`)).toEqual([linkedin.id]);
    expect(await ids("connection_status=reauth_required")).toEqual([broken.id]);
    expect(await ids("is_active=false")).toEqual([paused.id]);
    await expectProblem(
      await call("/v1/social-accounts?platform=myspace", { headers: owner.headers }),
      400,
      "validation_failed",
    );
  });

  it("a viewer reads; only social_accounts:write changes", async () => {
    const { owner, viewer } = await createTenant(["owner", "viewer"]);
    const account = await createSocialAccount(owner);
    expect((await call(`/v1/social-accounts/${account.id}`, { headers: viewer.headers })).status).toBe(200);
    await expectProblem(await patch(viewer, account.id, { is_active: false }), 403, "missing_permission");
  });
});

describe("changing social accounts", () => {
  it("PATCH ties the account to an event and pauses it, audited, in two round trips; a stale If-Match is 412", async () => {
    const { owner } = await createTenant();
    const account = await createSocialAccount(owner);
    const event = await createEvent(owner.organizationId);
    const read = await call(`/v1/social-accounts/${account.id}`, { headers: owner.headers });
    const etag = read.headers.get("etag")!;
    const { response, roundTrips } = await measure(`/v1/social-accounts/${account.id}`, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json", "if-match": etag },
      body: JSON.stringify({ event_id: event.id, is_active: false }),
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(2);
    expect(await response.json()).toMatchObject({ event_id: event.id, is_active: false });
    expect(response.headers.get("etag")).not.toBe(etag);
    await expectProblem(
      await patch(owner, account.id, { is_active: true }, { "if-match": etag }),
      412,
      "precondition_failed",
    );

    const untied = await patch(owner, account.id, { event_id: null });
    expect(((await untied.json()) as AccountBody).event_id).toBeNull();
    const audit = await auditRows(owner.organizationId, account.id);
    expect(audit.map((a) => a.action)).toEqual(["social_account.update", "social_account.update"]);
    expect(audit[0]?.changes).toMatchObject({
      isActive: { from: true, to: false },
      eventId: { to: event.id },
    });
  });

  it("PATCH refuses an event of another organisation or a deleted one (404) and unknown fields (400)", async () => {
    const { owner } = await createTenant();
    const account = await createSocialAccount(owner);
    const foreign = await createEvent((await createTenant()).organization.id);
    const deleted = await createEvent(owner.organizationId, { deleted: true });
    for (const event of [foreign, deleted]) {
      await expectProblem(await patch(owner, account.id, { event_id: event.id }), 404, "event_not_found");
    }
    await expectProblem(await patch(owner, account.id, { access_token: "x" }), 400, "validation_failed");
    await expectProblem(
      await patch(owner, account.id, { platform_user_id: "someone" }),
      400,
      "validation_failed",
    );
  });

  it("DELETE disconnects (audited, one round trip), restore brings it back with its tokens", async () => {
    const { owner } = await createTenant();
    const account = await createSocialAccount(owner);
    const { response, roundTrips } = await measure(`/v1/social-accounts/${account.id}`, {
      method: "DELETE",
      headers: owner.headers,
    });
    expect(response.status).toBe(204);
    expect(roundTrips).toBe(1);
    expect((await call(`/v1/social-accounts/${account.id}`, { headers: owner.headers })).status).toBe(404);
    await expectProblem(
      await call(`/v1/social-accounts/${account.id}`, { method: "DELETE", headers: owner.headers }),
      404,
      "social_account_not_found",
    );

    const restored = await measure(`/v1/social-accounts/${account.id}/restore`, {
      method: "POST",
      headers: owner.headers,
    });
    expect(restored.response.status).toBe(200);
    expect(restored.roundTrips).toBe(1);
    expect(await restored.response.json()).toMatchObject({ id: account.id, connection_status: "connected" });
    await expectProblem(
      await postJson(`/v1/social-accounts/${account.id}/restore`, undefined, { headers: owner.headers }),
      404,
      "social_account_not_found",
    );
    const {
      rows: [row],
    } = await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      rows: db.select().from(socialAccounts).where(eq(socialAccounts.id, account.id)),
    }));
    expect(row?.accessToken).toBe(account.accessToken);
    expect((await auditRows(owner.organizationId, account.id)).map((a) => a.action)).toEqual([
      "social_account.delete",
      "social_account.restore",
    ]);
  });
});
