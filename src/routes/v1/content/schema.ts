import { z } from "@hono/zod-openapi";
import { CONTENT_WORKFLOW_STATUSES } from "../../../db/schema/content.ts";
import { CONTENT_TYPES } from "../../../services/content/post-text.ts";
import { PROTOCOL_CODES, PROTOCOL_SEVERITIES } from "../../../services/content/protocol-checks.ts";
import { RULES } from "../../../services/content/rule-checks.ts";
import { USER_TARGET_STATUSES } from "../../../services/content/workflow.ts";
import type { ContentWithEmbargo } from "../../../services/embargoes/embargo.ts";
import { PROTOCOL_CHECK_MODES } from "../../../services/organization/settings.ts";
import { relativeToOf } from "../../../services/sessions/relative.ts";
import {
  DateTimeSchema,
  HashtagsSchema,
  PlatformSchema,
  SetOf,
  TargetPlatformsSchema,
  withEtag,
} from "../common.ts";
import { RelativeToSchema } from "./relative-to.ts";

export const ContentTypeSchema = z.enum(CONTENT_TYPES);
export const WorkflowStatusSchema = z.enum(CONTENT_WORKFLOW_STATUSES);

export const ContentSchema = z
  .object({
    id: z.uuid(),
    version: z.int().min(1),
    parent_version_id: z.uuid().nullable().openapi({ description: "The version this one was made from" }),
    content_type: ContentTypeSchema,
    title: z.string().nullable(),
    caption: z.string().nullable(),
    hashtags: z.array(z.string()),
    media_assets: z.array(z.uuid()).openapi({ description: "Media asset ids, in display order" }),
    target_platforms: z.array(PlatformSchema),
    scheduled_for: z.iso.datetime().nullable(),
    relative_to: RelativeToSchema.nullable().openapi({
      description:
        "When set, scheduled_for is computed from it and follows the session or phase when it moves",
    }),
    workflow_status: WorkflowStatusSchema,
    approval_required: z.boolean(),
    event_id: z.uuid().nullable(),
    campaign_id: z.uuid().nullable(),
    embargo_until: z.iso.datetime().nullable(),
    embargo_session_id: z.uuid().nullable(),
    embargo_lifts_at: z.iso.datetime().nullable().openapi({
      description:
        "When the embargo lifts: the latest of embargo_until, the session's start (as it is now) and the embargoes of the media it uses; null: none. Before it, nothing is published or shown publicly",
    }),
    created_by: z.uuid().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("Content");

/** A response with one content row and its ETag. */
export const one = (description: string) => withEtag(ContentSchema, description);

export const created = (description: string) => ({
  ...one(description),
  headers: {
    ...one(description).headers,
    Location: { schema: { type: "string" as const }, description: "The new version" },
  },
});

export function toContent(row: ContentWithEmbargo): z.infer<typeof ContentSchema> {
  return {
    id: row.id,
    version: row.version,
    parent_version_id: row.parentVersionId,
    content_type: row.contentType as z.infer<typeof ContentTypeSchema>,
    title: row.title,
    caption: row.caption,
    hashtags: row.hashtags,
    media_assets: row.mediaAssets,
    target_platforms: row.targetPlatforms,
    scheduled_for: row.scheduledFor?.toISOString() ?? null,
    relative_to: relativeToOf(row),
    workflow_status: row.workflowStatus,
    approval_required: row.approvalRequired,
    event_id: row.eventId,
    campaign_id: row.campaignId,
    embargo_until: row.embargoUntil?.toISOString() ?? null,
    embargo_session_id: row.embargoSessionId,
    embargo_lifts_at: row.embargoLiftsAt?.toISOString() ?? null,
    created_by: row.createdBy,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** Media ids, each once; 20 is the most any platform takes in one post (Threads, LinkedIn). */
const MediaIdsSchema = SetOf(z.uuid(), 20).openapi({ example: ["0d6f0f4e-0000-4000-8000-000000000031"] });

export const ContentFields = {
  content_type: ContentTypeSchema,
  title: z.string().trim().min(1).max(300).nullable(),
  caption: z.string().max(10_000).nullable(),
  hashtags: HashtagsSchema,
  media_assets: MediaIdsSchema,
  target_platforms: TargetPlatformsSchema,
  scheduled_for: DateTimeSchema.nullable().openapi({
    description: "A clock time; setting it drops relative_to (not both: 400 relative_and_clock_time)",
  }),
  relative_to: RelativeToSchema.nullable().openapi({
    description:
      "Schedule relative to a session or phase of the content's event instead of a clock time; null drops it (scheduled_for keeps its last value)",
  }),
  approval_required: z.boolean().openapi({
    description:
      "Deciding the review needs content:approve. Defaults to the organisation's require_approval setting",
  }),
  event_id: z.uuid().nullable(),
  campaign_id: z.uuid().nullable(),
  embargo_until: DateTimeSchema.nullable().openapi({
    description: "Not published nor shown publicly before this time; null lifts it",
  }),
  embargo_session_id: z.uuid().nullable().openapi({
    description:
      "Not published nor shown publicly before this session of the organisation starts (moving the session moves the embargo); null lifts it",
  }),
};

export const RuleFailureSchema = z
  .object({
    platform: PlatformSchema.nullable().openapi({ description: "null: the content as a whole" }),
    rule: z.enum(RULES),
    message: z.string(),
    limit: z.union([z.number(), z.string()]).nullable(),
    actual: z.union([z.number(), z.string()]).nullable(),
    media_id: z.uuid().optional().openapi({ description: "The asset a media rule is about" }),
  })
  .openapi("PlatformRuleFailure");

export const ProtocolFindingSchema = z
  .object({
    code: z.enum(PROTOCOL_CODES),
    severity: z.enum(PROTOCOL_SEVERITIES).openapi({
      description: "error: blocks when the organisation's protocol_checks is block; warning never blocks",
    }),
    delegate_id: z.uuid(),
    platform: PlatformSchema.nullable().openapi({
      description: "The platform a handle is missing on; null: the text",
    }),
    message: z
      .string()
      .openapi({ example: '"H.E. Amina Diallo" is expected where "Amina Diallo" is written.' }),
    expected: z.string().openapi({ example: "H.E. Amina Diallo" }),
    actual: z
      .string()
      .nullable()
      .openapi({ description: "As the text has it; null when absent (a missing tag)" }),
  })
  .openapi("ProtocolFinding");

export const ValidationResultSchema = z
  .object({
    ok: z.boolean().openapi({
      description:
        "true: the content could be scheduled now (no rule fails, and no protocol finding blocks under the organisation's setting)",
    }),
    failures: z.array(RuleFailureSchema),
    protocol_checks: z.enum(PROTOCOL_CHECK_MODES).openapi({
      description:
        "The organisation's setting: block refuses review, approval requests, scheduling and publish-now on an error finding",
    }),
    protocol_findings: z.array(ProtocolFindingSchema),
  })
  .openapi("ContentValidation");

export const TransitionBody = z
  .strictObject({
    to: z.enum(USER_TARGET_STATUSES),
    comment: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .openapi({ description: "Kept in the audit trail" }),
    scheduled_for: DateTimeSchema.optional().openapi({
      description: "Only with to: scheduled — the time to publish at (else the content's scheduled_for)",
    }),
    relative_to: RelativeToSchema.optional().openapi({
      description:
        "Only with to: scheduled, instead of scheduled_for — publish relative to a session or phase; the time follows it when it moves",
    }),
  })
  .openapi("ContentTransitionRequest", { example: { to: "in_review", comment: "Ready for legal." } });

export const VersionRefSchema = z.object({ id: z.uuid(), version: z.int() });

export const VersionDiffSchema = z
  .object({
    from: VersionRefSchema,
    to: VersionRefSchema,
    changes: z
      .record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }))
      .openapi({ description: "Each field that differs, with its value in `from` and in `to`" }),
  })
  .openapi("ContentVersionDiff");
