/**
 * Exports (services/exports): of an organisation and of one person, built in the background in
 * bounded chunks, polled for progress, downloaded through a signed, expiring link as one tar of
 * NDJSON.gz per table, the media files and a manifest that verifies.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { auditLogs } from "../../src/db/schema/audit-logs.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { gunzipLines, MANIFEST_NAME, verifyArchive } from "../../src/platform/archive-format.ts";
import { systemContext } from "../../src/services/context.ts";
import { requestExport } from "../../src/services/exports/exports.ts";
import { signExportLink } from "../../src/services/exports/link.ts";
import { createDelegate, createEventWithDelegate } from "../support/delegates.ts";
import { BASE_URL, call, expectProblem, postJson } from "../support/http.ts";
import { createInboundItem } from "../support/inbound.ts";
import {
  archivesReader,
  auditRowsOf,
  config,
  exportRow,
  keysUnder,
  ndjsonRows,
  runExport,
  runRetention,
  tarReader,
  untar,
} from "../support/lifecycle.ts";
import { type MediaBody, uploadFile } from "../support/media.ts";
import { png } from "../support/media-files.ts";
import { queueRecorder } from "../support/queues.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, createUser, type TestUser, testDb } from "../support/tenants.ts";

interface ExportBody {
  id: string;
  scope: string;
  subject: Record<string, string>;
  status: string;
  progress: {
    percent: number;
    rows_written: number;
    rows_total: number;
    media_written: number;
    chunks: number;
  };
  download_url: string | null;
  download_expires_at: string | null;
  expires_at: string | null;
}

const exportOf = async (user: TestUser, id: string) =>
  (await (await call(`/v1/exports/${id}`, { headers: user.headers })).json()) as ExportBody;

/** Polls the export until it completes; answers every state seen on the way. */
async function pollUntilDone(user: TestUser, id: string): Promise<ExportBody[]> {
  const seen: ExportBody[] = [];
  await vi.waitFor(
    async () => {
      const body = await exportOf(user, id);
      seen.push(body);
      expect(body.status).toBe("completed");
    },
    { timeout: 30_000, interval: 50 },
  );
  return seen;
}

/** Downloads a finished export's archive and reads its files. */
async function download(url: string) {
  const response = await call(url.slice(BASE_URL.length));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/x-tar");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect(bytes.byteLength).toBe(Number(response.headers.get("content-length")));
  const files = untar(bytes);
  const folder = `${[...files.keys()][0]!.split("/")[0]}/`;
  return { files, folder, reader: tarReader(files, folder) };
}

async function uploadPng(user: TestUser, size: number) {
  const bytes = png(size, size);
  const response = await uploadFile(user, bytes, { type: "image/png", filename: `photo-${size}.png` });
  expect(response.status).toBe(201);
  return { bytes, media: (await response.json()) as MediaBody };
}

/** Exports run through the real queue: a few seconds each. */
const SLOW = { timeout: 60_000 };

