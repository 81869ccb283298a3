/**
 * Rendering a template: its placeholders filled from an event (and a phase and a delegate of that
 * event) into a NEW content draft, counted in the template's `usage_count`.
 */
import { and, eq, exists, isNull, sql } from "drizzle-orm";
import { content } from "../../db/schema/content.ts";
import { contentTemplates } from "../../db/schema/content-templates.ts";
import { delegates } from "../../db/schema/delegates.ts";
import { eventPhases } from "../../db/schema/event-phases.ts";
import { events } from "../../db/schema/events.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { BadRequestError, ForbiddenError, NotFoundError } from "../../errors.ts";
import { auditEntry } from "../audit/record.ts";
import { contentCreation } from "../content/content.ts";
import type { ContentType } from "../content/post-text.ts";
import { liveEvent } from "../content/store.ts";
import { actorPermissions, type TenantContext } from "../context.ts";
import { definedFields } from "../defined.ts";
import type { ContentWithEmbargo } from "../embargoes/embargo.ts";
import { assertContext, type RenderRows, renderText } from "./placeholders.ts";
import { dataOf, liveTemplate, type TemplateData, templateNotFound } from "./templates.ts";

export interface RenderInput {
  event_id: string;
  phase_id?: string | undefined;
  delegate_id?: string | undefined;
  campaign_id?: string | undefined;
  scheduled_for?: string | undefined;
}

/** Content's own limits (the content request schema's), which rendered text must keep too. */
const MAX_TITLE = 300;
const MAX_CAPTION = 10_000;
const MAX_HASHTAGS = 30;

/**
 * Rendered hashtag entries as hashtags: an entry may become several (`{{event.hashtags}}`), each is
 * split on spaces, stripped of what a hashtag cannot hold, given one `#`, and kept once (compared
 * case-insensitively, the first spelling wins).
 */
function asHashtags(entries: string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const word of entries.flatMap((entry) => entry.split(/\s+/))) {
    const body = word.replace(/[^\p{L}\p{N}_]/gu, "").slice(0, 99);
    const folded = body.toLocaleLowerCase("en");
    if (body && !seen.has(folded)) {
      seen.add(folded);
      tags.push(`#${body}`);
    }
  }
  return tags.slice(0, MAX_HASHTAGS);
}

function render(data: TemplateData, rows: RenderRows) {
  const title = data.title === undefined ? null : renderText(data.title, rows).trim() || null;
  const caption = renderText(data.caption, rows);
  if ((title?.length ?? 0) > MAX_TITLE || caption.length > MAX_CAPTION) {
    throw new BadRequestError(
      "rendered_too_long",
      `Rendered, the title or caption is longer than content allows (title ${MAX_TITLE}, caption ${MAX_CAPTION} characters).`,
    );
  }
  return { title, caption, hashtags: asHashtags((data.hashtags ?? []).map((tag) => renderText(tag, rows))) };
}

const notFound = (what: "event" | "phase" | "delegate") =>
  new NotFoundError(`${what}_not_found`, `No such ${what}${what === "event" ? "" : " in this event"}.`);

/**
 * Two round trips. The first reads the template, the event, the phase and the delegate (each a live
 * one of the organisation, the phase and delegate of that event): 404 for any missing, 400
 * `missing_context` for a phase or delegate the template needs but was not given. The second writes
 * the draft as `createContent` does (guarded by its event and campaign, and by the template still
 * being live), with its audit row, and adds one to `usage_count` with a `template.render` row: one
 * batch, so the draft and its count commit together. Concurrent renders each add one (the row lock
 * orders the increments).
 */
export async function renderTemplate(
  ctx: TenantContext,
  id: string,
  input: RenderInput,
): Promise<ContentWithEmbargo> {
  if (actorPermissions(ctx.actor)?.has("templates:read") === false) {
    throw new ForbiddenError(
      "missing_permission",
      'Rendering a template needs the "templates:read" permission.',
    );
  }
  const { templateRows, eventRows, phaseRows, delegateRows } = await inTenant(ctx, (db) => ({
    templateRows: db.select().from(contentTemplates).where(liveTemplate(ctx, id)),
    eventRows: db.select().from(events).where(liveEvent(ctx, input.event_id)),
    phaseRows: db
      .select()
      .from(eventPhases)
      .where(
        input.phase_id
          ? ownedBy(
              ctx,
              eventPhases.organizationId,
              eq(eventPhases.id, input.phase_id),
              eq(eventPhases.eventId, input.event_id),
              isNull(eventPhases.deletedAt),
            )
          : sql`false`,
      ),
    delegateRows: db
      .select()
      .from(delegates)
      .where(
        input.delegate_id
          ? ownedBy(
              ctx,
              delegates.organizationId,
              eq(delegates.id, input.delegate_id),
              eq(delegates.eventId, input.event_id),
              isNull(delegates.deletedAt),
            )
          : sql`false`,
      ),
  }));
  const template = templateRows[0];
  if (!template) throw templateNotFound();
  const event = eventRows[0];
  if (!event) throw notFound("event");
  const phase = phaseRows[0];
  if (input.phase_id && !phase) throw notFound("phase");
  const delegate = delegateRows[0];
  if (input.delegate_id && !delegate) throw notFound("delegate");
  const data = dataOf(template);
  assertContext(data, { phase: phase !== undefined, delegate: delegate !== undefined });
  const rendered = render(data, { event, phase, delegate });

  const templateStillLive = exists(
    ctx.db.select({ id: contentTemplates.id }).from(contentTemplates).where(liveTemplate(ctx, id)),
  );
  const creation = contentCreation(
    ctx,
    {
      content_type: template.contentType as ContentType,
      ...rendered,
      target_platforms: data.target_platforms ?? [],
      event_id: event.id,
      campaign_id: input.campaign_id,
      scheduled_for: input.scheduled_for,
    },
    templateStillLive,
  );
  const { created, templateNow } = await inTenant(ctx, (db) => ({
    created: creation.statements(db),
    counted: db
      .update(contentTemplates)
      // usage_count is a counter, not an edit: updated_at (the template's ETag) stays as it is.
      .set({
        usageCount: sql`${contentTemplates.usageCount} + 1`,
        updatedAt: sql`${contentTemplates.updatedAt}`,
      })
      .where(
        and(
          liveTemplate(ctx, id),
          // Counted only with its draft (a refused insert leaves no row to see).
          exists(db.select({ id: content.id }).from(content).where(eq(content.id, creation.id))),
        ),
      )
      .returning({ id: contentTemplates.id }),
    audit: auditEntry(ctx, db, {
      action: "template.render",
      entityType: "template",
      entityId: id,
      changes: definedFields({
        content_id: creation.id,
        event_id: input.event_id,
        phase_id: input.phase_id,
        delegate_id: input.delegate_id,
        campaign_id: input.campaign_id,
      }),
      guard: contentTemplates,
    }),
    templateNow: db.select({ id: contentTemplates.id }).from(contentTemplates).where(liveTemplate(ctx, id)),
  }));
  // Deleted between the read and the write: nothing was written.
  if (created.inserted.length === 0 && templateNow.length === 0) throw templateNotFound();
  return creation.settle(created);
}
