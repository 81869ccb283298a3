import { describe, expect, it } from "vitest";
import { auditRows } from "../support/audit.ts";
import { createDelegate } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, type TestUser } from "../support/tenants.ts";

interface DelegateBody {
  id: string;
  event_id: string;
  title: string | null;
  first_name: string;
  last_name: string | null;
  designation: string | null;
  organization: string | null;
  country: string | null;
  delegate_type: string;
  vip_tier: number;
  auto_tag: boolean;
  email: string | null;
  social_handles: Record<string, string>;
}

const delegateInput = (overrides: Record<string, unknown> = {}) => ({
  title: "H.E.",
  first_name: "Amina",
  last_name: `Odhiambo ${crypto.randomUUID().slice(0, 6)}`,
  designation: "Cabinet Secretary for Energy",
  organization: "Ministry of Energy",
  country: "KE",
  delegate_type: "minister",
  vip_tier: 1,
  auto_tag: true,
  social_handles: { x: "@AminaOdhiambo" },
  ...overrides,
});

const create = (user: TestUser, eventId: string, overrides: Record<string, unknown> = {}) =>
  postJson(`/v1/events/${eventId}/delegates`, delegateInput(overrides), { headers: user.headers });

const patch = (
  user: TestUser,
  eventId: string,
  id: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  call(`/v1/events/${eventId}/delegates/${id}`, {
    method: "PATCH",
    headers: { ...user.headers, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("adding delegates", () => {
  it("answers 201 with Location and ETag, in one round trip with its audit row", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const { response, roundTrips } = await measure(`/v1/events/${event.id}/delegates`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify(delegateInput({ country: "ke", email: "Amina@Energy.example" })),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(1);
    const delegate = (await response.json()) as DelegateBody;
    expect(response.headers.get("location")).toBe(`/v1/events/${event.id}/delegates/${delegate.id}`);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    expect(delegate).toMatchObject({
      event_id: event.id,
      country: "KE",
      delegate_type: "minister",
      vip_tier: 1,
      auto_tag: true,
      email: "Amina@Energy.example",
      social_handles: { x: "@AminaOdhiambo" },
    });
    expect((await auditRows(owner.organizationId, delegate.id)).map((a) => a.action)).toEqual([
      "delegate.create",
    ]);
  });

  it("needs only a first name; the rest takes defaults", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const response = await postJson(
      `/v1/events/${event.id}/delegates`,
      { first_name: "Kwame" },
      { headers: owner.headers },
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      first_name: "Kwame",
      last_name: null,
      country: null,
      delegate_type: "delegate",
      vip_tier: 0,
      auto_tag: false,
      social_handles: {},
    });
  });

  it("refuses a bad country, VIP tier, type, email, handle and unknown fields with their codes", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const errorOf = async (overrides: Record<string, unknown>) =>
      (await expectProblem(await create(owner, event.id, overrides), 400, "validation_failed")).errors;
    expect(await errorOf({ country: "XX" })).toEqual([
      expect.objectContaining({
        path: "json.country",
        code: "invalid_value",
        message: expect.stringMatching(/ISO 3166-1/),
      }),
    ]);
    expect(await errorOf({ country: "UK" })).toEqual([expect.objectContaining({ path: "json.country" })]);
    expect(await errorOf({ vip_tier: 6 })).toEqual([
      expect.objectContaining({ path: "json.vip_tier", code: "too_big" }),
    ]);
    expect(await errorOf({ vip_tier: -1 })).toEqual([
      expect.objectContaining({ path: "json.vip_tier", code: "too_small" }),
    ]);
    expect(await errorOf({ vip_tier: 1.5 })).toEqual([
      expect.objectContaining({ path: "json.vip_tier", code: "invalid_type" }),
    ]);
    expect(await errorOf({ delegate_type: "king" })).toEqual([
      expect.objectContaining({ path: "json.delegate_type", code: "invalid_value" }),
    ]);
    expect(await errorOf({ email: "not-an-email" })).toEqual([
      expect.objectContaining({ path: "json.email" }),
    ]);
    expect(await errorOf({ social_handles: { x: "@far_too_long_for_x" } })).toEqual([
      expect.objectContaining({ path: "json.social_handles.x" }),
    ]);
    expect(await errorOf({ first_name: "  " })).toEqual([
      expect.objectContaining({ path: "json.first_name", code: "too_small" }),
    ]);
    expect(await errorOf({ organization_id: crypto.randomUUID(), import_key: "x" })).toEqual([
      expect.objectContaining({ path: "json.organization_id", code: "unknown_field" }),
      expect.objectContaining({ path: "json.import_key", code: "unknown_field" }),
    ]);
  });

  it("the same person twice at one event is 409 (by email, case aside; else by name and organisation)", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    expect((await create(owner, event.id, { email: "amina@energy.example" })).status).toBe(201);
    await expectProblem(
      await create(owner, event.id, { email: "AMINA@energy.example", first_name: "Someone" }),
      409,
      "delegate_exists",
    );
    const named = {
      email: undefined,
      first_name: "Lena",
      last_name: "Fischer",
      organization: "Nordwind Capital",
    };
    expect((await create(owner, event.id, named)).status).toBe(201);
    await expectProblem(
      await create(owner, event.id, { ...named, first_name: "LENA" }),
      409,
      "delegate_exists",
    );
    expect((await create(owner, event.id, { ...named, organization: "Another Fund" })).status).toBe(201);
    const otherEvent = await createEvent(owner.organizationId);
    expect((await create(owner, otherEvent.id, named)).status).toBe(201);
  });

  it("another organisation's event, a deleted event or no event answers 404 event_not_found", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const foreign = await createEvent(other.owner.organizationId);
    const deleted = await createEvent(owner.organizationId, { deleted: true });
    for (const eventId of [foreign.id, deleted.id, crypto.randomUUID()]) {
      await expectProblem(await create(owner, eventId), 404, "event_not_found");
    }
  });
});

