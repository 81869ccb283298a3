/**
 * Erasure on request (services/erasure): a delegate, a user and an inbound author are written into
 * every place the system can hold them, through the API and the real pipelines where a person or an
 * admin puts them there (directly where only a platform or a failing dependency would), then erased;
 * afterwards no row of any table and no object of any R2 bucket holds their name, address or handle,
 * the retention archive they were in still verifies, and the receipt and the audit trail say what went
 * without saying who.
 */
import { env } from "cloudflare:workers";
import { type SQL, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { inTenant } from "../../src/db/tenant.ts";
import { verifyArchive } from "../../src/platform/archive-format.ts";
import { failedDeliveryKey } from "../../src/services/inbound/delivery-archive.ts";
import { storeObservations } from "../../src/services/inbound/ingest-delivery.ts";
import { createApprovalRequest } from "../support/approvals.ts";
import { systemContext } from "../support/content.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { createInboundFailure, createInboundItem, inboundItemsOf, observation } from "../support/inbound.ts";
import {
  archivesOf,
  archivesReader,
  auditRowsOf,
  ensurePartitionsFrom,
  monthsAgo,
  runRetention,
} from "../support/lifecycle.ts";
import { uploadFile } from "../support/media.ts";
import { png } from "../support/media-files.ts";
import { createNotification } from "../support/notifications.ts";
import { createPublishedPost } from "../support/publishing.ts";
import { createTemplate } from "../support/templates.ts";
import { createTenant, TEST_PASSWORD, type TestUser, testDb } from "../support/tenants.ts";
import { createWallItem, createWidgetEvent } from "../support/wall.ts";
import { createFinishedDelivery } from "../support/webhooks.ts";
import { objectsHolding, tablesHolding } from "./scan.ts";

/** Letters only, so a name stays one word and unlike any other test's. */
const distinct = () =>
  crypto
    .randomUUID()
    .replaceAll("-", "")
    .slice(0, 10)
    .replace(/\d/g, (d) => "qwrtypsdfg"[Number(d)]!);

interface Receipt {
  id: string;
  subject: { type: string; id: string | null; platform: string | null };
  status: string;
  removed: Record<string, number>;
  redacted: Record<string, number>;
  error: string | null;
  requested_at: string;
  completed_at: string | null;
}

const run = (organizationId: string, statement: SQL) =>
  inTenant({ db: testDb(), organizationId }, (db) => ({ done: db.execute(statement) }));

async function erase(admin: TestUser, subject: Record<string, unknown>): Promise<Receipt> {
  // Asked twice at once: one erasure, both answers name it.
  const answers = await Promise.all(
    [0, 1].map(() => postJson("/v1/erasures", { subject }, { headers: admin.headers })),
  );
  expect(answers.map((a) => a.status)).toEqual([202, 202]);
  const [first, second] = (await Promise.all(answers.map((a) => a.json()))) as [Receipt, Receipt];
  expect(second.id).toBe(first.id);
  expect(answers[0]!.headers.get("location")).toBe(`/v1/erasures/${first.id}`);
  let done: Receipt | undefined;
  await vi.waitFor(
    async () => {
      const response = await call(`/v1/erasures/${first.id}`, { headers: admin.headers });
      done = (await response.json()) as Receipt;
      expect(done.status).toBe("completed");
    },
    { timeout: 60_000, interval: 100 },
  );
  return done!;
}

async function exportAndWait(admin: TestUser, body: Record<string, unknown>): Promise<string> {
  const created = await postJson("/v1/exports", body, { headers: admin.headers });
  expect(created.status).toBe(202);
  const { id } = (await created.json()) as { id: string };
  await vi.waitFor(
    async () => {
      const read = await call(`/v1/exports/${id}`, { headers: admin.headers });
      expect(((await read.json()) as { status: string }).status).toBe("completed");
    },
    { timeout: 60_000, interval: 100 },
  );
  return id;
}

/** The receipt and the erasure's audit rows say what went, never who. */
async function expectAuditedWithoutThem(organizationId: string, receipt: Receipt, terms: string[]) {
  const created = await auditRowsOf(organizationId, "erasure.create");
  const completed = await auditRowsOf(organizationId, "erasure.complete");
  expect(created.map((r) => r.entity_id)).toContain(receipt.id);
  const done = completed.find((r) => r.entity_id === receipt.id);
  expect(done).toMatchObject({ entity_type: "erasure", changes: { removed: receipt.removed } });
  const text = JSON.stringify([receipt, created, completed]).toLowerCase();
  for (const term of terms) expect(text).not.toContain(term.toLowerCase());
}

const SLOW = { timeout: 180_000 };

describe("erasure of a delegate", SLOW, () => {
  it("removes them from every table, version, export, archive, bucket and cached answer", async () => {
    const { owner } = await createTenant();
    const org = owner.organizationId;
    const tag = distinct();
    const first = `Zephyrine${tag}`;
    const last = `Quattlebaum${tag}`;
    const full = `${first} ${last}`;
    const email = `zq.${tag}@example.test`;
    const handle = `zq${tag}`;
    const terms = [full, email, handle];

    const { event, widgets } = await createWidgetEvent(org);
    const upload = await uploadFile(owner, png(4, 4), {
      type: "image/png",
      filename: `${first}-${last}.png`,
    });
    expect(upload.status).toBe(201);
    const photo = (await upload.json()) as { id: string };
    const created = await postJson(
      `/v1/events/${event.id}/delegates`,
      {
        title: "Dr",
        first_name: first,
        last_name: last,
        email,
        designation: "Chief Scientist",
        social_handles: { x: `@${handle}` },
        featured: true,
        photo_media_id: photo.id,
      },
      { headers: { ...owner.headers, "idempotency-key": `delegate-${tag}` } },
    );
    expect(created.status).toBe(201);
    const delegate = (await created.json()) as { id: string };

    // The agenda names them: a session they speak at.
    const phaseId = crypto.randomUUID();
    const sessionId = crypto.randomUUID();
    await run(
      org,
      sql`with p as (insert into event_phases (id, organization_id, event_id, name) values (${phaseId}, ${org}, ${event.id}, 'Day 1') returning id),
          s as (insert into event_sessions (id, organization_id, event_id, phase_id, title, starts_at, ends_at)
                select ${sessionId}, ${org}, ${event.id}, p.id, ${`Keynote by ${full}`}, now(), now() + interval '1 hour' from p returning id)
          insert into event_session_speakers (organization_id, session_id, delegate_id) select ${org}, s.id, ${delegate.id} from s`,
    );

    // Content naming them, in two versions, and a draft a template rendered.
    const content = await postJson(
      "/v1/content",
      {
        content_type: "post",
        title: `Meet ${full}`,
        caption: `${full} (@${handle}) opens day one. Write to ${email}.`,
        hashtags: [`#${first}${last}`],
        target_platforms: ["x"],
        event_id: event.id,
      },
      { headers: owner.headers },
    );
    expect(content.status).toBe(201);
    const post = (await content.json()) as { id: string };
    await run(
      org,
      sql`insert into content (organization_id, event_id, parent_version_id, version, content_type, title, caption)
          values (${org}, ${event.id}, ${post.id}, 2, 'post', ${`Meet Dr ${last}`}, ${`Dr ${last} and ${full}`})`,
    );
    const template = await createTemplate(org, {
      templateData: {
        title: "Meet {{delegate.full_name}}",
        caption: "{{delegate.full_name}} ({{delegate.handle.x}}) speaks today.",
        target_platforms: ["x"],
      },
    });
    const rendered = await postJson(
      `/v1/templates/${template.id}/render`,
      { event_id: event.id, delegate_id: delegate.id },
      { headers: owner.headers },
    );
    expect(rendered.status).toBe(201);

    // What only the platforms, the outbox and the webhooks write.
    await createNotification(org, owner.id, { title: `${full} was added to the programme` });
    const published = await createPublishedPost(org, "published");
    await run(
      org,
      sql`update published_posts set published_content = ${JSON.stringify({ text: `Welcome ${full}` })}::jsonb where id = ${published.id}`,
    );
    await run(
      org,
      sql`insert into publish_attempts (organization_id, published_post_id, attempt_number, outcome, platform_response)
          values (${org}, ${published.id}, 1, 'succeeded', ${JSON.stringify({ text: `Welcome @${handle}` })}::jsonb)`,
    );
    const delivery = await createFinishedDelivery(org);
    await run(
      org,
      sql`update webhook_events set data = ${JSON.stringify({ caption: `Meet ${full}` })}::jsonb
          where id = (select event_id from webhook_deliveries where id = ${delivery.deliveryId})`,
    );
    await run(
      org,
      sql`update webhook_deliveries set response_body = ${`ok ${email}`} where id = ${delivery.deliveryId}`,
    );

    // People mention them: an item naming their handle (matched to them), judged; an old one, archived.
    const mention = await createInboundItem(
      org,
      { content: { text: `Great talk @${handle}!`, mentionedHandles: [handle] } },
      { eventId: event.id },
    );
    expect(mention.mentionedDelegateIds).toEqual([delegate.id]);
    await run(
      org,
      sql`insert into sentiment_analysis (organization_id, event_id, platform, text_content, sentiment, inbound_item_id, entities)
          values (${org}, ${event.id}, 'x', ${`Great talk @${handle}!`}, 'positive', ${mention.id},
                  ${JSON.stringify([{ text: `@${handle}`, type: "mention" }])}::jsonb)`,
    );
    await ensurePartitionsFrom(monthsAgo(30));
    await createInboundItem(
      org,
      { content: { text: `Thanks ${full}, see you next year` } },
      { receivedAt: monthsAgo(30) },
    );
    await runRetention(org);
    const archive = (await archivesOf(org)).find((a) => a.source === "inbound_items");
    expect(archive?.status).toBe("deleted");

    await exportAndWait(owner, { scope: "organization" });

    // The public speakers widget shows them (and its answer is cached).
    const speakers = async () => (await call(`/public/v1/events/${widgets.publicKey}/speakers`)).text();
    expect(await speakers()).toContain(full);

    const before = await tablesHolding(terms);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining([
        "public.delegates",
        "public.content",
        "public.notifications",
        "public.idempotency_keys",
      ]),
    );
    expect((await objectsHolding(terms)).length).toBeGreaterThan(0);

    const receipt = await erase(owner, { type: "delegate", id: delegate.id });

    expect(await tablesHolding(terms)).toEqual({});
    expect(await objectsHolding(terms)).toEqual([]);
    expect(receipt).toMatchObject({
      subject: { type: "delegate", id: delegate.id, platform: null },
      error: null,
      removed: {
        delegates: 1,
        event_session_speakers: 1,
        media_assets: 1,
        media_objects: 1,
        exports: 1,
      },
    });
    expect(receipt.removed.export_files).toBeGreaterThan(1);
    expect(receipt.redacted).toMatchObject({
      content: 3,
      event_sessions: 1,
      notifications: 1,
      published_posts: 1,
      publish_attempts: 1,
      inbound_items: 1,
      webhook_events: 1,
      webhook_deliveries: 1,
      inbound_item_mentions: 1,
      archive_parts: 1,
      archived_rows: 1,
    });
    expect(receipt.redacted.idempotency_keys).toBeGreaterThanOrEqual(1);
    // Ours, and those the analyser wrote as the items arrived.
    expect(receipt.redacted.sentiment_analysis).toBeGreaterThanOrEqual(1);
    expect(Date.parse(receipt.completed_at!)).toBeGreaterThanOrEqual(Date.parse(receipt.requested_at));
    await expectAuditedWithoutThem(org, receipt, terms);

    // The archive they were cut out of still verifies; the public widget no longer shows them.
    const verified = await verifyArchive(archivesReader(), archive!.prefix);
    expect(verified.problems).toEqual([]);
    expect(verified.manifest?.rows).toBe(1);
    expect(await speakers()).not.toContain(first);
    await expectProblem(
      await call(`/v1/events/${event.id}/delegates/${delegate.id}`, { headers: owner.headers }),
      404,
      "delegate_not_found",
    );
    await expectProblem(
      await postJson(
        "/v1/erasures",
        { subject: { type: "delegate", id: delegate.id } },
        { headers: owner.headers },
      ),
      404,
      "delegate_not_found",
    );
  });
});

