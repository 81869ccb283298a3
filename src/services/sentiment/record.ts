/**
 * The sentiment of what arrives: every inbound item created or edited is judged (the analyser of
 * src/platform/sentiment: Workers AI when bound, the lexicon otherwise) and its row written to
 * `sentiment_analysis`, replacing the row of an earlier state; a deleted item loses its row. In the
 * same batch (one round trip for the whole delivery):
 * - our posts that were answered, quoted or reposted are measured again within a minute, while their
 *   measuring schedule runs: the counts a webhook tells us changed are read soon, not at the next step;
 * - each event that received judged items is checked for a sentiment alert (alerts.ts); an alert
 *   that fires notifies the event's managers in one more round trip.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { delegates } from "../../db/schema/delegates.ts";
import { events } from "../../db/schema/events.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { Logger } from "../../platform/logger.ts";
import { type DelegateRef, type SentimentResult, sentimentAnalyser } from "../../platform/sentiment/index.ts";
import type { TenantContext } from "../context.ts";
import type { StoredItem } from "../inbound/store.ts";
import { sentimentAlertEvents } from "../webhooks/events.ts";
import { alertStatement, notifyAlerts } from "./alerts.ts";

/** Delegates of events that are on or recent: whom an arriving text may name. */
const DELEGATE_HORIZON_DAYS = 30;

/** The delegates of the organisation's current events, read in the batch that stores the arrivals. */
export function currentDelegates(ctx: Pick<TenantContext, "organizationId">, db: Database) {
  return db
    .select({
      id: delegates.id,
      firstName: delegates.firstName,
      lastName: delegates.lastName,
      socialHandles: delegates.socialHandles,
    })
    .from(delegates)
    .innerJoin(events, sql`${events.id} = ${delegates.eventId}`)
    .where(
      ownedBy(
        ctx,
        delegates.organizationId,
        sql`${delegates.deletedAt} is null and ${events.deletedAt} is null`,
        sql`${events.endDate} > now() - make_interval(days => ${DELEGATE_HORIZON_DAYS})`,
      ),
    );
}

export type CurrentDelegate = Awaited<ReturnType<typeof currentDelegates>>[number];

export const delegateRefs = (rows: readonly CurrentDelegate[]): DelegateRef[] =>
  rows.map((d) => ({
    id: d.id,
    name: [d.firstName, d.lastName].filter(Boolean).join(" "),
    handles: Object.values(d.socialHandles).filter((h): h is string => typeof h === "string"),
  }));

/** The organisation's analyser: Workers AI when the binding is there, the lexicon asset otherwise. */
export const analyserOf = (ctx: TenantContext, logger?: Logger) =>
  sentimentAnalyser(
    { ...(ctx.config.AI ? { AI: ctx.config.AI } : {}), ASSETS: ctx.config.ASSETS },
    logger ? { logger } : {},
  );

/** A judged item as the insert statement reads it. */
interface JudgedRow {
  item_id: string;
  received_at: string;
  sentiment: SentimentResult["sentiment"];
  score: number | null;
  language: string;
  engine: SentimentResult["engine"];
  entities: SentimentResult["entities"];
  keywords: string[];
}

export async function recordArrivalSentiment(
  ctx: TenantContext,
  people: readonly CurrentDelegate[],
  arrived: readonly StoredItem[],
  logger?: Logger,
): Promise<void> {
  if (arrived.length === 0) return;
  const judged = arrived.filter((item) => item.outcome !== "deleted" && item.observation.content?.text);
  const results = await analyserOf(ctx, logger).analyse(
    judged.map((item) => item.observation.content?.text ?? ""),
    delegateRefs(people),
    judged.map((item) => item.observation.content?.language ?? null),
  );
  const rows: JudgedRow[] = judged.map((item, index) => {
    const result = results[index] as SentimentResult;
    return {
      item_id: item.itemId,
      received_at: item.receivedAt.toISOString(),
      sentiment: result.sentiment,
      score: result.score,
      language: result.language,
      engine: result.engine,
      entities: result.entities,
      keywords: result.keywords,
    };
  });
  const replaced = arrived.filter((item) => item.outcome !== "created").map((item) => item.itemId);
  const itemIds = arrived.map((item) => item.itemId);
  // The arrivals' own partitions of inbound_items (they were all received in this batch or before).
  const times = arrived.map((item) => item.receivedAt.getTime());
  const [earliest, latest] = [new Date(Math.min(...times)), new Date(Math.max(...times))];
  const eventIds = [...new Set(judged.flatMap((item) => (item.eventId ? [item.eventId] : [])))];
  const org = ctx.organizationId;
  const { alerts } = await inTenant(ctx, (db) => ({
    replaced:
      replaced.length > 0
        ? db.execute(
            sql`delete from sentiment_analysis where organization_id = ${org}
                and inbound_item_id = any(${sql.param(replaced)}::uuid[])`,
          )
        : undefined,
    inserted:
      rows.length > 0
        ? db.execute(sql`
            insert into sentiment_analysis (organization_id, published_post_id, event_id, platform, text_content,
              sentiment, sentiment_score, entities, keywords, inbound_item_id, language, engine, analyzed_at)
            select i.organization_id, i.published_post_id, i.event_id, i.platform, i.text, j.sentiment, j.score,
              j.entities, j.keywords, i.id, j.language, j.engine, ${ctx.now().toISOString()}::timestamptz
            from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as j(item_id uuid, received_at timestamptz,
              sentiment text, score numeric, language text, engine text, entities jsonb, keywords text[])
            join inbound_items i on i.id = j.item_id and i.received_at = j.received_at and i.organization_id = ${org}
            where i.text is not null`)
        : undefined,
    remeasured: db.execute(sql`
      update published_posts p set metrics_due_at = least(p.metrics_due_at, now() + interval '1 minute')
      where p.organization_id = ${org} and p.metrics_due_at is not null
        and p.id in (select i.published_post_id from inbound_items i
          where i.organization_id = ${org} and i.id = any(${sql.param(itemIds)}::uuid[])
            and i.received_at between ${earliest.toISOString()}::timestamptz and ${latest.toISOString()}::timestamptz
            and i.published_post_id is not null)`),
    alerts: eventIds.length > 0 ? alertStatement(db, org, eventIds, ctx.now()) : undefined,
    alertHooks: eventIds.length > 0 ? sentimentAlertEvents(db, org) : undefined,
  }));
  if (alerts && alerts.rows.length > 0) await notifyAlerts(ctx, alerts.rows, logger);
}