describe("reading a delegate", () => {
  it("answers the delegate with its ETag in one round trip", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const delegate = await createDelegate(owner.organizationId, event.id);
    const { response, roundTrips } = await measure(`/v1/events/${event.id}/delegates/${delegate.id}`, {
      headers: owner.headers,
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    expect(((await response.json()) as DelegateBody).id).toBe(delegate.id);
  });

  it("another tenant's delegate, a delegate of another event or of a deleted event is 404", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const theirEvent = await createEvent(other.owner.organizationId);
    const theirs = await createDelegate(other.owner.organizationId, theirEvent.id);
    await expectProblem(
      await call(`/v1/events/${theirEvent.id}/delegates/${theirs.id}`, { headers: owner.headers }),
      404,
      "event_not_found",
    );
    const event = await createEvent(owner.organizationId);
    await expectProblem(
      await call(`/v1/events/${event.id}/delegates/${theirs.id}`, { headers: owner.headers }),
      404,
      "delegate_not_found",
    );
    const elsewhere = await createEvent(owner.organizationId);
    const mine = await createDelegate(owner.organizationId, elsewhere.id);
    await expectProblem(
      await call(`/v1/events/${event.id}/delegates/${mine.id}`, { headers: owner.headers }),
      404,
      "delegate_not_found",
    );
    expect(
      (await call(`/v1/events/${elsewhere.id}`, { method: "DELETE", headers: owner.headers })).status,
    ).toBe(204);
    await expectProblem(
      await call(`/v1/events/${elsewhere.id}/delegates/${mine.id}`, { headers: owner.headers }),
      404,
      "event_not_found",
    );
    await expectProblem(
      await call(`/v1/events/${elsewhere.id}/delegates`, { headers: owner.headers }),
      404,
      "event_not_found",
    );
  });
});

describe("updating a delegate", () => {
  it("a stale If-Match is 412; the current one updates in two round trips and answers a new ETag", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const response = await create(owner, event.id);
    const delegate = (await response.json()) as DelegateBody;
    const etag = response.headers.get("etag") ?? "";
    const ok = await measure(`/v1/events/${event.id}/delegates/${delegate.id}`, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json", "if-match": etag },
      body: JSON.stringify({ designation: "Minister of Energy and Petroleum", vip_tier: 2, country: "gh" }),
    });
    expect(ok.response.status).toBe(200);
    expect(ok.roundTrips).toBe(2);
    expect(await ok.response.json()).toMatchObject({
      designation: "Minister of Energy and Petroleum",
      vip_tier: 2,
      country: "GH",
    });
    const newEtag = ok.response.headers.get("etag");
    expect(newEtag).not.toBe(etag);
    await expectProblem(
      await patch(owner, event.id, delegate.id, { vip_tier: 3 }, { "if-match": etag }),
      412,
      "precondition_failed",
    );
    expect(
      (await patch(owner, event.id, delegate.id, { vip_tier: 3 }, { "if-match": newEtag ?? "" })).status,
    ).toBe(200);
    const audit = await auditRows(owner.organizationId, delegate.id);
    expect(audit.map((a) => a.action)).toEqual(["delegate.create", "delegate.update", "delegate.update"]);
    expect(audit[1]?.changes).toMatchObject({
      vipTier: { from: 1, to: 2 },
      country: { from: "KE", to: "GH" },
    });
  });

  it("clears optional fields with null, validates like create, and refuses to become a duplicate", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const first = (await (
      await create(owner, event.id, { email: "one@example.test" })
    ).json()) as DelegateBody;
    const second = (await (
      await create(owner, event.id, { email: "two@example.test" })
    ).json()) as DelegateBody;
    const cleared = await patch(owner, event.id, second.id, { title: null, country: null });
    expect(await cleared.json()).toMatchObject({ title: null, country: null });
    await expectProblem(await patch(owner, event.id, second.id, { vip_tier: 9 }), 400, "validation_failed");
    await expectProblem(
      await patch(owner, event.id, second.id, { event_id: crypto.randomUUID() }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await patch(owner, event.id, second.id, { email: "ONE@example.test" }),
      409,
      "delegate_exists",
    );
    expect(first.id).not.toBe(second.id);
  });
});