describe("erasure of a user", SLOW, () => {
  it("removes the member, their sessions, codes, inbox and words, and keeps the trail without them", async () => {
    const { owner, admin } = await createTenant(["owner", "admin"]);
    const org = owner.organizationId;
    const tag = distinct();
    const full = `Ottoline${tag} Brackenbury${tag}`;
    const email = `ob.${tag}@example.test`;
    const terms = [full, email];

    const made = await postJson(
      "/v1/users",
      {
        email,
        first_name: `Ottoline${tag}`,
        last_name: `Brackenbury${tag}`,
        role: "editor",
        password: TEST_PASSWORD,
      },
      { headers: { ...admin.headers, "idempotency-key": `user-${tag}` } },
    );
    expect(made.status).toBe(201);
    const user = (await made.json()) as { id: string };
    const login = await postJson(
      "/v1/auth/login",
      { email, password: TEST_PASSWORD },
      { headers: { "cf-connecting-ip": "10.77.0.9" } },
    );
    expect(login.status).toBe(200);
    await run(
      org,
      sql`insert into mfa_recovery_codes (organization_id, user_id, code_hash) values (${org}, ${user.id}, ${tag})`,
    );
    const keyId = crypto.randomUUID();
    await run(
      org,
      sql`insert into api_keys (id, organization_id, name, prefix, secret_hash, permissions, created_by)
          values (${keyId}, ${org}, 'Their integration', ${`gk_live_${tag.slice(0, 8)}`}, ${tag}, '{content:read}', ${user.id})`,
    );
    await createNotification(org, user.id, { title: "Content waits for your approval" });
    const content = await postJson(
      "/v1/content",
      { content_type: "post", caption: `Interview with ${full}`, target_platforms: ["x"] },
      { headers: owner.headers },
    );
    expect(content.status).toBe(201);
    // Their comment on an approval, and the notification that carried it to the author.
    const request = await createApprovalRequest(org);
    const actionId = crypto.randomUUID();
    await run(
      org,
      sql`insert into approval_actions (id, organization_id, approval_request_id, step_number, action, actioned_by, comment)
          values (${actionId}, ${org}, ${request.id}, 1, 'comment', ${user.id}, 'Please use my new title')`,
    );
    await run(
      org,
      sql`insert into notifications (organization_id, user_id, type, title, message, dedupe_key)
          values (${org}, ${owner.id}, 'approval.commented', 'A comment', 'Please use my new title', ${`approval:${actionId}`})`,
    );
    await exportAndWait(admin, { scope: "user", user_id: user.id });
    expect(Object.keys(await tablesHolding(terms))).toContain("public.users");

    // The organisation's last active owner cannot be erased.
    await expectProblem(
      await postJson("/v1/erasures", { subject: { type: "user", id: owner.id } }, { headers: admin.headers }),
      409,
      "last_owner",
    );

    const receipt = await erase(admin, { type: "user", id: user.id });

    expect(await tablesHolding([...terms, "Please use my new title"])).toEqual({});
    expect(await objectsHolding(terms)).toEqual([]);
    expect(receipt).toMatchObject({
      subject: { type: "user", id: user.id, platform: null },
      removed: { users: 1, notifications: 1, mfa_codes: 1, exports: 1 },
      redacted: { content: 1, approval_actions: 1, notifications: 1 },
    });
    expect(receipt.removed.sessions).toBeGreaterThanOrEqual(1);
    expect(receipt.redacted.idempotency_keys).toBeGreaterThanOrEqual(1);
    await expectAuditedWithoutThem(org, receipt, terms);

    // The trail keeps what happened: their rows stay, by entity id, without naming them.
    const { rows } = await inTenant({ db: testDb(), organizationId: org }, (db) => ({
      rows: db.execute<{ action: string; user_id: string | null; changes: Record<string, unknown> }>(
        sql`select action, user_id::text, changes from audit_logs where organization_id = ${org} and entity_id = ${user.id}`,
      ),
      key: db.execute(sql`select created_by from api_keys where id = ${keyId}`),
    }));
    expect(rows.rows.map((r) => r.action)).toEqual(expect.arrayContaining(["user.create", "user.login"]));
    expect(rows.rows.filter((r) => r.action === "user.login").every((r) => r.user_id === null)).toBe(true);
    expect(rows.rows.find((r) => r.action === "user.create")?.changes).toMatchObject({ email: "[withheld]" });
    const signIn = await postJson(
      "/v1/auth/login",
      { email, password: TEST_PASSWORD },
      { headers: { "cf-connecting-ip": "10.77.0.9" } },
    );
    expect(signIn.status).toBe(401);
  });
});

