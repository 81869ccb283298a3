/**
 * An embargo on a media asset through the API: set on upload or with PATCH /v1/media/{id} (strict,
 * If-Match, audited), answered with when it lifts, and counted in the embargo of the content that
 * uses the asset.
 */
import { describe, expect, it, vi } from "vitest";
import { auditRows } from "../support/audit.ts";
import { createContent } from "../support/content.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem } from "../support/http.ts";
import { png } from "../support/media-files.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, type TestUser } from "../support/tenants.ts";
import { createSession, type Embargoed, fromNow, HOUR, iso, moveSession } from "./support.ts";

type Media = Embargoed & { id: string };

const upload = (user: TestUser, query: string) => {
  const bytes = png(12, 12);
  return call(`/v1/media?filename=badge.png${query}`, {
    method: "POST",
    headers: { ...user.headers, "content-type": "image/png", "content-length": String(bytes.length) },
    body: bytes,
  });
};

const patch = (user: TestUser, id: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/v1/media/${id}`, {
    method: "PATCH",
    headers: { ...user.headers, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("a media asset's embargo", () => {
  it("is set on upload, read back, listed, and counted in the embargo of content that uses the asset", async () => {
    const { owner } = await createTenant();
    const lift = fromNow(HOUR);
    const response = await upload(owner, `&embargo_until=${encodeURIComponent(iso(lift))}`);
    expect(response.status).toBe(201);
    const media = (await response.json()) as Media;
    expect(media).toMatchObject({
      embargo_until: iso(lift),
      embargo_session_id: null,
      embargo_lifts_at: iso(lift),
    });
    const { response: read, roundTrips } = await measure(`/v1/media/${media.id}`, { headers: owner.headers });
    expect(roundTrips).toBe(1);
    expect(await read.json()).toMatchObject({ embargo_lifts_at: iso(lift) });
    const list = (await (await call("/v1/media", { headers: owner.headers })).json()) as { data: Media[] };
    expect(list.data.find((m) => m.id === media.id)).toMatchObject({ embargo_lifts_at: iso(lift) });

    const ownLift = fromNow(HOUR / 2);
    const row = await createContent(owner.organizationId, { mediaAssets: [media.id] });
    const content = await call(`/v1/content/${row.id}`, { headers: owner.headers });
    expect(await content.json()).toMatchObject({ embargo_until: null, embargo_lifts_at: iso(lift) });
    const patched = await call(`/v1/content/${row.id}`, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ embargo_until: iso(ownLift) }),
    });
    // Its own embargo lifts earlier than the asset's: the asset's still holds the content.
    expect(await patched.json()).toMatchObject({ embargo_until: iso(ownLift), embargo_lifts_at: iso(lift) });
  });

  it("PATCH sets, moves or lifts it (following a session too), audited, refusing stale and unknown input", async () => {
    const { owner } = await createTenant();
    const media = (await (await upload(owner, "")).json()) as Media & { updated_at: string };
    expect(media.embargo_lifts_at).toBeNull();
    const event = await createEvent(owner.organizationId);
    const start = fromNow(3 * HOUR);
    const session = await createSession(owner.organizationId, event.id, start);

    // Processing touches a new asset once; the version to send as If-Match is the one after it.
    const etag = await vi.waitFor(
      async () => {
        const read = await call(`/v1/media/${media.id}`, { headers: owner.headers });
        const body = (await read.json()) as { processing_status: string };
        if (body.processing_status !== "ready") throw new Error(`still ${body.processing_status}`);
        return read.headers.get("etag") ?? "";
      },
      { timeout: 10_000, interval: 100 },
    );
    const set = await patch(owner, media.id, { embargo_session_id: session.id }, { "if-match": etag });
    expect(set.status).toBe(200);
    expect(set.headers.get("etag")).not.toBe(etag);
    expect(await set.json()).toMatchObject({ embargo_session_id: session.id, embargo_lifts_at: iso(start) });
    await expectProblem(
      await patch(owner, media.id, { embargo_until: null }, { "if-match": etag }),
      412,
      "precondition_failed",
    );

    const moved = fromNow(4 * HOUR);
    await moveSession(owner.organizationId, session.id, moved);
    const after = await call(`/v1/media/${media.id}`, { headers: owner.headers });
    expect(await after.json()).toMatchObject({ embargo_lifts_at: iso(moved) });

    const lifted = await patch(owner, media.id, { embargo_session_id: null });
    expect(await lifted.json()).toMatchObject({ embargo_session_id: null, embargo_lifts_at: null });
    expect(
      (await auditRows(owner.organizationId, media.id))
        .filter((a) => a.action === "media.update")
        .map((a) => a.changes),
    ).toEqual([
      { embargo_session_id: { from: null, to: session.id } },
      { embargo_session_id: { from: session.id, to: null } },
    ]);

    await expectProblem(
      await patch(owner, media.id, { embargo_session_id: crypto.randomUUID() }),
      404,
      "event_session_not_found",
    );
    const unknown = await expectProblem(
      await patch(owner, media.id, { filename: "x.png" }),
      400,
      "validation_failed",
    );
    expect(unknown.errors?.map((e) => e.code)).toContain("unknown_field");
    await expectProblem(await patch(owner, media.id, {}), 400, "validation_failed");
    await expectProblem(
      await upload(owner, `&embargo_session_id=${crypto.randomUUID()}`),
      404,
      "event_session_not_found",
    );
  });
});
