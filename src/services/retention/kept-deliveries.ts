/**
 * Webhook deliveries that could not be stored are kept raw in the media bucket
 * (services/inbound/delivery-archive.ts) while the cron replays them, about two and a half days in
 * all. What people wrote must not stay there for good: a kept delivery is deleted
 * `SOFT_DELETE_RETENTION_DAYS` after it last failed, like a deleted record (its failure row stays, and
 * a replay then answers 409 `delivery_not_kept`). A bounded number per night, no database.
 */
import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import { FAILED_DELIVERY_PREFIX } from "../inbound/delivery-archive.ts";
import { SOFT_DELETE_RETENTION_DAYS } from "./sources.ts";

const MAX_LISTED = 5000;

export async function expireKeptDeliveries(config: Config, asOf: Date, logger: Logger): Promise<number> {
  const before = asOf.getTime() - SOFT_DELETE_RETENTION_DAYS * 86_400_000;
  let cursor: string | undefined;
  let listed = 0;
  let deleted = 0;
  do {
    const page = await config.MEDIA.list({
      prefix: FAILED_DELIVERY_PREFIX,
      include: ["customMetadata"],
      ...(cursor ? { cursor } : {}),
    });
    listed += page.objects.length;
    const old = page.objects
      .filter((o) => Date.parse(o.customMetadata?.failed_at ?? o.uploaded.toISOString()) < before)
      .map((o) => o.key);
    if (old.length > 0) await config.MEDIA.delete(old);
    deleted += old.length;
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor && listed < MAX_LISTED);
  if (deleted > 0) logger.info("kept webhook deliveries past retention deleted", { deleted });
  return deleted;
}
