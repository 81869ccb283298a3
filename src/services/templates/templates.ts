/**
 * Content templates: a title, caption, hashtags and platforms with placeholders (`{{event.name}}`),
 * rendered into a content draft against an event and optionally a phase and a delegate (render.ts).
 * Placeholders are checked on every write, so a stored template only holds known ones.
 */
import { and, eq, ilike, isNull } from "drizzle-orm";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import type { Platform } from "../../db/schema/columns.ts";
import { type ContentTemplate, contentTemplates } from "../../db/schema/content-templates.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError, NotFoundError, PreconditionFailedError } from "../../errors.ts";
import { auditEntry, diff } from "../audit/record.ts";
import { assertIfMatch, unchangedSince } from "../conditional.ts";
import type { ContentType } from "../content/post-text.ts";
import { actorUserId, type TenantContext } from "../context.ts";
import { definedFields } from "../defined.ts";
import {
  likePrefix,
  type PageInput,
  type PageValue,
  pageStatement,
  paginate,
  sortOrder,
  sortValues,
} from "../pagination.ts";
import { findLive } from "../soft-delete.ts";
import { assertKnownPlaceholders } from "./placeholders.ts";

/** What `template_data` holds (declared by the request schema; title, caption and hashtags may hold placeholders). */
export interface TemplateData {
  title?: string | undefined;
  caption: string;
  hashtags?: string[] | undefined;
  target_platforms?: Platform[] | undefined;
}

export interface TemplateInput {
  name: string;
  content_type: ContentType;
  template_data: TemplateData;
  thumbnail_url?: string | null | undefined;
}

export const templateNotFound = () => new NotFoundError("template_not_found", "No such template.");

/** A template of the organisation that is not deleted. */
export const liveTemplate = (ctx: TenantContext, id: string) =>
  ownedBy(
    ctx,
    contentTemplates.organizationId,
    eq(contentTemplates.id, id),
    isNull(contentTemplates.deletedAt),
  );

/** Every template row was written through `TemplateData`'s schema. */
export const dataOf = (row: ContentTemplate) => row.templateData as unknown as TemplateData;

/** The data without absent keys, as stored. */
const stored = (data: TemplateData) => definedFields(data) as Record<string, unknown>;

/** One round trip (the row and its audit entry); unknown placeholders are refused before it. */
export async function createTemplate(ctx: TenantContext, input: TemplateInput): Promise<ContentTemplate> {
  assertKnownPlaceholders(input.template_data);
  const id = crypto.randomUUID();
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .insert(contentTemplates)
      .values({
        id,
        organizationId: ctx.organizationId,
        name: input.name,
        contentType: input.content_type,
        templateData: stored(input.template_data),
        thumbnailUrl: input.thumbnail_url ?? null,
        createdBy: actorUserId(ctx.actor),
      })
      .returning(),
    audit: auditEntry(ctx, db, {
      action: "template.create",
      entityType: "template",
      entityId: id,
      changes: {
        name: input.name,
        content_type: input.content_type,
        template_data: stored(input.template_data),
      },
    }),
  }));
  const row = rows[0];
  if (!row) throw new Error("createTemplate: the insert returned no row");
  return row;
}

export function getTemplate(ctx: TenantContext, id: string): Promise<ContentTemplate> {
  return findLive(ctx, contentTemplates, id, templateNotFound);
}

export const TEMPLATE_SORTS = sortValues("created_at", "name");

export interface ListTemplatesInput extends PageInput {
  content_type?: ContentType;
  /** Name starts with (case-insensitive). */
  q?: string;
  sort?: TemplateSort;
}

type TemplateSort = (typeof TEMPLATE_SORTS)[number];

const templateOrder = (sort: TemplateSort) =>
  sortOrder(
    sort,
    { created_at: contentTemplates.createdAt, name: contentTemplates.name },
    contentTemplates.id,
  );

/** A page of templates, rendered once per filters and order (db/prepared.ts). */
const templatesPage = preparedStatement(
  "templatesPage",
  (
    db,
    value: Value<"organizationId" | "contentType" | "prefix" | PageValue>,
    shape: { sort: TemplateSort; continued: boolean; contentType: boolean; q: boolean },
  ) => {
    const page = pageStatement(templateOrder(shape.sort), shape.continued, value);
    return db
      .select({ row: contentTemplates, key: page.key })
      .from(contentTemplates)
      .where(
        and(
          eq(contentTemplates.organizationId, value("organizationId")),
          isNull(contentTemplates.deletedAt),
          shape.contentType ? eq(contentTemplates.contentType, value("contentType")) : undefined,
          shape.q ? ilike(contentTemplates.name, value("prefix")) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

export async function listTemplates(ctx: TenantContext, input: ListTemplatesInput) {
  const sort = input.sort ?? "-created_at";
  const page = paginate(input, templateOrder(sort));
  const { rows } = await inTenant(ctx, (db) => ({
    rows: templatesPage(
      db,
      {
        organizationId: ctx.organizationId,
        contentType: input.content_type,
        prefix: input.q ? likePrefix(input.q) : undefined,
        ...page.values,
      },
      {
        sort,
        continued: page.continued,
        contentType: Boolean(input.content_type),
        q: Boolean(input.q),
      },
    ),
  }));
  return page.result(rows);
}

/**
 * Two round trips: read the template (404, If-Match, the diff for the audit), then an update guarded
 * by the row being unchanged since. `template_data` is replaced as a whole.
 */
export async function updateTemplate(
  ctx: TenantContext,
  id: string,
  patch: Partial<TemplateInput>,
  ifMatch: string | undefined,
): Promise<ContentTemplate> {
  if (patch.template_data) assertKnownPlaceholders(patch.template_data);
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db.select().from(contentTemplates).where(liveTemplate(ctx, id)),
  }));
  const current = rows[0];
  if (!current) throw templateNotFound();
  assertIfMatch(ifMatch, current.updatedAt);
  const set = definedFields({
    name: patch.name,
    contentType: patch.content_type,
    templateData: patch.template_data && stored(patch.template_data),
    thumbnailUrl: patch.thumbnail_url,
  });
  const before = {
    name: current.name,
    content_type: current.contentType,
    template_data: current.templateData,
    thumbnail_url: current.thumbnailUrl,
  };
  const after = {
    name: patch.name,
    content_type: patch.content_type,
    template_data: patch.template_data && stored(patch.template_data),
    thumbnail_url: patch.thumbnail_url,
  };
  const { updated } = await inTenant(ctx, (db) => ({
    updated: db
      .update(contentTemplates)
      .set({ ...set, updatedAt: ctx.now() })
      .where(and(liveTemplate(ctx, id), unchangedSince(contentTemplates.updatedAt, current.updatedAt)))
      .returning(),
    audit: auditEntry(ctx, db, {
      action: "template.update",
      entityType: "template",
      entityId: id,
      changes: diff<Record<string, unknown>>(before, after),
      guard: contentTemplates,
    }),
  }));
  const row = updated[0];
  if (!row) {
    if (ifMatch) throw new PreconditionFailedError();
    throw new ConflictError("edit_conflict", "The template changed while you were saving; read it again.");
  }
  return row;
}
