import { describe, expect, it } from "vitest";
import type { ApprovalWorkflow } from "../../src/db/schema/approval-workflows.ts";
import { inTenant } from "../../src/db/tenant.ts";
import {
  type ContentFacts,
  chooseWorkflow,
  contentFacts,
  MANUAL_APPROVAL_STEPS,
  vipMentionQuery,
  workflowCandidates,
} from "../../src/services/approvals/workflow-match.ts";
import { createContent, systemContext } from "../support/content.ts";
import { createDelegate } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { createOrganization } from "../support/tenants.ts";
import { createWorkflow } from "../support/workflows.ts";

const CAMPAIGN = "0d6f0f4e-0000-4000-8000-0000000000c1";
const EVENT = "0d6f0f4e-0000-4000-8000-0000000000e1";

const facts = (overrides: Partial<ContentFacts> = {}): ContentFacts => ({
  contentType: "post",
  targetPlatforms: ["x", "bluesky"],
  campaignId: null,
  eventId: null,
  mentionsVipDelegate: false,
  ...overrides,
});

let counter = 0;
/** An in-memory candidate: the chooser is pure, so most cases need no database. */
function workflow(overrides: Partial<ApprovalWorkflow> = {}): ApprovalWorkflow {
  counter += 1;
  const created = new Date(Date.UTC(2027, 0, 1, 0, 0, counter));
  return {
    id: `0d6f0f4e-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    organizationId: "0d6f0f4e-0000-4000-8000-00000000aaaa",
    name: `W${counter}`,
    steps: MANUAL_APPROVAL_STEPS,
    triggerConditions: {},
    isActive: true,
    createdBy: null,
    createdAt: created,
    updatedAt: created,
    deletedAt: null,
    ...overrides,
  };
}

describe("choosing a workflow", () => {
  it("answers null when nothing matches (manual approval), and the manual steps are one manager step", () => {
    expect(chooseWorkflow([], facts())).toBeNull();
    expect(chooseWorkflow([workflow({ triggerConditions: { contentTypes: ["reel"] } })], facts())).toBeNull();
    expect(MANUAL_APPROVAL_STEPS).toEqual([
      { name: expect.any(String), approvers: { roles: ["owner", "admin", "manager"] }, requiredApprovals: 1 },
    ]);
  });

  it("matches everything with empty conditions (the fallback)", () => {
    const fallback = workflow();
    expect(chooseWorkflow([fallback], facts({ contentType: "reel", targetPlatforms: [] }))).toBe(fallback);
  });

  it("holds each condition: content type, any platform, campaign, event, VIP mention", () => {
    const cases: Array<
      [ApprovalWorkflow["triggerConditions"], Partial<ContentFacts>, Partial<ContentFacts>]
    > = [
      [{ contentTypes: ["post", "thread"] }, { contentType: "thread" }, { contentType: "reel" }],
      [
        { platforms: ["linkedin", "x"] },
        { targetPlatforms: ["bluesky", "x"] },
        { targetPlatforms: ["bluesky"] },
      ],
      [{ platforms: ["x"] }, { targetPlatforms: ["x"] }, { targetPlatforms: [] }],
      [{ campaignIds: [CAMPAIGN] }, { campaignId: CAMPAIGN }, { campaignId: null }],
      [{ eventIds: [EVENT] }, { eventId: EVENT }, { eventId: CAMPAIGN }],
      [{ mentionsVipDelegate: true }, { mentionsVipDelegate: true }, { mentionsVipDelegate: false }],
    ];
    for (const [conditions, holds, fails] of cases) {
      const candidate = workflow({ triggerConditions: conditions });
      expect(chooseWorkflow([candidate], facts(holds)), JSON.stringify(conditions)).toBe(candidate);
      expect(chooseWorkflow([candidate], facts(fails)), JSON.stringify(conditions)).toBeNull();
    }
  });

  it("needs every condition present to hold", () => {
    const both = workflow({ triggerConditions: { contentTypes: ["post"], eventIds: [EVENT] } });
    expect(chooseWorkflow([both], facts({ eventId: EVENT }))).toBe(both);
    expect(chooseWorkflow([both], facts({ eventId: EVENT, contentType: "reel" }))).toBeNull();
    expect(chooseWorkflow([both], facts())).toBeNull();
  });

  it("prefers the most specific match whatever the order", () => {
    const fallback = workflow();
    const byType = workflow({ triggerConditions: { contentTypes: ["post"] } });
    const byTypeAndVip = workflow({
      triggerConditions: { contentTypes: ["post"], mentionsVipDelegate: true },
    });
    const vip = facts({ mentionsVipDelegate: true });
    expect(chooseWorkflow([fallback, byType, byTypeAndVip], vip)).toBe(byTypeAndVip);
    expect(chooseWorkflow([byTypeAndVip, byType, fallback], vip)).toBe(byTypeAndVip);
    expect(chooseWorkflow([byTypeAndVip, fallback, byType], facts())).toBe(byType);
  });

  it("breaks ties by the oldest, then by id", () => {
    const older = workflow({ triggerConditions: { contentTypes: ["post"] } });
    const newer = workflow({ triggerConditions: { platforms: ["x"] } });
    expect(chooseWorkflow([newer, older], facts())).toBe(older);
    expect(chooseWorkflow([older, newer], facts())).toBe(older);
    const sameTime = workflow({
      id: "0d6f0f4e-0000-4000-8000-000000000000",
      createdAt: older.createdAt,
      triggerConditions: { campaignIds: [CAMPAIGN] },
    });
    const withCampaign = facts({ campaignId: CAMPAIGN });
    expect(chooseWorkflow([older, sameTime], withCampaign)).toBe(sameTime);
    expect(chooseWorkflow([sameTime, older], withCampaign)).toBe(sameTime);
  });

  it("skips inactive and deleted candidates", () => {
    const inactive = workflow({ isActive: false, triggerConditions: { contentTypes: ["post"] } });
    const deleted = workflow({ deletedAt: new Date(), triggerConditions: { contentTypes: ["post"] } });
    const fallback = workflow();
    expect(chooseWorkflow([inactive, deleted, fallback], facts())).toBe(fallback);
  });
});

describe("reading candidates and the VIP flag in one batch", () => {
  it("lists only the organisation's active, live workflows, oldest first", async () => {
    const org = await createOrganization();
    const other = await createOrganization();
    const second = await createWorkflow(org.id, { createdAt: new Date("2027-01-02T00:00:00Z") });
    const first = await createWorkflow(org.id, { createdAt: new Date("2027-01-01T00:00:00Z") });
    await createWorkflow(org.id, { isActive: false });
    await createWorkflow(org.id, { deleted: true });
    await createWorkflow(other.id);
    const ctx = systemContext(org.id);
    const { rows } = await inTenant(ctx, (db) => ({ rows: workflowCandidates(ctx, db) }));
    expect(rows.map((w) => w.id)).toEqual([first.id, second.id]);
  });

  it("flags a caption that mentions a VIP delegate by handle or full name, and nothing else", async () => {
    const org = await createOrganization();
    const other = await createOrganization();
    const event = await createEvent(org.id);
    await createDelegate(org.id, event.id, {
      firstName: "Wanjiru",
      lastName: "Kamau",
      vipTier: 2,
      socialHandles: { x: "@WanjiruK", bluesky: "wanjiru.bsky.social" },
    });
    // Not VIPs, or not live, or not this organisation's: never a reason for the VIP workflow.
    await createDelegate(org.id, event.id, {
      firstName: "Otieno",
      lastName: "Ouma",
      vipTier: 0,
      socialHandles: { x: "@otieno" },
    });
    await createDelegate(org.id, event.id, {
      firstName: "Zawadi",
      lastName: "Njoroge",
      vipTier: 3,
      socialHandles: { x: "@zawadi" },
      deleted: true,
    });
    await createDelegate(org.id, event.id, { firstName: "Baraka", lastName: null, vipTier: 5 });
    const otherEvent = await createEvent(other.id);
    await createDelegate(other.id, otherEvent.id, {
      firstName: "Halima",
      lastName: "Said",
      vipTier: 5,
      socialHandles: { x: "@halima" },
    });

    const expectations: Array<[string | null, boolean]> = [
      ["Welcome @WanjiruK to the stage!", true],
      ["Thank you @wanjirük", false],
      ["Keynote by @wanjiruk.", true],
      ["(@wanjiru.bsky.social) opens day two", true],
      ["Keynote by @WanjiruKamau", false],
      ["Write to wanjiru@WanjiruK.example", false],
      ["Hon. WANJIRU   kamau speaks at 10:00", true],
      ["Wanjiru Kamaus speaks", false],
      ["Wanjiru spoke, then Kamau", false],
      ["Welcome @otieno and Otieno Ouma", false],
      ["Welcome @zawadi, Zawadi Njoroge", false],
      ["Baraka opens the summit", false],
      ["Halima Said and @halima", false],
      [null, false],
    ];
    const ctx = systemContext(org.id);
    for (const [caption, expected] of expectations) {
      const item = await createContent(org.id, { caption });
      const { rows } = await inTenant(ctx, (db) => ({ rows: vipMentionQuery(ctx, db, item.id) }));
      expect(rows, String(caption)).toEqual([{ mentionsVipDelegate: expected }]);
    }
    const foreign = await createContent(other.id, { caption: "Halima Said" });
    const { rows: none } = await inTenant(ctx, (db) => ({ rows: vipMentionQuery(ctx, db, foreign.id) }));
    expect(none).toEqual([]);
  });

  it("chooses from one batch of content, candidates and VIP flag", async () => {
    const org = await createOrganization();
    const event = await createEvent(org.id);
    await createDelegate(org.id, event.id, { firstName: "Wanjiru", lastName: "Kamau", vipTier: 1 });
    const fallback = await createWorkflow(org.id, { createdAt: new Date("2027-01-01T00:00:00Z") });
    const vipWorkflow = await createWorkflow(org.id, { triggerConditions: { mentionsVipDelegate: true } });
    const item = await createContent(org.id, { caption: "A word from Wanjiru Kamau", eventId: event.id });
    const plain = await createContent(org.id, { caption: "Doors open at 8" });
    const ctx = systemContext(org.id);
    for (const [row, expected] of [
      [item, vipWorkflow.id],
      [plain, fallback.id],
    ] as const) {
      const { candidates, flag } = await inTenant(ctx, (db) => ({
        candidates: workflowCandidates(ctx, db),
        flag: vipMentionQuery(ctx, db, row.id),
      }));
      expect(chooseWorkflow(candidates, contentFacts(row, flag[0]?.mentionsVipDelegate))?.id).toBe(expected);
    }
  });
});
