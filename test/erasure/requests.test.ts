/**
 * Asking for an erasure (POST /v1/erasures) and reading its receipt: one round trip each, strict
 * bodies, the organisation's own subjects only, owners and admins only, and a receipt that never
 * holds the person's data.
 */
import { describe, expect, it, vi } from "vitest";
import { redact } from "../../src/services/audit/record.ts";
import { createEventWithDelegate } from "../support/delegates.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, createUser } from "../support/tenants.ts";

interface Receipt {
  id: string;
  subject: Record<string, unknown>;
  status: string;
}

const ask = (headers: Record<string, string>, subject: unknown) =>
  postJson("/v1/erasures", { subject }, { headers });

describe("asking for an erasure", () => {
  it("costs one round trip, answers 202 with a receipt naming no one, and reading it costs one more", async () => {
    const { owner } = await createTenant();
    const asked = await measure("/v1/erasures", {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({
        subject: { type: "inbound_author", platform: "bluesky", handle: "@Quiet.Reader" },
      }),
    });
    expect(asked.response.status).toBe(202);
    expect(asked.roundTrips).toBe(1);
    const text = await asked.response.text();
    expect(text.toLowerCase()).not.toContain("quiet");
    const receipt = JSON.parse(text) as Receipt;
    expect(receipt).toMatchObject({
      subject: { type: "inbound_author", id: null, platform: "bluesky" },
      status: "queued",
      removed: {},
      redacted: {},
      completed_at: null,
    });
    const read = await measure(`/v1/erasures/${receipt.id}`, { headers: owner.headers });
    expect(read.response.status).toBe(200);
    expect(read.roundTrips).toBe(1);
    const list = await measure("/v1/erasures?limit=10", { headers: owner.headers });
    expect(list.roundTrips).toBe(1);
    const page = (await list.response.json()) as { data: Receipt[] };
    expect(page.data.map((r) => r.id)).toEqual([receipt.id]);
    // Nothing of theirs held: it completes, and the handle is in no column of the erasure.
    await vi.waitFor(
      async () => {
        const body = (await (
          await call(`/v1/erasures/${receipt.id}`, { headers: owner.headers })
        ).json()) as Receipt;
        expect(body.status).toBe("completed");
      },
      { timeout: 30_000, interval: 100 },
    );
  });

  it("refuses unknown fields, a handle that is not one, and a subject of another organisation", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const { delegate } = await createEventWithDelegate(other.owner.organizationId);
    await expectProblem(
      await ask(owner.headers, { type: "delegate", id: delegate.id, name: "Amina" }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await ask(owner.headers, { type: "inbound_author", platform: "x", handle: "two words" }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await postJson(
        "/v1/erasures",
        { subject: { type: "user", id: owner.id }, now: true },
        { headers: owner.headers },
      ),
      400,
      "validation_failed",
    );
    await expectProblem(
      await ask(owner.headers, { type: "delegate", id: delegate.id }),
      404,
      "delegate_not_found",
    );
    await expectProblem(
      await ask(owner.headers, { type: "user", id: other.owner.id }),
      404,
      "user_not_found",
    );
    const theirs = (await (
      await ask(other.owner.headers, { type: "inbound_author", platform: "x", handle: "someone" })
    ).json()) as Receipt;
    await expectProblem(
      await call(`/v1/erasures/${theirs.id}`, { headers: owner.headers }),
      404,
      "erasure_not_found",
    );
  });

  it("only owners and admins may erase; the last active owner cannot be, not even by themselves", async () => {
    const { owner } = await createTenant();
    const editor = await createUser(owner.organizationId, { role: "editor" });
    await expectProblem(
      await ask(editor.headers, { type: "user", id: editor.id }),
      403,
      "missing_permission",
    );
    await expectProblem(await ask(owner.headers, { type: "user", id: owner.id }), 409, "last_owner");
    // With a second active owner, an owner may ask for their own erasure.
    await createUser(owner.organizationId, { role: "owner" });
    expect((await ask(owner.headers, { type: "user", id: owner.id })).status).toBe(202);
  });
});

describe("the audit trail's personal fields", () => {
  it("records that they changed, never their values, at any depth; ids and other values stay", () => {
    expect(
      redact({
        first_name: "Amina",
        email: { from: "a@example.test", to: "b@example.test" },
        caption: "Meet Amina",
        hashtags: ["#AminaOdhiambo"],
        filters: { from: { blocked_authors: [{ platform: "x", handle: "fan" }], profanity: true } },
        sent_to: { name: "Office", email: "office@example.test" },
        external_actor_email: "x@example.test",
        author_handle: "fan",
        delegate_id: "0d6f0f4e-0000-4000-8000-000000000021",
        name: "Africa Energy Summit",
        password_hash: "secret",
      }),
    ).toEqual({
      first_name: "[withheld]",
      email: "[withheld]",
      caption: "[withheld]",
      hashtags: "[withheld]",
      filters: { from: { blocked_authors: "[withheld]", profanity: true } },
      sent_to: { name: "Office", email: "[withheld]" },
      external_actor_email: "[withheld]",
      author_handle: "[withheld]",
      delegate_id: "0d6f0f4e-0000-4000-8000-000000000021",
      name: "Africa Energy Summit",
      password_hash: "[redacted]",
    });
  });
});
