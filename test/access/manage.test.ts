import { describe, expect, it } from "vitest";
import { putAccess } from "../support/access.ts";
import { auditRows } from "../support/audit.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant } from "../support/tenants.ts";

const START = "2027-03-09T03:00:00.000Z";
const END = "2027-03-12T15:00:00.000Z";

describe("PUT /v1/users/{id}/access", () => {
  it("sets a window and events in two round trips, answers them, audits the change once", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const [a, b] = await Promise.all([1, 2].map(() => createEvent(owner.organizationId)));
    const { response, roundTrips } = await measure(`/v1/users/${editor.id}/access`, {
      method: "PUT",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({
        starts_at: "2027-03-09T06:00:00+03:00",
        ends_at: END,
        event_ids: [b!.id, a!.id],
      }),
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(2);
    expect(await response.json()).toEqual({
      user_id: editor.id,
      starts_at: START,
      ends_at: END,
      ends_with_event_id: null,
      effective_ends_at: END,
      event_ids: [a!.id, b!.id].sort(),
      state: "not_started",
    });

    const read = await measure(`/v1/users/${editor.id}/access`, { headers: owner.headers });
    expect(read.roundTrips).toBe(1);
    expect(await read.response.json()).toMatchObject({ starts_at: START, event_ids: [a!.id, b!.id].sort() });
    const user = await (await call(`/v1/users/${editor.id}`, { headers: owner.headers })).json();
    expect(user).toMatchObject({
      access: { starts_at: START, ends_at: END, ends_with_event_id: null, limited_to_events: true },
    });

    const rows = (await auditRows(owner.organizationId, editor.id)).filter(
      (row) => row.action === "user.access_change",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: owner.id,
      entityType: "user",
      changes: {
        starts_at: { from: null, to: START },
        ends_at: { from: null, to: END },
        event_ids: { from: null, to: [a!.id, b!.id].sort() },
      },
    });

    // The same again changes nothing and writes nothing.
    const again = await putAccess(owner, editor.id, {
      starts_at: START,
      ends_at: END,
      event_ids: [a!.id, b!.id],
    });
    expect(again.status).toBe(200);
    expect(
      (await auditRows(owner.organizationId, editor.id)).filter((row) => row.action === "user.access_change"),
    ).toHaveLength(1);
  });

  it("ends with an event: answers the event's end as the effective one; an empty body lifts every limit", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const event = await createEvent(owner.organizationId);
    const tied = await putAccess(owner, editor.id, { ends_with_event_id: event.id });
    expect(await tied.json()).toMatchObject({
      ends_at: null,
      ends_with_event_id: event.id,
      effective_ends_at: event.endDate.toISOString(),
      event_ids: null,
      state: "open",
    });
    const lifted = await putAccess(owner, editor.id, {});
    expect(await lifted.json()).toEqual({
      user_id: editor.id,
      starts_at: null,
      ends_at: null,
      ends_with_event_id: null,
      effective_ends_at: null,
      event_ids: null,
      state: "open",
    });
  });

  it("refuses an end not after the start, two ends, repeated or unknown events, unknown fields", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const other = await createTenant();
    const event = await createEvent(owner.organizationId);
    const theirs = await createEvent(other.organization.id);
    const deleted = await createEvent(owner.organizationId, { deleted: true });

    const backwards = await expectProblem(
      await putAccess(owner, editor.id, { starts_at: END, ends_at: START }),
      400,
      "validation_failed",
    );
    expect(backwards.errors?.[0]).toMatchObject({ path: "json.ends_at", code: "invalid_range" });
    const before = await expectProblem(
      await putAccess(owner, editor.id, { starts_at: "2027-04-01T00:00:00Z", ends_with_event_id: event.id }),
      400,
      "validation_failed",
    );
    expect(before.errors?.[0]).toMatchObject({ path: "json.ends_with_event_id", code: "invalid_range" });
    const both = await expectProblem(
      await putAccess(owner, editor.id, { ends_at: END, ends_with_event_id: event.id }),
      400,
      "validation_failed",
    );
    expect(both.errors?.[0]).toMatchObject({ code: "conflicting_fields" });
    await expectProblem(
      await putAccess(owner, editor.id, { event_ids: [event.id, event.id] }),
      400,
      "validation_failed",
    );
    await expectProblem(await putAccess(owner, editor.id, { event_ids: [] }), 400, "validation_failed");
    for (const id of [theirs.id, deleted.id, crypto.randomUUID()]) {
      await expectProblem(await putAccess(owner, editor.id, { event_ids: [id] }), 404, "event_not_found");
      await expectProblem(
        await putAccess(owner, editor.id, { ends_with_event_id: id }),
        404,
        "event_not_found",
      );
    }
    const unknown = await call(`/v1/users/${editor.id}/access`, {
      method: "PUT",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ ends_at: END, role: "owner" }),
    });
    await expectProblem(unknown, 400, "validation_failed");
    // Nothing of it was written.
    const read = await (await call(`/v1/users/${editor.id}/access`, { headers: owner.headers })).json();
    expect(read).toMatchObject({ starts_at: null, ends_at: null, event_ids: null });
  });

  it("another organisation's user is 404 user_not_found", async () => {
    const { owner } = await createTenant();
    const other = await createTenant(["owner", "editor"]);
    await expectProblem(await putAccess(owner, other.editor.id, { ends_at: END }), 404, "user_not_found");
    await expectProblem(
      await call(`/v1/users/${other.editor.id}/access`, { headers: owner.headers }),
      404,
      "user_not_found",
    );
  });

  it("owners stay unlimited: 409 owner_not_limitable, also for a limited user's promotion", async () => {
    const { owner, admin } = await createTenant(["owner", "admin"]);
    await expectProblem(await putAccess(owner, owner.id, { ends_at: END }), 409, "owner_not_limitable");
    // An admin does not manage owners at all.
    await expectProblem(await putAccess(admin, owner.id, { ends_at: END }), 403, "user_outranks_you");
    // Lifting nothing from an owner is fine.
    expect((await putAccess(owner, owner.id, {})).status).toBe(200);

    expect((await putAccess(owner, admin.id, { ends_at: END })).status).toBe(200);
    const promote = await call(`/v1/users/${admin.id}`, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ role: "owner" }),
    });
    await expectProblem(promote, 409, "owner_not_limitable");
    expect((await putAccess(owner, admin.id, {})).status).toBe(200);
    const again = await call(`/v1/users/${admin.id}`, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ role: "owner" }),
    });
    expect(again.status).toBe(200);
  });

  it("needs users:write to set (a viewer gets 403 missing_permission) and users:read to read", async () => {
    const { viewer, editor } = await createTenant(["owner", "viewer", "editor"]);
    await expectProblem(await putAccess(viewer, editor.id, { ends_at: END }), 403, "missing_permission");
    const read = await call(`/v1/users/${editor.id}/access`, { headers: viewer.headers });
    expect(read.status).toBe(200);
    await read.body?.cancel();
  });
});