describe("exports of an organisation", SLOW, () => {
  it("builds in the background with progress moving, and its archive holds the rows and the media bytes", async () => {
    const { owner, organization } = await createTenant();
    const { event } = await createEventWithDelegate(organization.id);
    for (let i = 0; i < 60; i++)
      await createDelegate(organization.id, event.id, { firstName: `Delegate${i}` });
    const { bytes, media } = await uploadPng(owner, 7);

    const created = await postJson("/v1/exports", { scope: "organization" }, { headers: owner.headers });
    expect(created.status).toBe(202);
    const body = (await created.json()) as ExportBody;
    expect(created.headers.get("location")).toBe(`/v1/exports/${body.id}`);
    expect(body).toMatchObject({ scope: "organization", status: "queued", download_url: null });
    expect(body.progress.percent).toBe(0);

    const seen = await pollUntilDone(owner, body.id);
    const percents = seen.map((s) => s.progress.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    const done = seen.at(-1)!;
    expect(done.progress).toMatchObject({ percent: 100, media_written: 1, media_total: 1 });
    // Counted when it started; rows written meanwhile (the upload's processing) may come along too.
    expect(done.progress.rows_written).toBeGreaterThanOrEqual(61);
    // 61 delegates in chunks of 50, and every other table's chunk: the work went in many steps.
    expect(done.progress.chunks).toBeGreaterThan(20);
    expect(done.download_url).toMatch(/^http:\/\/guddu\.test\/exports\/download\//);
    expect(Date.parse(done.download_expires_at!)).toBeGreaterThan(Date.now());

    const { files, folder, reader } = await download(done.download_url!);
    expect([...files.keys()][0]).toBe(`${folder}${MANIFEST_NAME}`);
    const verified = await verifyArchive(reader, "");
    expect(verified.problems).toEqual([]);
    const manifest = verified.manifest!;
    expect(manifest).toMatchObject({
      kind: "export",
      scope: "organization",
      organization_id: organization.id,
    });
    expect(manifest.tables.find((t) => t.name === "delegates")?.rows).toBe(61);
    expect(manifest.files.filter((f) => f.table === "delegates").map((f) => f.rows)).toEqual([50, 11]);

    const lines = async (table: string) =>
      (
        await Promise.all(
          manifest.files
            .filter((f) => f.table === table)
            .map(async (f) => (await gunzipLines((await reader.get(f.path))!)).map((l) => JSON.parse(l))),
        )
      ).flat() as Array<Record<string, unknown>>;
    expect((await lines("delegates")).map((d) => d.first_name)).toEqual(
      expect.arrayContaining(["Delegate0", "Delegate59"]),
    );
    const users = await lines("users");
    expect(users.map((u) => u.id)).toEqual([owner.id]);
    expect(users[0]).not.toHaveProperty("password_hash");
    expect(users[0]).not.toHaveProperty("totp_secret");
    expect(manifest.tables.find((t) => t.name === "users")?.columns.map((c) => c.name)).not.toContain(
      "password_hash",
    );
    expect((await lines("organizations"))[0]).toMatchObject({ id: organization.id });

    const photo = manifest.files.find((f) => f.media_id === media.id)!;
    expect(photo).toMatchObject({
      path: `media/${media.id}`,
      content_type: "image/png",
      sha256: media.sha256,
    });
    expect(await reader.get(photo.path)).toEqual(bytes);

    const [audit] = await auditRowsOf(organization.id, "export.create");
    expect(audit).toMatchObject({
      entity_type: "data_export",
      entity_id: body.id,
      changes: { scope: "organization" },
    });
  });

  it("moves in bounded chunks, each step a little further", async () => {
    const { organization } = await createTenant();
    const { event } = await createEventWithDelegate(organization.id);
    for (let i = 0; i < 120; i++) await createDelegate(organization.id, event.id);
    // A time series is read by time and id: rows sharing a time are neither skipped nor repeated.
    const sameMoment = new Date();
    const auditIds = Array.from({ length: 75 }, () => crypto.randomUUID());
    await inTenant({ db: testDb(), organizationId: organization.id }, (db) => ({
      rows: db.insert(auditLogs).values(
        auditIds.map((id, i) => ({
          id,
          organizationId: organization.id,
          actorType: "system" as const,
          action: "event.update",
          entityType: "event",
          entityId: event.id,
          createdAt: i % 3 === 0 ? sameMoment : new Date(sameMoment.getTime() - i * 1000),
        })),
      ),
    }));
    const queue = queueRecorder();
    // Asked without the queue running it: the test takes each step itself.
    const ctx = systemContext({ ...config(), LIFECYCLE_QUEUE: queue.queue }, organization.id, "test");
    const row = await requestExport(ctx, { scope: "organization" });
    expect(queue.sent()).toEqual([
      { type: "export", organization_id: organization.id, export_id: row.id, steps: 0 },
    ]);

    const steps = await runExport(organization.id, row.id);
    const written = steps.map((s) => s!.rowsWritten);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(steps.at(-1)).toMatchObject({ status: "completed", rowsWritten: steps.at(-1)!.rowsTotal });
    // No chunk wrote more than LIFECYCLE_CHUNK_ROWS rows.
    for (let i = 1; i < written.length; i++) expect(written[i]! - written[i - 1]!).toBeLessThanOrEqual(50);
    expect(
      steps.some((s) => s!.status === "running" && s!.rowsWritten > 0 && s!.rowsWritten < s!.rowsTotal),
    ).toBe(true);

    const prefix = `exports/${organization.id}/${row.id}/`;
    const verified = await verifyArchive(archivesReader(), prefix);
    expect(verified.problems).toEqual([]);
    const audit = (
      await Promise.all(
        verified
          .manifest!.files.filter((f) => f.table === "audit_logs")
          .map((f) => ndjsonRows(archivesReader(), `${prefix}${f.path}`)),
      )
    ).flat();
    expect(audit.length).toBeGreaterThanOrEqual(75);
    expect(new Set(audit.map((r) => r.id)).size).toBe(audit.length);
    expect(audit.map((r) => r.id)).toEqual(expect.arrayContaining(auditIds));
  });

  it("asking costs one round trip, and so does reading one or the list", async () => {
    const { owner } = await createTenant();
    const asked = await measure("/v1/exports", {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ scope: "user", user_id: owner.id }),
    });
    expect(asked.response.status).toBe(202);
    expect(asked.roundTrips).toBe(1);
    const { id } = (await asked.response.json()) as ExportBody;
    const read = await measure(`/v1/exports/${id}`, { headers: owner.headers });
    expect(read.response.status).toBe(200);
    expect(read.roundTrips).toBe(1);
    const list = await measure("/v1/exports?limit=10", { headers: owner.headers });
    expect(list.roundTrips).toBe(1);
    const page = (await list.response.json()) as { data: ExportBody[]; next_cursor: string | null };
    expect(page.data.map((e) => [e.id, e.scope, e.subject])).toEqual([[id, "user", { user_id: owner.id }]]);
  });

  it("another organisation's export is 404, and only owners and admins may export", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const created = (await (
      await postJson("/v1/exports", { scope: "organization" }, { headers: owner.headers })
    ).json()) as ExportBody;
    await expectProblem(
      await call(`/v1/exports/${created.id}`, { headers: other.owner.headers }),
      404,
      "export_not_found",
    );
    const editor = await createUser(owner.organizationId, { role: "editor" });
    await expectProblem(
      await postJson("/v1/exports", { scope: "organization" }, { headers: editor.headers }),
      403,
      "missing_permission",
    );
    const admin = await createUser(owner.organizationId, { role: "admin" });
    expect((await call(`/v1/exports/${created.id}`, { headers: admin.headers })).status).toBe(200);
  });

  it("a download link works until it expires; a forged one never", async () => {
    const { owner, organization } = await createTenant();
    const created = (await (
      await postJson("/v1/exports", { scope: "organization" }, { headers: owner.headers })
    ).json()) as ExportBody;
    const done = (await pollUntilDone(owner, created.id)).at(-1)!;
    const works = await call(done.download_url!.slice(BASE_URL.length));
    expect(works.status).toBe(200);
    await works.arrayBuffer();

    const twoHoursAgo = Date.now() - 2 * 3_600_000;
    const expired = await signExportLink(
      config(),
      { id: created.id, organizationId: organization.id },
      twoHoursAgo,
    );
    await expectProblem(await call(expired.url.slice(BASE_URL.length)), 404, "export_link_invalid");
    const token = done.download_url!.split("/").at(-1)!;
    await expectProblem(await call(`/exports/download/${token.slice(0, -2)}xx`), 404, "export_link_invalid");
    await expectProblem(await call("/exports/download/not-a-token"), 404, "export_link_invalid");
  });

  it("the nightly job deletes an export 7 days after it was completed, and its link stops working", async () => {
    const { owner, organization } = await createTenant();
    const created = (await (
      await postJson("/v1/exports", { scope: "organization" }, { headers: owner.headers })
    ).json()) as ExportBody;
    const done = (await pollUntilDone(owner, created.id)).at(-1)!;
    expect(await keysUnder(`exports/${organization.id}/${created.id}/`)).not.toEqual([]);

    await runRetention(organization.id, new Date(Date.now() + 8 * 86_400_000));

    expect(await keysUnder(`exports/${organization.id}/${created.id}/`)).toEqual([]);
    expect((await exportRow(organization.id, created.id))?.status).toBe("expired");
    expect((await exportOf(owner, created.id)).download_url).toBeNull();
    await expectProblem(await call(done.download_url!.slice(BASE_URL.length)), 404, "export_link_invalid");
  });
});