describe("erasure of an inbound author", SLOW, () => {
  it("removes what they wrote, their handle everywhere, their kept deliveries and archived items", async () => {
    const { owner } = await createTenant();
    const org = owner.organizationId;
    const tag = distinct();
    const handle = `wk${tag}`;
    const name = `Wanjiru${tag} Kamau${tag}`;
    const terms = [handle, name];
    const author = {
      platformId: `id-${tag}`,
      handle,
      name,
      avatarUrl: null,
      followers: 40,
      accountCreatedAt: null,
    };

    const { event, widgets } = await createWidgetEvent(org, {
      filters: {
        blocked_authors: [{ platform: "x", handle: `other${tag}` }],
        allowed_authors: [{ platform: "x", handle }],
      },
    });
    const walled = await createWallItem(org, event.id, {
      content: { text: "Loved the opening panel", author },
    });
    await createInboundItem(org, { content: { text: "Where is hall B?", author } }, { eventId: event.id });
    await createInboundItem(
      org,
      {
        content: {
          text: `Agree with @${handle} on this`,
          author: { ...author, handle: `fan${tag}`, name: "A Fan" },
        },
      },
      { eventId: event.id },
    );
    await run(
      org,
      sql`insert into sentiment_analysis (organization_id, event_id, platform, text_content, sentiment, inbound_item_id)
          values (${org}, ${event.id}, 'x', 'Loved the opening panel', 'positive', ${walled.id})`,
    );
    // Two years and a half ago: their item and its sentiment, archived by retention.
    await ensurePartitionsFrom(monthsAgo(30));
    const old = await createInboundItem(
      org,
      { content: { text: "An older question", author } },
      { receivedAt: monthsAgo(30) },
    );
    await run(
      org,
      sql`insert into sentiment_analysis (organization_id, platform, text_content, sentiment, inbound_item_id, analyzed_at)
          values (${org}, 'x', 'An older question', 'neutral', ${old.id}, ${monthsAgo(30).toISOString()}::timestamptz)`,
    );
    await runRetention(org);
    // Our reply names them; a delivery naming them could not be stored and is kept in R2.
    expect(
      (
        await postJson(
          "/v1/content",
          { content_type: "post", caption: `Thanks @${handle}, see you there`, target_platforms: ["x"] },
          { headers: owner.headers },
        )
      ).status,
    ).toBe(201);
    const failure = await createInboundFailure(org);
    const kept = failedDeliveryKey({ platform: "x", delivery_id: failure.deliveryId });
    await env.MEDIA.put(kept, JSON.stringify({ message: { body: `{"user":{"screen_name":"${handle}"}}` } }));
    await exportAndWait(owner, {
      scope: "inbound_author",
      platform: "x",
      handle: `@${handle.toUpperCase()}`,
    });
    const wall = async () => (await call(`/public/v1/events/${widgets.publicKey}/wall`)).text();
    expect(await wall()).toContain(handle);

    const receipt = await erase(owner, { type: "inbound_author", platform: "x", handle: `@${handle}` });

    expect(await tablesHolding([...terms, "Loved the opening panel", "An older question"])).toEqual({});
    expect(await objectsHolding([...terms, "Loved the opening panel", "An older question"])).toEqual([]);
    expect(receipt).toMatchObject({
      subject: { type: "inbound_author", id: null, platform: "x" },
      removed: { inbound_items: 2, kept_deliveries: 1, exports: 1, archived_rows: 2 },
      redacted: { inbound_items: 1, content: 1, event_widgets: 1, archive_parts: 2 },
    });
    expect(receipt.removed.sentiment_analysis).toBeGreaterThanOrEqual(2);
    await expectAuditedWithoutThem(org, receipt, terms);
    for (const archive of await archivesOf(org)) {
      expect((await verifyArchive(archivesReader(), archive.prefix)).problems).toEqual([]);
    }
    expect(await wall()).not.toContain(handle);

    // Their item delivered again stays out: its key is kept as a tombstone.
    await storeObservations(
      systemContext(org),
      [
        {
          observation: observation({
            itemId: walled.platformItemId,
            content: { text: "Loved the opening panel", author },
          }),
          socialAccountId: null,
          eventId: event.id,
        },
      ],
      new Date(),
    );
    expect(await inboundItemsOf(org, { itemId: walled.platformItemId })).toEqual([]);
  });
});
