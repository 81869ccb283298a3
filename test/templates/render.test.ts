import { describe, expect, it } from "vitest";
import { auditRows } from "../support/audit.ts";
import { createCampaign } from "../support/campaigns.ts";
import type { ContentBody } from "../support/content.ts";
import { createDelegate } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem } from "../support/http.ts";
import { createPhase } from "../support/phases.ts";
import { measure } from "../support/round-trips.ts";
import { createTemplate, renderAs, type TemplateBody } from "../support/templates.ts";
import { createTenant, createUser, type TestUser } from "../support/tenants.ts";

const SPOTLIGHT = {
  title: "Meet {{delegate.full_name}}",
  caption:
    "{{phase.name}} of {{event.name}} ({{event.start_date}} to {{event.end_date}}): {{delegate.full_name}}, {{delegate.designation}} at {{delegate.organization}} ({{delegate.handle.x}}). Follow {{ event.handle.x }}, {{event.handle.bluesky}} and {{event.handle.linkedin}}. {{event.hashtags}}",
  hashtags: ["{{event.hashtags}}", "#{{delegate.last_name}}", "aes2027"],
  target_platforms: ["x" as const, "linkedin" as const],
};

/** An event in Nairobi (UTC+3) that starts late on 9 March UTC, i.e. on 10 March where it happens. */
async function world(organizationId: string) {
  const event = await createEvent(organizationId, {
    name: "Africa Energy Summit 2027",
    startDate: new Date("2027-03-09T22:30:00Z"),
    endDate: new Date("2027-03-11T15:00:00Z"),
    timezone: "Africa/Nairobi",
    officialHashtags: ["#AES2027", "#EnergyTransition"],
    socialHandles: { x: "AESummit", bluesky: "aesummit.bsky.social", linkedin: "aes-summit" },
  });
  const phase = await createPhase(organizationId, event.id, {
    name: "Day 1",
    startsAt: new Date("2027-03-10T05:00:00Z"),
    endsAt: new Date("2027-03-10T15:00:00Z"),
  });
  const delegate = await createDelegate(organizationId, event.id, {
    title: "H.E.",
    firstName: "Amina",
    lastName: "Odhiambo",
    designation: "Cabinet Secretary for Energy",
    organization: "Ministry of Energy",
    socialHandles: { x: "@AminaO" },
  });
  const template = await createTemplate(organizationId, {
    name: "Speaker spotlight",
    templateData: SPOTLIGHT,
  });
  return { event, phase, delegate, template };
}

const readTemplate = async (user: TestUser, id: string) => {
  const response = await call(`/v1/templates/${id}`, { headers: user.headers });
  return { body: (await response.json()) as TemplateBody, etag: response.headers.get("etag") };
};

const contentOf = async (user: TestUser, eventId: string) =>
  (
    (await (await call(`/v1/content?event_id=${eventId}`, { headers: user.headers })).json()) as {
      data: ContentBody[];
    }
  ).data;

