/**
 * Closing an organisation, the end: once the grace period is over the nightly lifecycle revokes its
 * platform tokens where the platform allows, deletes every row (audit trail included) and every R2
 * object of it, in bounded, resumable steps, and leaves a receipt with the counts; another
 * organisation keeps everything.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { inTenant } from "../../src/db/tenant.ts";
import { loadConfig } from "../../src/env.ts";
import worker from "../../src/index.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { CRON_MAINTAIN_PARTITIONS } from "../../src/scheduled.ts";
import { failedDeliveryKey } from "../../src/services/inbound/delivery-archive.ts";
import { dueClosures, startClosures } from "../../src/services/organization/closure-dispatch.ts";
import { runClosureStep } from "../../src/services/organization/closure-purge.ts";
import { createApiKey } from "../support/api-keys.ts";
import {
  type ClosureBody,
  cancelClosureAs,
  closureOf,
  keysIn,
  requestClosure,
  rowCountsOf,
  runClosure,
  tablesNaming,
} from "../support/closures.ts";
import { createContent } from "../support/content.ts";
import { createEventWithDelegate } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { fakeRevocations, queueFault } from "../support/fake-platforms.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { createInboundFailure, createInboundItem } from "../support/inbound.ts";
import { insertMetrics, runExport } from "../support/lifecycle.ts";
import { uploadFile } from "../support/media.ts";
import { jpeg, mp4, padded } from "../support/media-files.ts";
import { connectedAccount, createPost } from "../support/publishing.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";
import { createWidgetEvent } from "../support/wall.ts";
import { createWebhookEndpointRow, recordWebhookEvents } from "../support/webhooks.ts";

const config = () => loadConfig(env);
const MiB = 1024 * 1024;

/** Everything an organisation may hold, in the database and in R2; answers what the test checks later. */
async function populate(owner: TestUser, others: TestUser[]) {
  const org = owner.organizationId;
  const login = await postJson("/v1/auth/login", { email: owner.email, password: owner.password });
  expect(login.status).toBe(200);
  const event = await createEvent(org);
  await createEventWithDelegate(org);
  await createWidgetEvent(org);
  const uploaded = await uploadFile(owner, jpeg(64, 48), { type: "image/jpeg", filename: "stage.jpg" });
  expect(uploaded.status).toBe(201);
  const media = (await uploaded.json()) as { id: string };
  // A multipart upload in flight: its parts are in R2 where no listing shows them.
  const started = await postJson(
    "/v1/media/uploads",
    { filename: "keynote.mp4", content_type: "video/mp4", size: 12 * MiB },
    { headers: owner.headers },
  );
  expect(started.status).toBe(201);
  const { id: uploadId } = (await started.json()) as { id: string };
  const part = await call(`/v1/media/uploads/${uploadId}/parts/1`, {
    method: "PUT",
    headers: { ...owner.headers, "content-type": "application/octet-stream" },
    body: padded(mp4({ width: 1280, height: 720, durationMs: 42_000, mdatBytes: 12 * MiB }), 5 * MiB),
  });
  expect(part.status).toBeLessThan(300);

  const x = await connectedAccount(owner, "x");
  const linkedin = await connectedAccount(owner, "linkedin");
  const facebook = await connectedAccount(owner, "facebook");
  const threads = await connectedAccount(owner, "threads");
  const post = await createContent(org, {
    workflowStatus: "published",
    eventId: event.id,
    mediaAssets: [media.id],
  });
  const published = await createPost(org, {
    contentId: post.id,
    socialAccountId: x.row.id,
    platform: "x",
    publishStatus: "published",
    platformPostId: `${Date.now()}`,
    publishedAt: new Date(),
  });
  await insertMetrics(org, new Date(), 3);
  await createInboundItem(org, {}, { socialAccountId: x.row.id, eventId: event.id });
  const endpoint = await createWebhookEndpointRow(org);
  await recordWebhookEvents(org, [
    { type: "post.published", resourceId: published.id, data: { id: published.id } },
  ]);
  await createApiKey(org);
  for (const user of others) {
    expect((await call("/v1/me", { headers: user.headers })).status).toBe(200);
  }
  return { event, media, x, linkedin, facebook, threads, endpoint };
}

/** A webhook delivery kept in R2 for the organisations that failed to store it. */
async function keptDelivery(organizationIds: string[]) {
  const deliveryId = crypto.randomUUID().replaceAll("-", "");
  for (const id of organizationIds) await createInboundFailure(id, { platform: "x", deliveryId });
  const key = failedDeliveryKey({ platform: "x", delivery_id: deliveryId });
  await env.MEDIA.put(key, JSON.stringify({ message: { delivery_id: deliveryId }, error: "down" }));
  return key;
}

const prefixes = (org: string) =>
  [
    [env.MEDIA, `org/${org}/`],
    [env.ARCHIVES, `exports/${org}/`],
    [env.ARCHIVES, `archives/${org}/`],
  ] as const;

