/**
 * Closing an organisation, the grace period: asking and cancelling, who may, and what freezes — every
 * write of its API with a user's token or an API key, publishing, listening, its public widgets —
 * while its people still sign in, read and take their data with them.
 */
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { inTenant } from "../../src/db/tenant.ts";
import { createApiKey } from "../support/api-keys.ts";
import { auditRows } from "../support/audit.ts";
import {
  type ClosureBody,
  cancelClosureAs,
  closeRequest,
  closureOf,
  requestClosure,
} from "../support/closures.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { exportRow, runExport } from "../support/lifecycle.ts";
import { uploadFile } from "../support/media.ts";
import { jpeg } from "../support/media-files.ts";
import {
  connectedAccount,
  deliver,
  postRow,
  publishMessage,
  queuedPost,
  runDispatchCron,
  waitForPost,
} from "../support/publishing.ts";
import { measure } from "../support/round-trips.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, testDb } from "../support/tenants.ts";
import { createWidgetEvent } from "../support/wall.ts";

const patchOrganization = (headers: Record<string, string>, body: unknown) =>
  call("/v1/organization", {
    method: "PATCH",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const eventInput = () => ({
  name: "Africa Energy Summit",
  slug: `aes-${crypto.randomUUID().slice(0, 8)}`,
  start_date: "2027-03-10T08:00:00+03:00",
  end_date: "2027-03-11T18:00:00+03:00",
  timezone: "Africa/Nairobi",
});

const statusOf = async (headers: Record<string, string>) =>
  ((await (await call("/v1/organization", { headers })).json()) as { status: string }).status;

describe("POST /v1/organization/closure", () => {
  it("closes the organisation in one round trip: closing, frozen until purge_after, with a receipt link, audited", async () => {
    const { organization, owner } = await createTenant(["owner"]);
    const before = Date.now();
    const { response, roundTrips } = await measure(
      "/v1/organization/closure",
      closeRequest(
        { confirm_slug: organization.slug, reason: "We no longer run events.", grace_days: 14 },
        owner.headers,
      ),
    );
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(1);
    expect(response.headers.get("location")).toBe("/v1/organization/closure");
    const closure = (await response.json()) as ClosureBody;
    expect(closure).toMatchObject({
      organization_id: organization.id,
      status: "pending",
      grace_days: 14,
      reason: "We no longer run events.",
      cancelled_at: null,
      purged_at: null,
    });
    const purgeAfter = Date.parse(closure.purge_after) - Date.parse(closure.requested_at);
    expect(purgeAfter).toBe(14 * 86_400_000);
    expect(Date.parse(closure.requested_at)).toBeGreaterThanOrEqual(before - 1000);
    expect(closure.receipt_url).toMatch(/^http:\/\/guddu\.test\/closures\/receipt\/[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(Date.parse(closure.receipt_url_expires_at)).toBeGreaterThan(Date.parse(closure.purge_after));
    expect(await statusOf(owner.headers)).toBe("closing");

    const [audit] = await auditRows(organization.id, organization.id);
    expect(audit).toMatchObject({
      action: "organization.close",
      userId: owner.id,
      changes: {
        status: { from: "active", to: "closing" },
        closure_id: closure.id,
        grace_days: 14,
        reason_given: true,
      },
    });

    const shown = await call("/v1/organization/closure", { headers: owner.headers });
    expect(shown.status).toBe(200);
    expect(await shown.json()).toMatchObject({ id: closure.id, status: "pending" });

    // The receipt link needs no token; before the purge it shows the closure as it stands.
    const receipt = await call(closure.receipt_url.replace("http://guddu.test", ""));
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get("cache-control")).toBe("private, no-store");
    expect(await receipt.json()).toMatchObject({
      format: "guddu-closure-receipt",
      receipt_id: closure.id,
      organization_id: organization.id,
      status: "pending",
      purged_at: null,
    });
  });

  it("defaults to 30 days of grace and keeps the grace period within 7 to 90 days", async () => {
    const { organization, owner } = await createTenant(["owner"]);
    for (const grace_days of [6, 91, 7.5]) {
      const refused = await requestClosure(owner.headers, organization.slug, { grace_days });
      await expectProblem(refused, 400, "validation_failed");
    }
    const response = await requestClosure(owner.headers, organization.slug, {});
    expect(response.status).toBe(201);
    const closure = (await response.json()) as ClosureBody;
    expect(closure.grace_days).toBe(30);
    expect(Date.parse(closure.purge_after) - Date.parse(closure.requested_at)).toBe(30 * 86_400_000);
  });

  it("asks for the organisation's slug: another slug is 422 closure_confirmation_mismatch and nothing changes", async () => {
    const { organization, owner } = await createTenant(["owner"]);
    const response = await requestClosure(owner.headers, `${organization.slug}-x`);
    await expectProblem(response, 422, "closure_confirmation_mismatch");
    expect(await statusOf(owner.headers)).toBe("active");
    expect(await closureOf(organization.id)).toBeUndefined();
    await expectProblem(
      await call("/v1/organization/closure", { headers: owner.headers }),
      404,
      "closure_not_found",
    );
  });

  it("is the owner's alone: an admin gets 403 missing_permission, an API key 403 api_key_not_allowed", async () => {
    const { organization, admin } = await createTenant(["owner", "admin"]);
    await expectProblem(await requestClosure(admin.headers, organization.slug), 403, "missing_permission");
    const key = await createApiKey(organization.id);
    await expectProblem(await requestClosure(key.headers, organization.slug), 403, "api_key_not_allowed");
    await expectProblem(await cancelClosureAs(admin.headers), 403, "missing_permission");
    expect(await statusOf(admin.headers)).toBe("active");
  });

  it("a second closure while one is pending answers 409 organization_closing", async () => {
    const { organization, owner } = await createTenant(["owner"]);
    expect((await requestClosure(owner.headers, organization.slug)).status).toBe(201);
    await expectProblem(await requestClosure(owner.headers, organization.slug), 409, "organization_closing");
  });
});

describe("the grace period", { timeout: 30_000 }, () => {
  it("refuses every write with 409 organization_closing, by token or API key; reads, sign-in and refresh go on", async () => {
    const { organization, owner, editor } = await createTenant(["owner", "editor"]);
    const event = await createEvent(organization.id);
    const key = await createApiKey(organization.id);
    expect((await requestClosure(owner.headers, organization.slug)).status).toBe(201);

    await expectProblem(
      await patchOrganization(owner.headers, { description: "still here" }),
      409,
      "organization_closing",
    );
    await expectProblem(
      await postJson("/v1/events", eventInput(), { headers: owner.headers }),
      409,
      "organization_closing",
    );
    await expectProblem(
      await call(`/v1/events/${event.id}`, { method: "DELETE", headers: owner.headers }),
      409,
      "organization_closing",
    );
    // An upload stores its bytes before its row: refused, the bytes go again.
    const upload = await uploadFile(editor, jpeg(40, 30), { type: "image/jpeg", filename: "late.jpg" });
    await expectProblem(upload, 409, "organization_closing");
    expect((await env.MEDIA.list({ prefix: `org/${organization.id}/` })).objects).toEqual([]);

    // An API key: its check reads the status, so its writes stop before anything happens.
    await expectProblem(
      await patchOrganization(key.headers, { description: "by key" }),
      409,
      "organization_closing",
    );
    await expectProblem(
      await postJson("/v1/events", eventInput(), { headers: key.headers }),
      409,
      "organization_closing",
    );
    expect((await call("/v1/events", { headers: key.headers })).status).toBe(200);

    // Reading goes on, and so do signing in and refreshing a session.
    expect((await call(`/v1/events/${event.id}`, { headers: editor.headers })).status).toBe(200);
    const login = await postJson("/v1/auth/login", { email: owner.email, password: owner.password });
    expect(login.status).toBe(200);
    const tokens = (await login.json()) as { access_token: string; refresh_token: string };
    const refreshed = await postJson("/v1/auth/refresh", { refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
    const signedIn = { authorization: `Bearer ${tokens.access_token}` };
    expect((await call("/v1/organization", { headers: signedIn })).status).toBe(200);
    await expectProblem(
      await patchOrganization(signedIn, { description: "new session" }),
      409,
      "organization_closing",
    );
    expect((await auditRows(organization.id, organization.id)).map((r) => r.action)).toEqual([
      "organization.close",
    ]);
  });

  it("keeps reads' round trips as they were", async () => {
    const { organization, owner } = await createTenant(["owner"]);
    expect((await requestClosure(owner.headers, organization.slug)).status).toBe(201);
    const read = await measure("/v1/organization", { headers: owner.headers });
    expect(read.response.status).toBe(200);
    expect(read.roundTrips).toBe(1);
    const refused = await measure("/v1/organization", {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ description: "x" }),
    });
    expect(refused.response.status).toBe(409);
    expect(refused.roundTrips).toBe(1);
  });

  it("lets its people take their data with them: an export starts, completes and downloads", async () => {
    const { organization, owner } = await createTenant(["owner"]);
    await createEvent(organization.id);
    expect((await requestClosure(owner.headers, organization.slug)).status).toBe(201);
    const started = await postJson("/v1/exports", { scope: "organization" }, { headers: owner.headers });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    await runExport(organization.id, id);
    expect((await exportRow(organization.id, id))?.status).toBe("completed");
    const shown = (await (await call(`/v1/exports/${id}`, { headers: owner.headers })).json()) as {
      download_url: string;
    };
    const download = await call(shown.download_url.replace("http://guddu.test", ""));
    expect(download.status).toBe(200);
    expect((await download.arrayBuffer()).byteLength).toBeGreaterThan(1024);
  });

  it("publishes nothing: the cron takes none of its posts, the consumer puts a queued one back; after a cancel they go out", async () => {
    const { organization, owner } = await createTenant(["owner"]);
    const { row: account } = await connectedAccount(owner, "x");
    const due = await queuedPost(owner, account, { status: "pending" });
    const queued = await queuedPost(owner, account, { status: "queued" });
    expect((await requestClosure(owner.headers, organization.slug)).status).toBe(201);

    await runDispatchCron();
    expect((await postRow(organization.id, due.post.id))?.publishStatus).toBe("pending");

    const result = await deliver("guddu-publish", [publishMessage(organization.id, queued.post.id)]);
    expect(result.explicitAcks).toEqual(result.ids);
    const parked = await postRow(organization.id, queued.post.id);
    expect(parked?.publishStatus).toBe("pending");
    expect(parked?.attemptCount).toBe(0);

    const cancelled = await cancelClosureAs(owner.headers);
    expect(cancelled.status).toBe(200);
    await runDispatchCron();
    await waitForPost(organization.id, due.post.id, (p) => p.publishStatus === "published");
    await waitForPost(organization.id, queued.post.id, (p) => p.publishStatus === "published");
  });

  it("stops listening: no listener is due and no platform's webhook delivery reaches it", async () => {
    const { organization, owner } = await createTenant(["owner"]);
    await createSocialAccount(owner, { platform: "bluesky" });
    const x = await createSocialAccount(owner, { platform: "x" });
    const listeners = async () =>
      (
        await testDb().execute<{ organization_id: string }>(
          sql`select organization_id::text from due_listeners(now()) where organization_id = ${organization.id}`,
        )
      ).rows.length;
    const recipients = async () =>
      (await testDb().execute(sql`select * from inbound_recipients('x', array[${x.platformUserId}]::text[])`))
        .rows.length;
    expect(await listeners()).toBe(1);
    expect(await recipients()).toBe(1);

    expect((await requestClosure(owner.headers, organization.slug)).status).toBe(201);
    expect(await listeners()).toBe(0);
    expect(await recipients()).toBe(0);
  });

  it("takes its public widgets down (404), cached answers included, and a cancel brings them back", async () => {
    const { organization, owner } = await createTenant(["owner"]);
    const { widgets } = await createWidgetEvent(organization.id);
    const publicEvent = () => call(`/public/v1/events/${widgets.publicKey}`);
    expect((await publicEvent()).status).toBe(200);
    expect((await publicEvent()).headers.get("x-guddu-cache")).toBe("hit");

    expect((await requestClosure(owner.headers, organization.slug)).status).toBe(201);
    await expectProblem(await publicEvent(), 404, "event_not_found");

    expect((await cancelClosureAs(owner.headers)).status).toBe(200);
    expect((await publicEvent()).status).toBe(200);
  });
});

describe("DELETE /v1/organization/closure", () => {
  it("cancels during the grace period in one round trip: the organisation is active again, audited", async () => {
    const { organization, owner } = await createTenant(["owner"]);
    const closed = (await (await requestClosure(owner.headers, organization.slug)).json()) as ClosureBody;
    const { response, roundTrips } = await measure("/v1/organization/closure", {
      method: "DELETE",
      headers: owner.headers,
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    const cancelled = (await response.json()) as ClosureBody;
    expect(cancelled).toMatchObject({ id: closed.id, status: "cancelled" });
    expect(cancelled.cancelled_at).not.toBeNull();
    expect(await statusOf(owner.headers)).toBe("active");
    expect((await patchOrganization(owner.headers, { description: "back" })).status).toBe(200);
    const actions = (await auditRows(organization.id, organization.id)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["organization.close", "organization.closure_cancel"]));

    // Nothing is left to cancel; the organisation can be closed again.
    await expectProblem(await cancelClosureAs(owner.headers), 404, "closure_not_found");
    expect((await requestClosure(owner.headers, organization.slug)).status).toBe(201);
  });

  it("answers 404 closure_not_found when nothing was asked, and 409 closure_grace_period_over once it ended", async () => {
    const { organization, owner } = await createTenant(["owner"]);
    await expectProblem(await cancelClosureAs(owner.headers), 404, "closure_not_found");
    expect((await requestClosure(owner.headers, organization.slug)).status).toBe(201);
    // The grace period is over (as the nightly job would find it): too late to cancel.
    await inTenant({ db: testDb(), organizationId: organization.id }, (db) => ({
      ended: db.execute(
        sql`update organization_closures set purge_after = now() - interval '1 minute' where organization_id = ${organization.id}`,
      ),
    }));
    await expectProblem(await cancelClosureAs(owner.headers), 409, "closure_grace_period_over");
    expect(await statusOf(owner.headers)).toBe("closing");
  });
});