describe("rendering a template", () => {
  it("makes a new draft with every placeholder filled, counts the use, audits both, in two round trips", async () => {
    const { owner } = await createTenant();
    const { event, phase, delegate, template } = await world(owner.organizationId);
    const campaign = await createCampaign(owner.organizationId, { eventId: event.id });
    const before = await readTemplate(owner, template.id);
    const { response, roundTrips } = await measure(`/v1/templates/${template.id}/render`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({
        event_id: event.id,
        phase_id: phase.id,
        delegate_id: delegate.id,
        campaign_id: campaign.id,
        scheduled_for: "2027-03-10T09:00:00+03:00",
      }),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(2);
    const draft = (await response.json()) as ContentBody;
    expect(response.headers.get("location")).toBe(`/v1/content/${draft.id}`);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    expect(draft).toMatchObject({
      version: 1,
      parent_version_id: null,
      workflow_status: "draft",
      content_type: "post",
      title: "Meet H.E. Amina Odhiambo",
      caption:
        "Day 1 of Africa Energy Summit 2027 (10 March 2027 to 11 March 2027): H.E. Amina Odhiambo, Cabinet Secretary for Energy at Ministry of Energy (@AminaO). Follow @AESummit, @aesummit.bsky.social and aes-summit. #AES2027 #EnergyTransition",
      hashtags: ["#AES2027", "#EnergyTransition", "#Odhiambo"],
      target_platforms: ["x", "linkedin"],
      media_assets: [],
      event_id: event.id,
      campaign_id: campaign.id,
      scheduled_for: "2027-03-10T06:00:00.000Z",
    });

    const after = await readTemplate(owner, template.id);
    expect(after.body.usage_count).toBe(1);
    expect(after.etag).toBe(before.etag);
    expect((await auditRows(owner.organizationId, draft.id)).map((a) => a.action)).toEqual([
      "content.create",
    ]);
    const render = await auditRows(owner.organizationId, template.id);
    expect(render.map((a) => a.action)).toEqual(["template.render"]);
    expect(render[0]?.changes).toEqual({
      content_id: draft.id,
      event_id: event.id,
      phase_id: phase.id,
      delegate_id: delegate.id,
      campaign_id: campaign.id,
    });
    const second = (await (
      await renderAs(owner, template.id, {
        event_id: event.id,
        phase_id: phase.id,
        delegate_id: delegate.id,
      })
    ).json()) as ContentBody;
    expect(second.id).not.toBe(draft.id);
    expect((await readTemplate(owner, template.id)).body.usage_count).toBe(2);
  });

  it("dates are the event's days in its own time zone, not UTC's", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId, {
      name: "Pacific Forum",
      startDate: new Date("2027-03-10T05:00:00Z"),
      endDate: new Date("2027-03-12T06:00:00Z"),
      timezone: "America/Los_Angeles",
    });
    const template = await createTemplate(owner.organizationId, {
      templateData: {
        caption: "{{event.name}}: {{event.start_date}} – {{event.end_date}}. {{event.handle.x}}",
      },
    });
    const draft = (await (await renderAs(owner, template.id, { event_id: event.id })).json()) as ContentBody;
    expect(draft.caption).toBe("Pacific Forum: 9 March 2027 – 11 March 2027. ");
    expect(draft.title).toBeNull();
    expect(draft.hashtags).toEqual([]);
  });

  it("a template using delegate.* or phase.* without their ids is 400 missing_context naming them, and nothing is written", async () => {
    const { owner } = await createTenant();
    const { event, phase, template } = await world(owner.organizationId);
    const problem = (await expectProblem(
      await renderAs(owner, template.id, { event_id: event.id, phase_id: phase.id }),
      400,
      "missing_context",
    )) as unknown as { placeholders: string[]; detail: string };
    expect(problem.placeholders).toEqual([
      "delegate.full_name",
      "delegate.designation",
      "delegate.organization",
      "delegate.handle.x",
      "delegate.last_name",
    ]);
    expect(problem.detail).toContain("delegate_id");
    const both = (await expectProblem(
      await renderAs(owner, template.id, { event_id: event.id }),
      400,
      "missing_context",
    )) as unknown as { placeholders: string[] };
    expect(both.placeholders).toContain("phase.name");
    expect((await readTemplate(owner, template.id)).body.usage_count).toBe(0);
    expect(await contentOf(owner, event.id)).toEqual([]);
  });

  it("ids not of the organisation (or of another event, or deleted) are 404, and nothing is written", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const mine = await world(owner.organizationId);
    const theirs = await world(other.organization.id);
    const theirCampaign = await createCampaign(other.organization.id);
    const elsewhere = await createEvent(owner.organizationId);
    const strayDelegate = await createDelegate(owner.organizationId, elsewhere.id);
    const strayPhase = await createPhase(owner.organizationId, elsewhere.id);
    const deletedDelegate = await createDelegate(owner.organizationId, mine.event.id, { deleted: true });
    const full = { event_id: mine.event.id, phase_id: mine.phase.id, delegate_id: mine.delegate.id };
    const cases: Array<[string, Record<string, string>, string]> = [
      [theirs.template.id, full, "template_not_found"],
      [mine.template.id, { ...full, event_id: theirs.event.id }, "event_not_found"],
      [mine.template.id, { ...full, phase_id: theirs.phase.id }, "phase_not_found"],
      [mine.template.id, { ...full, delegate_id: theirs.delegate.id }, "delegate_not_found"],
      [mine.template.id, { ...full, campaign_id: theirCampaign.id }, "campaign_not_found"],
      [mine.template.id, { ...full, phase_id: strayPhase.id }, "phase_not_found"],
      [mine.template.id, { ...full, delegate_id: strayDelegate.id }, "delegate_not_found"],
      [mine.template.id, { ...full, delegate_id: deletedDelegate.id }, "delegate_not_found"],
    ];
    for (const [templateId, body, code] of cases) {
      await expectProblem(await renderAs(owner, templateId, body), 404, code);
    }
    expect((await readTemplate(owner, mine.template.id)).body.usage_count).toBe(0);
    expect(await contentOf(owner, mine.event.id)).toEqual([]);
    expect((await readTemplate(other.owner, theirs.template.id)).body.usage_count).toBe(0);
  });

  it("two renders at once both make a draft and both are counted", async () => {
    const { owner } = await createTenant();
    const { event, phase, delegate, template } = await world(owner.organizationId);
    const body = { event_id: event.id, phase_id: phase.id, delegate_id: delegate.id };
    const responses = await Promise.all([
      renderAs(owner, template.id, body),
      renderAs(owner, template.id, body),
    ]);
    expect(responses.map((r) => r.status)).toEqual([201, 201]);
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as ContentBody).id));
    expect(new Set(ids).size).toBe(2);
    expect((await readTemplate(owner, template.id)).body.usage_count).toBe(2);
    expect((await contentOf(owner, event.id)).map((c) => c.id).sort()).toEqual([...ids].sort());
  });

  it("needs content:write and templates:read; a deleted template is 404", async () => {
    const { owner, viewer } = await createTenant(["owner", "viewer"]);
    const { event, phase, delegate, template } = await world(owner.organizationId);
    const body = { event_id: event.id, phase_id: phase.id, delegate_id: delegate.id };
    await expectProblem(await renderAs(viewer, template.id, body), 403, "missing_permission");
    const blind = await createUser(owner.organizationId, {
      role: "editor",
      permissions: { revoke: ["templates:read"] },
    });
    await expectProblem(await renderAs(blind, template.id, body), 403, "missing_permission");
    await call(`/v1/templates/${template.id}`, { method: "DELETE", headers: owner.headers });
    await expectProblem(await renderAs(owner, template.id, body), 404, "template_not_found");
    expect(await contentOf(owner, event.id)).toEqual([]);
  });
});
