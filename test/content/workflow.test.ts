import { describe, expect, it } from "vitest";
import type { ContentWorkflowStatus } from "../../src/db/schema/content.ts";
import { AppError } from "../../src/errors.ts";
import {
  CONTENT_TRANSITIONS,
  transitionContent,
  USER_TARGET_STATUSES,
} from "../../src/services/content/workflow.ts";
import { auditRows } from "../support/audit.ts";
import {
  type ContentBody,
  createContent,
  createMedia,
  inAnHour,
  readContent,
  systemContext,
  transition,
} from "../support/content.ts";
import { call, expectProblem, type Problem } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant } from "../support/tenants.ts";

interface RulesProblem extends Problem {
  failures: Array<{
    platform: string | null;
    rule: string;
    limit: unknown;
    actual: unknown;
    media_id?: string;
  }>;
}

const ALL = Object.keys(CONTENT_TRANSITIONS) as ContentWorkflowStatus[];
const isUserTarget = (status: ContentWorkflowStatus) =>
  (USER_TARGET_STATUSES as readonly string[]).includes(status);

describe("the workflow state machine", () => {
  it("allows every move it lists: people through the API, the publisher through the service", async () => {
    const { owner } = await createTenant();
    // Scheduling writes a post per target account: the content's platforms need one each.
    for (const platform of ["x", "bluesky"] as const) await createSocialAccount(owner, { platform });
    const moves = ALL.flatMap((from) => CONTENT_TRANSITIONS[from].map((to) => [from, to] as const));
    expect(moves).toHaveLength(24);
    for (const [from, to] of moves) {
      const row = await createContent(owner.organizationId, {
        workflowStatus: from,
        scheduledFor: inAnHour(),
      });
      if (isUserTarget(to)) {
        const response = await transition(owner, row.id, { to });
        expect(response.status, `${from} → ${to}`).toBe(200);
        expect(((await response.json()) as ContentBody).workflow_status).toBe(to);
      } else {
        const moved = await transitionContent(systemContext(owner.organizationId), row.id, { to });
        expect(moved.workflowStatus, `${from} → ${to}`).toBe(to);
      }
    }
  });

  it("refuses moves it does not list with 409 invalid_status_transition, naming the allowed ones", async () => {
    const { owner } = await createTenant();
    const refused: Array<[ContentWorkflowStatus, ContentWorkflowStatus]> = [
      ["draft", "approved"],
      ["draft", "scheduled"],
      ["in_review", "scheduled"],
      ["changes_requested", "approved"],
      ["published", "draft"],
      ["archived", "draft"],
      ["scheduled", "in_review"],
    ];
    for (const [from, to] of refused) {
      const row = await createContent(owner.organizationId, { workflowStatus: from });
      const problem = await expectProblem(
        await transition(owner, row.id, { to }),
        409,
        "invalid_status_transition",
      );
      expect(problem, `${from} → ${to}`).toMatchObject({ from, to, allowed: CONTENT_TRANSITIONS[from] });
    }
    const publishing = await createContent(owner.organizationId, { workflowStatus: "publishing" });
    const error = await transitionContent(systemContext(owner.organizationId), publishing.id, {
      to: "archived",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 409, code: "invalid_status_transition" });
  });

  it("people cannot set the publisher's statuses", async () => {
    const { owner } = await createTenant();
    const row = await createContent(owner.organizationId, { workflowStatus: "scheduled" });
    for (const to of ["publishing", "published", "partially_published", "failed"]) {
      await expectProblem(await transition(owner, row.id, { to }), 400, "validation_failed");
    }
    expect((await readContent(owner, row.id)).workflow_status).toBe("scheduled");
  });

  it("a move costs two round trips and is audited as content.status_change with its comment", async () => {
    const { owner } = await createTenant();
    const row = await createContent(owner.organizationId);
    const { response, roundTrips } = await measure(`/v1/content/${row.id}/transitions`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ to: "in_review", comment: "Ready for legal." }),
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(2);
    const audit = await auditRows(owner.organizationId, row.id);
    expect(audit.map((a) => a.action)).toEqual(["content.status_change"]);
    expect(audit[0]?.changes).toEqual({
      workflow_status: { from: "draft", to: "in_review" },
      comment: "[withheld]",
    });
  });

  it("a stale If-Match is 412; another tenant's content is 404", async () => {
    const { owner } = await createTenant();
    const row = await createContent(owner.organizationId);
    const stale = await call(`/v1/content/${row.id}/transitions`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json", "if-match": '"stale"' },
      body: JSON.stringify({ to: "in_review" }),
    });
    await expectProblem(stale, 412, "precondition_failed");
    const other = await createTenant();
    await expectProblem(await transition(other.owner, row.id, { to: "in_review" }), 404, "content_not_found");
  });

  it("on content that requires approval, review moves go through an approval request, for everyone", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const row = await createContent(owner.organizationId, {
      workflowStatus: "in_review",
      approvalRequired: true,
    });
    for (const to of ["approved", "changes_requested"]) {
      const problem = await expectProblem(
        await transition(owner, row.id, { to }),
        409,
        "approval_request_required",
      );
      expect(problem).toMatchObject({ submit: `/v1/content/${row.id}/approval-requests` });
    }
    const draft = await createContent(owner.organizationId, { approvalRequired: true });
    await expectProblem(
      await transition(editor, draft.id, { to: "in_review" }),
      409,
      "approval_request_required",
    );
    expect((await transition(editor, draft.id, { to: "archived" })).status).toBe(200);
    const relaxed = await createContent(owner.organizationId, { workflowStatus: "in_review" });
    expect((await transition(editor, relaxed.id, { to: "approved" })).status).toBe(200);
  });
});

