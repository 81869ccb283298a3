/** Content factories, written like the Worker writes (application role, tenant set), and calls on it. */
import { env } from "cloudflare:workers";
import type { Platform } from "../../src/db/schema/columns.ts";
import { type ContentWorkflowStatus, content } from "../../src/db/schema/content.ts";
import { mediaAssets } from "../../src/db/schema/media-assets.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { loadConfig } from "../../src/env.ts";
import type { TenantContext } from "../../src/services/context.ts";
import { call, postJson } from "./http.ts";
import { type TestUser, testDb } from "./tenants.ts";

export interface ContentBody {
  id: string;
  version: number;
  parent_version_id: string | null;
  content_type: string;
  title: string | null;
  caption: string | null;
  hashtags: string[];
  media_assets: string[];
  target_platforms: string[];
  scheduled_for: string | null;
  workflow_status: ContentWorkflowStatus;
  approval_required: boolean;
  event_id: string | null;
  campaign_id: string | null;
  created_at: string;
  updated_at: string;
}

/** An hour from now: a time content may be scheduled for. */
export const inAnHour = () => new Date(Date.now() + 3_600_000);

export async function createContent(
  organizationId: string,
  overrides: {
    contentType?: string;
    title?: string | null;
    caption?: string | null;
    hashtags?: string[];
    mediaAssets?: string[];
    targetPlatforms?: Platform[];
    scheduledFor?: Date | null;
    workflowStatus?: ContentWorkflowStatus;
    approvalRequired?: boolean;
    eventId?: string | null;
    campaignId?: string | null;
    parentVersionId?: string | null;
    version?: number;
    deleted?: boolean;
  } = {},
) {
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(content)
      .values({
        organizationId,
        contentType: overrides.contentType ?? "post",
        title: overrides.title === undefined ? "Day one opens" : overrides.title,
        caption: overrides.caption === undefined ? "Doors open at 8:00. See you there!" : overrides.caption,
        hashtags: overrides.hashtags ?? [],
        mediaAssets: overrides.mediaAssets ?? [],
        targetPlatforms: overrides.targetPlatforms ?? ["x", "bluesky"],
        scheduledFor: overrides.scheduledFor === undefined ? inAnHour() : overrides.scheduledFor,
        workflowStatus: overrides.workflowStatus ?? "draft",
        approvalRequired: overrides.approvalRequired ?? false,
        eventId: overrides.eventId ?? null,
        campaignId: overrides.campaignId ?? null,
        parentVersionId: overrides.parentVersionId ?? null,
        version: overrides.version ?? 1,
        deletedAt: overrides.deleted ? new Date() : null,
      })
      .returning(),
  }));
  return inserted[0]!;
}

/** A media row (no bytes in R2) with the facts the platform rules read. */
export async function createMedia(
  organizationId: string,
  overrides: {
    fileType?: string;
    mimeType?: string;
    fileSize?: number;
    width?: number | null;
    height?: number | null;
    deleted?: boolean;
  } = {},
) {
  const id = crypto.randomUUID();
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(mediaAssets)
      .values({
        id,
        organizationId,
        filename: "stage.jpg",
        fileType: overrides.fileType ?? "image",
        mimeType: overrides.mimeType ?? "image/jpeg",
        fileSize: overrides.fileSize ?? 200_000,
        storageKey: `org/${organizationId}/${id}`,
        width: overrides.width === undefined ? 1080 : overrides.width,
        height: overrides.height === undefined ? 1080 : overrides.height,
        processingStatus: "ready",
        deletedAt: overrides.deleted ? new Date() : null,
      })
      .returning(),
  }));
  return inserted[0]!;
}

/** A context for calling content services directly, e.g. as the publisher (a system actor). */
export function systemContext(organizationId: string): TenantContext {
  return {
    db: testDb(),
    config: loadConfig(env),
    request: { ip: null, userAgent: null },
    now: () => new Date(),
    organizationId,
    actor: { type: "system", name: "test-publisher" },
  };
}

export const createContentAs = (user: TestUser, body: unknown) =>
  postJson("/v1/content", body, { headers: user.headers });

export const patchContent = (
  user: TestUser,
  id: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  call(`/v1/content/${id}`, {
    method: "PATCH",
    headers: { ...user.headers, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

export const transition = (user: TestUser, id: string, body: unknown) =>
  postJson(`/v1/content/${id}/transitions`, body, { headers: user.headers });

export async function readContent(user: TestUser, id: string): Promise<ContentBody> {
  return (await (await call(`/v1/content/${id}`, { headers: user.headers })).json()) as ContentBody;
}

/** An approved first version and the draft made from it. */
export async function createVersionPair(organizationId: string) {
  const first = await createContent(organizationId, { workflowStatus: "approved" });
  const second = await createContent(organizationId, {
    parentVersionId: first.id,
    version: 2,
    caption: "Edited",
  });
  return { first, second };
}
