/**
 * Switching an event's widgets on: the first change makes its public key and the embed code, every
 * change is audited and reaches readers at once, and a rotated key retires the old one.
 */
import { describe, expect, it } from "vitest";
import { createEvent } from "../support/events.ts";
import { call, expectProblem } from "../support/http.ts";
import { createTenant } from "../support/tenants.ts";

const client = { "cf-connecting-ip": "192.0.2.44" };

describe("an event's widgets", () => {
  it("are off until switched on; switching on makes a public key and the two lines to paste", async () => {
    const { organization, owner, editor } = await createTenant(["owner", "editor"]);
    const event = await createEvent(organization.id);
    const headers = { authorization: `Bearer ${owner.token}`, "content-type": "application/json" };
    const before = await call(`/v1/events/${event.id}/widgets`, { headers });
    expect(await before.json()).toMatchObject({ enabled: false, public_key: null, embed: null });

    await expectProblem(
      await call(`/v1/events/${event.id}/widgets`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${editor.token}`, "content-type": "application/json" },
        body: JSON.stringify({ enabled: true }),
      }),
      403,
      "missing_permission",
    );
    const on = await call(`/v1/events/${event.id}/widgets`, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ enabled: true, moderation: "manual", filters: { blocked_words: ["pipeline"] } }),
    });
    expect(on.status).toBe(200);
    const widgets = (await on.json()) as {
      public_key: string;
      embed: string;
      filters: { profanity: boolean; blocked_words: string[] };
    };
    expect(widgets.public_key).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(widgets.filters).toMatchObject({ profanity: true, blocked_words: ["pipeline"] });
    expect(widgets.embed).toBe(
      `<script type="module" src="http://guddu.test/embed/v1/guddu.js"></script>\n<guddu-wall event="${widgets.public_key}"></guddu-wall>`,
    );
    expect((await call(`/public/v1/events/${widgets.public_key}`, { headers: client })).status).toBe(200);

    // Off again: the public key answers 404 at once, although its answer was cached a moment ago.
    await call(`/v1/events/${event.id}/widgets`, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ enabled: false }),
    });
    await expectProblem(
      await call(`/public/v1/events/${widgets.public_key}`, { headers: client }),
      404,
      "event_not_found",
    );

    const audit = await call(`/v1/audit-logs?action=event.widgets_*&entity_id=${event.id}`, { headers });
    const rows = ((await audit.json()) as { data: Array<{ changes: Record<string, unknown> }> }).data;
    expect(rows).toHaveLength(2);
    expect(rows[0]?.changes).toMatchObject({ enabled: { from: true, to: false } });
  });

  it("a rotated key retires the old one at once", async () => {
    const { organization, owner } = await createTenant();
    const event = await createEvent(organization.id);
    const headers = { authorization: `Bearer ${owner.token}`, "content-type": "application/json" };
    await expectProblem(
      await call(`/v1/events/${event.id}/widgets/rotate-key`, { method: "POST", headers }),
      404,
      "widgets_not_set_up",
    );
    const on = await call(`/v1/events/${event.id}/widgets`, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ enabled: true }),
    });
    const { public_key: old } = (await on.json()) as { public_key: string };
    expect((await call(`/public/v1/events/${old}/wall`, { headers: client })).status).toBe(200);
    const rotated = await call(`/v1/events/${event.id}/widgets/rotate-key`, { method: "POST", headers });
    const { public_key: fresh } = (await rotated.json()) as { public_key: string };
    expect(fresh).not.toBe(old);
    await expectProblem(
      await call(`/public/v1/events/${old}/wall`, { headers: client }),
      404,
      "event_not_found",
    );
    expect((await call(`/public/v1/events/${fresh}/wall`, { headers: client })).status).toBe(200);
  });

  it("refuses unknown settings and malformed filters with 400", async () => {
    const { organization, owner } = await createTenant();
    const event = await createEvent(organization.id);
    const patch = (body: unknown) =>
      call(`/v1/events/${event.id}/widgets`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${owner.token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    await expectProblem(await patch({ moderation: "sometimes" }), 400, "validation_failed");
    await expectProblem(
      await patch({ filters: { flood: { max_identical: 0, window_minutes: 5 } } }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await patch({ filters: { allowed_authors: [{ platform: "x", handle: "a b" }] } }),
      400,
      "validation_failed",
    );
  });
});
