import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index.ts";
import { CRON_DISPATCH_DUE_POSTS, CRON_MAINTAIN_PARTITIONS } from "../../src/scheduled.ts";
import { envWith } from "../support/http.ts";
import { roundTripsOf, taggedDatabaseUrl } from "../support/round-trips.ts";

describe("scheduled()", () => {
  it("every cron in wrangler.toml has a job", async () => {
    const { readWranglerCrons } = await import("../support/wrangler-config.ts");
    expect(readWranglerCrons().sort()).toEqual([CRON_DISPATCH_DUE_POSTS, CRON_MAINTAIN_PARTITIONS].sort());
  });

  it("the nightly cron creates partitions ahead of time as the Worker's role, in one round trip", async () => {
    const tag = `cron_${crypto.randomUUID().replaceAll("-", "")}`;
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ cron: CRON_MAINTAIN_PARTITIONS }),
      envWith({ DATABASE_URL: taggedDatabaseUrl(tag) }),
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(await roundTripsOf(tag)).toBe(1);
  });
});