async function objectsOf(org: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [bucket, prefix] of prefixes(org))
    counts[prefix.split("/")[0]!] = (await keysIn(bucket, prefix)).length;
  return counts;
}

const closeAndRead = async (owner: TestUser, slug: string) => {
  const response = await requestClosure(owner.headers, slug);
  expect(response.status).toBe(201);
  return (await response.json()) as ClosureBody;
};

const afterGrace = (closure: ClosureBody) => new Date(Date.parse(closure.purge_after) + 60_000);

interface Receipt {
  status: string;
  receipt_id: string;
  organization_id: string;
  purged_at: string | null;
  rows: { total: number; by_table: Record<string, number> };
  objects: { total: number; by_kind: Record<string, number> };
  platform_tokens: {
    revoked: number;
    invalid: number;
    failed: number;
    unsupported: number;
    accounts: Array<{ social_account_id: string; platform: string; outcome: string; error_kind?: string }>;
  };
}

describe("the purge of a closed organisation", { timeout: 120_000 }, () => {
  it("removes every row, object and platform token through the lifecycle queue, keeps a receipt, and touches no one else", async () => {
    const a = await createTenant(["owner", "admin", "editor"]);
    const b = await createTenant(["owner"]);
    const org = a.organization.id;
    const mine = await populate(a.owner, [a.admin, a.editor]);
    const theirs = await populate(b.owner, []);
    const onlyMine = await keptDelivery([org]);
    const shared = await keptDelivery([org, b.organization.id]);
    await env.ARCHIVES.put(
      `archives/${org}/engagement_metrics/2024-01/${crypto.randomUUID()}/manifest.json`,
      "{}",
    );

    // Closed, cancelled, closed again: the second closure is the one purged.
    const first = await closeAndRead(a.owner, a.organization.slug);
    expect((await cancelClosureAs(a.owner.headers)).status).toBe(200);
    const closure = await closeAndRead(a.owner, a.organization.slug);
    expect(closure.id).not.toBe(first.id);

    // The grace period: writes refused, an export taken all the same.
    await expectProblem(
      await call("/v1/organization", {
        method: "PATCH",
        headers: { ...a.owner.headers, "content-type": "application/json" },
        body: JSON.stringify({ description: "late" }),
      }),
      409,
      "organization_closing",
    );
    const exported = await postJson("/v1/exports", { scope: "organization" }, { headers: a.owner.headers });
    expect(exported.status).toBe(202);
    await runExport(org, ((await exported.json()) as { id: string }).id);

    // Not due before the grace period ends; due after.
    const due = async (asOf: Date) => (await dueClosures(testDb(), asOf)).rows.map((r) => r.id);
    expect(await due(new Date())).not.toContain(org);
    const asOf = afterGrace(closure);
    expect(await due(asOf)).toContain(org);

    const rowsBefore = await rowCountsOf(org);
    const objectsBefore = await objectsOf(org);
    const theirRowsBefore = await tablesNaming(b.organization.id);
    expect(rowsBefore.audit_logs).toBeGreaterThan(3);
    expect(rowsBefore.engagement_metrics).toBe(3);
    expect(objectsBefore).toMatchObject({ org: 1, exports: expect.any(Number), archives: 1 });
    expect(objectsBefore.exports).toBeGreaterThan(1);

    expect(await startClosures(config(), [org], asOf, createLogger("error"))).toBe(1);
    await vi.waitFor(async () => expect((await closureOf(org))?.status).toBe("purged"), {
      timeout: 90_000,
      interval: 250,
    });

    // No row anywhere names the organisation; no object is left under its prefixes.
    expect(await tablesNaming(org)).toEqual({});
    expect(await objectsOf(org)).toEqual({ org: 0, exports: 0, archives: 0 });
    expect(await env.MEDIA.head(onlyMine)).toBeNull();
    const rowsRemoved = { ...rowsBefore, organizations: 1 };

    // The platforms were asked to revoke: X both tokens, LinkedIn its token, Facebook the whole login.
    const revoked = async (platform: "x" | "linkedin" | "facebook", account: string) =>
      (await fakeRevocations(platform, account)).map((r) => r.kind).sort();
    expect(await revoked("x", mine.x.connected.platformUserId)).toEqual(["access", "refresh"]);
    expect(await revoked("linkedin", mine.linkedin.connected.platformUserId)).toEqual(["access"]);
    expect(await revoked("facebook", mine.facebook.connected.platformUserId)).toEqual(["access"]);

    // The receipt: by its link (no token; the accounts are gone), the same in the archives bucket.
    const response = await call(closure.receipt_url.replace("http://guddu.test", ""));
    expect(response.status).toBe(200);
    const receipt = (await response.json()) as Receipt;
    expect(receipt).toMatchObject({ status: "purged", receipt_id: closure.id, organization_id: org });
    expect(receipt.purged_at).not.toBeNull();
    expect(receipt.rows.by_table).toEqual(rowsRemoved);
    expect(receipt.rows.total).toBe(Object.values(rowsRemoved).reduce((s, n) => s + n, 0));
    expect(receipt.objects.by_kind).toEqual({
      media: objectsBefore.org,
      exports: objectsBefore.exports,
      archives: 1,
      kept_webhook_deliveries: 1,
      multipart_uploads: 1,
    });
    const byAccount = Object.fromEntries(
      receipt.platform_tokens.accounts.map((t) => [t.social_account_id, t]),
    );
    expect(receipt.platform_tokens.accounts).toHaveLength(rowsBefore.social_accounts ?? 0);
    expect(byAccount[mine.x.row.id]?.outcome).toBe("revoked");
    expect(byAccount[mine.linkedin.row.id]?.outcome).toBe("revoked");
    expect(byAccount[mine.facebook.row.id]?.outcome).toBe("revoked");
    expect(byAccount[mine.threads.row.id]?.outcome).toBe("unsupported");
    expect(receipt.platform_tokens.failed).toBe(0);
    expect(JSON.stringify(receipt)).not.toMatch(/@|example\.test|We no longer/);
    const stored = await env.ARCHIVES.get(`closures/${closure.id}.json`);
    expect(stored ? await stored.json() : null).toEqual(receipt);
    expect(await closureOf(org)).toMatchObject({ status: "purged", phase: "done", reason: null });

    // Nobody can sign in any more; the other organisation keeps everything.
    await expectProblem(
      await postJson("/v1/auth/login", { email: a.owner.email, password: a.owner.password }),
      401,
      "invalid_credentials",
    );
    expect(await tablesNaming(b.organization.id)).toEqual(theirRowsBefore);
    expect(await env.MEDIA.head(`org/${b.organization.id}/${theirs.media.id}`)).not.toBeNull();
    expect(await env.MEDIA.head(shared)).not.toBeNull();
    expect(await fakeRevocations("x", theirs.x.connected.platformUserId)).toEqual([]);
    expect((await call("/v1/organization", { headers: b.owner.headers })).status).toBe(200);

    // Done is done: nothing is due any more, and a late step finds nothing to do.
    expect(await due(asOf)).not.toContain(org);
    expect(await runClosure(org, asOf)).toEqual(["no closure"]);
  });

  it("goes in bounded steps that resume where they stopped, and records a refused revocation without stopping", async () => {
    const { organization, owner } = await createTenant(["owner"]);
    const org = organization.id;
    const x = await connectedAccount(owner, "x");
    const instagram = await createSocialAccount(owner, { platform: "instagram" });
    for (let i = 0; i < 3; i++) await createEvent(org);
    await insertMetrics(org, new Date(), 120);
    await queueFault("x", "revoke", "server_error", { account: x.connected.platformUserId });
    const closure = (await (await requestClosure(owner.headers, organization.slug)).json()) as ClosureBody;
    const asOf = afterGrace(closure);
    expect((await runClosureStep(config(), org, new Date())).did).toBe("grace period");

    // A few steps, as a run that stopped would have left it …
    const firstSteps: string[] = [];
    for (let i = 0; i < 8; i++) firstSteps.push((await runClosureStep(config(), org, asOf)).did);
    expect(firstSteps[0]).toBe("purge started");
    const chunks = firstSteps.filter((s) => s.startsWith("rows "));
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks)
      expect(Number(chunk.split(" ")[2])).toBeLessThanOrEqual(config().LIFECYCLE_CHUNK_ROWS);

    // … and the rest the next night: resumed, to the end.
    const rest = await runClosure(org, asOf);
    expect(rest.at(-1)).toBe("receipt written");
    const metricChunks = [...firstSteps, ...rest].filter((s) => s.startsWith("rows engagement_metrics"));
    expect(metricChunks.length).toBeGreaterThanOrEqual(3);

    const row = await closureOf(org);
    expect(row?.status).toBe("purged");
    expect(row?.removedRows.engagement_metrics).toBe(120);
    expect(row?.removedRows.events).toBe(3);
    const outcomes = Object.fromEntries(row!.tokenRevocations.map((t) => [t.social_account_id, t]));
    expect(outcomes[x.row.id]).toMatchObject({ outcome: "failed", error_kind: "transient" });
    expect(outcomes[instagram.id]).toMatchObject({ outcome: "unsupported" });
    expect(await tablesNaming(org)).toEqual({});
  });

  it("is started by the nightly cron once the grace period is over", async () => {
    const { organization, owner } = await createTenant(["owner"]);
    const org = organization.id;
    await createEvent(org);
    const closure = (await (await requestClosure(owner.headers, organization.slug)).json()) as ClosureBody;
    await inTenant({ db: testDb(), organizationId: org }, (db) => ({
      ended: db.execute(
        sql`update organization_closures set purge_after = now() - interval '1 minute' where id = ${closure.id}`,
      ),
    }));
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: CRON_MAINTAIN_PARTITIONS }), env, ctx);
    await waitOnExecutionContext(ctx);
    await vi.waitFor(async () => expect((await closureOf(org))?.status).toBe("purged"), {
      timeout: 60_000,
      interval: 250,
    });
    expect(await tablesNaming(org)).toEqual({});
  });
});