describe("exports of one person's data", SLOW, () => {
  it("a delegate's export holds their record, the items mentioning them and their photo, and nobody else's", async () => {
    const { owner, organization } = await createTenant();
    const { bytes, media } = await uploadPng(owner, 9);
    const { event, delegate } = await createEventWithDelegate(organization.id, { photoMediaId: media.id });
    const someoneElse = await createDelegate(organization.id, event.id);
    const mention = await createInboundItem(organization.id);
    await createInboundItem(organization.id);
    await inTenant({ db: testDb(), organizationId: organization.id }, (db) => ({
      tagged: db.execute(
        sql`update inbound_items set mentioned_delegate_ids = array[${delegate.id}::uuid] where id = ${mention.id}`,
      ),
    }));

    const created = await postJson(
      "/v1/exports",
      { scope: "delegate", delegate_id: delegate.id },
      { headers: owner.headers },
    );
    expect(created.status).toBe(202);
    const body = (await created.json()) as ExportBody;
    expect(body.subject).toEqual({ delegate_id: delegate.id });
    const done = (await pollUntilDone(owner, body.id)).at(-1)!;
    const { reader } = await download(done.download_url!);
    const verified = await verifyArchive(reader, "");
    expect(verified.problems).toEqual([]);
    const manifest = verified.manifest!;
    expect(manifest.tables.map((t) => [t.name, t.rows])).toEqual([
      ["delegates", 1],
      ["inbound_items", 1],
      ["audit_logs", 0],
    ]);
    const delegatesFile = manifest.files.find((f) => f.table === "delegates")!;
    const [row] = (await gunzipLines((await reader.get(delegatesFile.path))!)).map((l) => JSON.parse(l));
    expect(row).toMatchObject({ id: delegate.id, first_name: delegate.firstName });
    expect(JSON.stringify(manifest)).not.toContain(someoneElse.id);
    const itemsFile = manifest.files.find((f) => f.table === "inbound_items")!;
    const [item] = (await gunzipLines((await reader.get(itemsFile.path))!)).map((l) => JSON.parse(l));
    expect(item).toMatchObject({ id: mention.id });
    expect(item).not.toHaveProperty("search_vector");
    expect(await reader.get(`media/${media.id}`)).toEqual(bytes);

    // The audit row says an export of a delegate was asked for, not whose.
    const [audit] = await auditRowsOf(organization.id, "export.create");
    expect(audit?.changes).toEqual({ scope: "delegate" });
  });

  it("an inbound author's export holds what they wrote, found by platform and handle in any case", async () => {
    const { owner, organization } = await createTenant();
    const theirs = await createInboundItem(organization.id, {
      content: {
        author: {
          platformId: "77",
          handle: "Wanjiru_K",
          name: "Wanjiru",
          avatarUrl: null,
          followers: 3,
          accountCreatedAt: null,
        },
      },
    });
    await createInboundItem(organization.id);
    const body = (await (
      await postJson(
        "/v1/exports",
        { scope: "inbound_author", platform: "x", handle: "@wanjiru_k" },
        { headers: owner.headers },
      )
    ).json()) as ExportBody;
    expect(body.subject).toEqual({ platform: "x", handle: "wanjiru_k" });
    const done = (await pollUntilDone(owner, body.id)).at(-1)!;
    const { reader } = await download(done.download_url!);
    const manifest = (await verifyArchive(reader, "")).manifest!;
    expect(manifest.tables.find((t) => t.name === "inbound_items")?.rows).toBe(1);
    const file = manifest.files.find((f) => f.table === "inbound_items")!;
    expect((await gunzipLines((await reader.get(file.path))!)).map((l) => JSON.parse(l).id)).toEqual([
      theirs.id,
    ]);
  });

  it("a user's export holds their account without secrets and their audit trail", async () => {
    const { owner, organization } = await createTenant();
    const editor = await createUser(organization.id, { role: "editor" });
    const body = (await (
      await postJson("/v1/exports", { scope: "user", user_id: editor.id }, { headers: owner.headers })
    ).json()) as ExportBody;
    const done = (await pollUntilDone(owner, body.id)).at(-1)!;
    const { reader } = await download(done.download_url!);
    const manifest = (await verifyArchive(reader, "")).manifest!;
    expect(manifest.tables.find((t) => t.name === "users")?.rows).toBe(1);
    const file = manifest.files.find((f) => f.table === "users")!;
    const [user] = (await gunzipLines((await reader.get(file.path))!)).map((l) => JSON.parse(l));
    expect(user).toMatchObject({ id: editor.id, email: editor.email });
    expect(Object.keys(user).filter((k) => /password|secret|token|hash/.test(k))).toEqual([]);
  });

  it("a subject outside the organisation is 404", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const { delegate } = await createEventWithDelegate(other.organization.id);
    await expectProblem(
      await postJson(
        "/v1/exports",
        { scope: "delegate", delegate_id: delegate.id },
        { headers: owner.headers },
      ),
      404,
      "delegate_not_found",
    );
    await expectProblem(
      await postJson("/v1/exports", { scope: "user", user_id: other.owner.id }, { headers: owner.headers }),
      404,
      "user_not_found",
    );
    // Nothing of the refused requests was written or queued.
    expect(await keysUnder(`exports/${owner.organizationId}/`)).toEqual([]);
    expect(await auditRowsOf(owner.organizationId, "export.create")).toEqual([]);
  });
});