describe("removing and restoring a delegate", () => {
  it("a removed delegate leaves reads and lists, and restore brings it back", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const delegate = (await (await create(owner, event.id)).json()) as DelegateBody;
    const path = `/v1/events/${event.id}/delegates/${delegate.id}`;
    const removed = await measure(path, { method: "DELETE", headers: owner.headers });
    expect(removed.response.status).toBe(204);
    expect(removed.roundTrips).toBe(1);
    await expectProblem(await call(path, { headers: owner.headers }), 404, "delegate_not_found");
    await expectProblem(
      await call(path, { method: "DELETE", headers: owner.headers }),
      404,
      "delegate_not_found",
    );
    const list = (await (
      await call(`/v1/events/${event.id}/delegates`, { headers: owner.headers })
    ).json()) as {
      data: DelegateBody[];
    };
    expect(list.data).toEqual([]);
    const restored = await call(`${path}/restore`, { method: "POST", headers: owner.headers });
    expect(restored.status).toBe(200);
    expect(restored.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    expect((await call(path, { headers: owner.headers })).status).toBe(200);
    await expectProblem(
      await call(`${path}/restore`, { method: "POST", headers: owner.headers }),
      404,
      "delegate_not_found",
    );
    expect((await auditRows(owner.organizationId, delegate.id)).map((a) => a.action)).toEqual([
      "delegate.create",
      "delegate.delete",
      "delegate.restore",
    ]);
  });

  it("a removed person who was added again cannot be restored beside the new one (409)", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const old = (await (
      await create(owner, event.id, { email: "amina@example.test" })
    ).json()) as DelegateBody;
    await call(`/v1/events/${event.id}/delegates/${old.id}`, { method: "DELETE", headers: owner.headers });
    expect((await create(owner, event.id, { email: "amina@example.test" })).status).toBe(201);
    await expectProblem(
      await call(`/v1/events/${event.id}/delegates/${old.id}/restore`, {
        method: "POST",
        headers: owner.headers,
      }),
      409,
      "delegate_exists",
    );
  });

  it("a delegate cannot be removed through another event, nor through a deleted one", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const other = await createEvent(owner.organizationId);
    const delegate = await createDelegate(owner.organizationId, event.id);
    await expectProblem(
      await call(`/v1/events/${other.id}/delegates/${delegate.id}`, {
        method: "DELETE",
        headers: owner.headers,
      }),
      404,
      "delegate_not_found",
    );
    await call(`/v1/events/${event.id}`, { method: "DELETE", headers: owner.headers });
    await expectProblem(
      await call(`/v1/events/${event.id}/delegates/${delegate.id}`, {
        method: "DELETE",
        headers: owner.headers,
      }),
      404,
      "delegate_not_found",
    );
  });

  it("a viewer can read delegates but not change them", async () => {
    const { owner, viewer } = await createTenant(["owner", "viewer"]);
    const event = await createEvent(owner.organizationId);
    const delegate = await createDelegate(owner.organizationId, event.id);
    expect(
      (await call(`/v1/events/${event.id}/delegates/${delegate.id}`, { headers: viewer.headers })).status,
    ).toBe(200);
    await expectProblem(await create(viewer, event.id), 403, "missing_permission");
    await expectProblem(
      await patch(viewer, event.id, delegate.id, { vip_tier: 2 }),
      403,
      "missing_permission",
    );
  });
});