describe("scheduling", () => {
  it("needs scheduled_for in the future: else 422 platform_rules_failed, and nothing changes", async () => {
    const { owner } = await createTenant();
    const past = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      scheduledFor: new Date(Date.now() - 60_000),
    });
    const problem = (await expectProblem(
      await transition(owner, past.id, { to: "scheduled" }),
      422,
      "platform_rules_failed",
    )) as RulesProblem;
    expect(problem.failures).toEqual([expect.objectContaining({ platform: null, rule: "scheduled_for" })]);
    const none = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      scheduledFor: null,
    });
    await expectProblem(await transition(owner, none.id, { to: "scheduled" }), 422, "platform_rules_failed");
    expect((await readContent(owner, past.id)).workflow_status).toBe("approved");
    expect(await auditRows(owner.organizationId, past.id)).toEqual([]);
  });

  it("the time can be set as the content is scheduled, and unscheduling keeps it", async () => {
    const { owner } = await createTenant();
    for (const platform of ["x", "bluesky"] as const) await createSocialAccount(owner, { platform });
    const row = await createContent(owner.organizationId, { workflowStatus: "approved", scheduledFor: null });
    const at = new Date(Date.now() + 86_400_000);
    const response = await transition(owner, row.id, { to: "scheduled", scheduled_for: at.toISOString() });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      workflow_status: "scheduled",
      scheduled_for: at.toISOString(),
    });
    const back = await transition(owner, row.id, {
      to: "approved",
      comment: "Hold until the minister confirms.",
    });
    expect(await back.json()).toMatchObject({ workflow_status: "approved", scheduled_for: at.toISOString() });
    await expectProblem(
      await transition(owner, row.id, { to: "in_review", scheduled_for: at.toISOString() }),
      400,
      "validation_failed",
    );
  });

  it("must pass every target platform's rules, answered with all the failures", async () => {
    const { owner } = await createTenant();
    const png = await createMedia(owner.organizationId, { mimeType: "image/png", fileSize: 2_000_000 });
    const images = await Promise.all(Array.from({ length: 4 }, () => createMedia(owner.organizationId)));
    const row = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      caption: `${"🎉".repeat(141)} #live https://example.com/agenda`,
      hashtags: Array.from({ length: 30 }, (_, i) => `#t${i}`),
      mediaAssets: [png.id, ...images.map((m) => m.id)],
      targetPlatforms: ["x", "bluesky", "instagram"],
    });
    const problem = (await expectProblem(
      await transition(owner, row.id, { to: "scheduled" }),
      422,
      "platform_rules_failed",
    )) as RulesProblem;
    const found = problem.failures.map((f) => `${f.platform}:${f.rule}${f.media_id ? `:${f.media_id}` : ""}`);
    expect(found).toEqual([
      "x:caption_length",
      "x:media_count",
      "bluesky:caption_length",
      "bluesky:media_count",
      `bluesky:media_size:${png.id}`,
      "instagram:hashtag_count",
      `instagram:media_type:${png.id}`,
    ]);
    expect((await readContent(owner, row.id)).workflow_status).toBe("approved");
  });

  it("content that passes is scheduled", async () => {
    const { owner } = await createTenant();
    for (const platform of ["x", "bluesky", "instagram", "threads", "linkedin", "facebook"] as const) {
      await createSocialAccount(owner, { platform });
    }
    const image = await createMedia(owner.organizationId, { width: 1200, height: 1000 });
    const row = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      caption: "Doors open at 8:00 🎉 https://example.com/agenda",
      hashtags: ["#AES2027"],
      mediaAssets: [image.id],
      targetPlatforms: ["x", "bluesky", "instagram", "threads", "linkedin", "facebook"],
    });
    const response = await transition(owner, row.id, { to: "scheduled" });
    expect(response.status).toBe(200);
  });
});

describe("POST /v1/content/{id}/validate", () => {
  it("answers ok and the failures in one round trip, changing nothing", async () => {
    const { owner } = await createTenant();
    const pdf = await createMedia(owner.organizationId, {
      fileType: "document",
      mimeType: "application/pdf",
    });
    const row = await createContent(owner.organizationId, {
      caption: "a".repeat(281),
      mediaAssets: [pdf.id],
      targetPlatforms: ["x", "linkedin"],
    });
    const { response, roundTrips } = await measure(`/v1/content/${row.id}/validate`, {
      method: "POST",
      headers: owner.headers,
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    expect(await response.json()).toEqual({
      ok: false,
      protocol_checks: "warn",
      protocol_findings: [],
      failures: [
        {
          platform: "x",
          rule: "caption_length",
          message: expect.any(String),
          limit: 280,
          actual: 281,
        },
        {
          platform: "x",
          rule: "media_type",
          message: expect.any(String),
          limit: "image, gif, video",
          actual: "application/pdf",
          media_id: pdf.id,
        },
      ],
    });
    expect((await readContent(owner, row.id)).updated_at).toBe(row.updatedAt.toISOString());
    expect(await auditRows(owner.organizationId, row.id)).toEqual([]);

    const fine = await createContent(owner.organizationId, { targetPlatforms: ["x", "bluesky"] });
    const verdict = await call(`/v1/content/${fine.id}/validate`, { method: "POST", headers: owner.headers });
    expect(await verdict.json()).toEqual({
      ok: true,
      failures: [],
      protocol_checks: "warn",
      protocol_findings: [],
    });
  });
});
