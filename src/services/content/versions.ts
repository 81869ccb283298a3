/**
 * Version chains. Each version is a content row pointing at the one it was made from
 * (`parent_version_id`, `version` = parent's + 1); a chain is linear (only the newest version of a
 * chain gets a successor), so it reads oldest to newest from any of its members.
 */
import { and, desc, eq, isNull, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import { type Content, content } from "../../db/schema/content.ts";
import { inTenant } from "../../db/tenant.ts";
import { BadRequestError, ConflictError, NotFoundError } from "../../errors.ts";
import { auditEntry, diff } from "../audit/record.ts";
import type { TenantContext } from "../context.ts";
import { type ContentWithEmbargo, contentWithEmbargo } from "../embargoes/embargo.ts";
import { type PageInput, type PageValue, pageStatement, paginate } from "../pagination.ts";
import {
  CONTENT_FIELDS,
  type ContentFields,
  contentNotFound,
  explainRefusal,
  fieldsOf,
  liveContent,
  referenceQueries,
  referencesOf,
  versionStatements,
} from "./store.ts";

const versionNotFound = () =>
  new NotFoundError("content_version_not_found", "No such version in this content's history.");

/**
 * The ids of every row in the chain of `id`: up through the parents to the first version, then down
 * through every version made from it. Deleted rows are walked through (a chain is not cut by a
 * deleted version) and left for the caller to filter. The organisation and the id are values, or a
 * prepared statement's placeholders.
 */
function chainOf(organizationId: SQLWrapper | string, id: SQLWrapper | string): SQL {
  return sql`(
    with recursive up (id, parent_version_id, version) as (
      select id, parent_version_id, version from content where id = ${id} and organization_id = ${organizationId}
      union all
      select c.id, c.parent_version_id, c.version from content c join up on c.id = up.parent_version_id
      where c.organization_id = ${organizationId}
    ),
    down (id) as (
      (select id from up order by version limit 1)
      union all
      select c.id from content c join down on c.parent_version_id = down.id
      where c.organization_id = ${organizationId}
    )
    select id from down
  )`;
}

/** The live versions of the chain of `id` (values, or a prepared statement's placeholders). */
const inChain = (
  organizationId: SQLWrapper | string,
  id: SQLWrapper | string,
  ...conditions: Array<SQL | undefined>
) =>
  and(
    eq(content.organizationId, organizationId),
    sql`${content.id} in ${chainOf(organizationId, id)}`,
    isNull(content.deletedAt),
    ...conditions,
  );

const oldestFirst = { by: content.createdAt, id: content.id, direction: "asc" } as const;

/** A page of a chain's versions, rendered once per shape (db/prepared.ts). */
const versionsPage = preparedStatement(
  "versionsPage",
  (db, value: Value<"organizationId" | "id" | PageValue>, shape: { continued: boolean }) => {
    const page = pageStatement(oldestFirst, shape.continued, value);
    return db
      .select({ row: contentWithEmbargo(), key: page.key })
      .from(content)
      .where(inChain(value("organizationId"), value("id"), page.after))
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/** The live versions of the chain `id` belongs to, oldest first. One round trip. */
export async function listVersions(ctx: TenantContext, id: string, input: PageInput) {
  const page = paginate(input, oldestFirst);
  const { found, rows } = await inTenant(ctx, (db) => ({
    found: db.select({ id: content.id }).from(content).where(liveContent(ctx, id)),
    rows: versionsPage(
      db,
      { organizationId: ctx.organizationId, id, ...page.values },
      { continued: page.continued },
    ),
  }));
  if (!found[0]) throw contentNotFound();
  return page.result(rows);
}

export interface VersionRef {
  id: string;
  version: number;
}

export interface VersionDiff {
  from: VersionRef;
  to: VersionRef;
  /** `{ field: { from, to } }` for each field that differs. */
  changes: Record<string, { from: unknown; to: unknown }>;
}

/** The fields compared between versions, in the wire's names. */
function comparable(row: Content): Record<string, unknown> {
  const fields = fieldsOf(row);
  return Object.fromEntries(CONTENT_FIELDS.map((field) => [field, fields[field]]));
}

/**
 * What changed between two versions of the chain `id` belongs to. `to` defaults to `id`, `from` to the
 * version `to` was made from. One round trip.
 */
export async function diffVersions(
  ctx: TenantContext,
  id: string,
  input: { from?: string; to?: string },
): Promise<VersionDiff> {
  const toId = input.to ?? id;
  const parentOfTo = sql`(select ${content.parentVersionId} from ${content} where ${liveContent(ctx, toId)})`;
  const { found, rows } = await inTenant(ctx, (db) => ({
    found: db.select({ id: content.id }).from(content).where(liveContent(ctx, id)),
    rows: db
      .select()
      .from(content)
      .where(
        inChain(
          ctx.organizationId,
          id,
          or(eq(content.id, toId), input.from ? eq(content.id, input.from) : eq(content.id, parentOfTo)),
        ),
      ),
  }));
  if (!found[0]) throw contentNotFound();
  const to = rows.find((row) => row.id === toId);
  if (!to) throw versionNotFound();
  const fromId = input.from ?? to.parentVersionId;
  const from = rows.find((row) => row.id === fromId);
  if (!from) {
    if (input.from) throw versionNotFound();
    throw new BadRequestError(
      "no_earlier_version",
      `Version ${to.version} was not made from a version that still exists; name one with from.`,
    );
  }
  return {
    from: { id: from.id, version: from.version },
    to: { id: to.id, version: to.version },
    // `diff` answers `{ field: { from, to } }`, typed as the audit trail's open record.
    changes: diff(comparable(from), comparable(to)) as VersionDiff["changes"],
  };
}

/**
 * Makes a new version, at the head of the chain, with the fields of an earlier one (a draft, audit
 * `content.version_create` with `restored_from`). Two round trips: read the version and the head, then
 * the guarded insert, with the references the version makes checked in the same batch.
 */
export async function restoreVersion(
  ctx: TenantContext,
  id: string,
  versionId: string,
): Promise<ContentWithEmbargo> {
  const { found, sources, heads } = await inTenant(ctx, (db) => ({
    found: db.select({ id: content.id }).from(content).where(liveContent(ctx, id)),
    sources: db
      .select()
      .from(content)
      .where(inChain(ctx.organizationId, id, eq(content.id, versionId))),
    heads: db
      .select()
      .from(content)
      .where(inChain(ctx.organizationId, id))
      .orderBy(desc(content.version), desc(content.createdAt))
      .limit(1),
  }));
  if (!found[0]) throw contentNotFound();
  const source = sources[0];
  if (!source) throw versionNotFound();
  const head = heads[0];
  if (!head) throw contentNotFound();
  const fields: ContentFields = fieldsOf(source);
  const refs = referencesOf(fields);
  const newId = crypto.randomUUID();
  const { refsFound, version } = await inTenant(ctx, (db) => ({
    refsFound: referenceQueries(ctx, db, refs),
    version: versionStatements(ctx, db, head, { id: newId, fields, refs }),
    audit: auditEntry(ctx, db, {
      action: "content.version_create",
      entityType: "content",
      entityId: newId,
      changes: {
        parent_version_id: head.id,
        version: head.version + 1,
        restored_from: { id: source.id, version: source.version },
        ...diff(comparable(head), comparable(source)),
      },
      guard: content,
    }),
  }));
  const row = version.inserted[0];
  if (row) return row;
  await explainRefusal(ctx, refs, refsFound);
  throw new ConflictError(
    "edit_conflict",
    "The content changed while the version was being restored; try again.",
  );
}
