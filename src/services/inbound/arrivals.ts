/**
 * What follows the storing of a delivery's items, for both ways items arrive (webhooks, listeners):
 * the first batch also reads what the follow-ups need (the enabled walls, the current delegates), and
 * then the wall's moderation and the sentiment of the arrivals run side by side, each in its own round
 * trip (none when there is nothing for it).
 */
import { reading } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import type { Logger } from "../../platform/logger.ts";
import type { TenantContext } from "../context.ts";
import { currentDelegates, recordArrivalSentiment } from "../sentiment/record.ts";
import { moderateArrivals, wallsOf } from "../wall/moderate.ts";
import type { StoredItem } from "./store.ts";

/** Read in the storing batch: no round trip of its own. */
export function arrivalFacts(ctx: Pick<TenantContext, "organizationId">, db: Database) {
  return reading({ walls: wallsOf(ctx, db), people: currentDelegates(ctx, db) });
}

export async function followArrivals(
  ctx: TenantContext,
  facts: {
    walls: Parameters<typeof moderateArrivals>[1];
    people: Parameters<typeof recordArrivalSentiment>[1];
  },
  arrived: readonly StoredItem[],
  logger?: Logger,
): Promise<void> {
  await Promise.all([
    moderateArrivals(ctx, facts.walls, arrived, logger),
    recordArrivalSentiment(ctx, facts.people, arrived, logger),
  ]);
}
