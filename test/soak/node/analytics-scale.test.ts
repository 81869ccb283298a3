/**
 * The analytics read at scale: 1,000,000 measurements over 24 months (scripts/lib/seed-metrics.ts),
 * and an event's dashboard statement — the one the Worker sends, in one round trip — reads only the
 * monthly partitions of that event's posts, as EXPLAIN ANALYZE shows.
 */
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  createDatabase,
  dropDatabase,
  migrateDatabase,
  withDatabase,
} from "../../../scripts/lib/database.ts";
import { type MetricsSeed, seedMetrics } from "../../../scripts/lib/seed-metrics.ts";
import { dashboardStatementFor } from "../../../src/services/analytics/dashboard.ts";

const database = `guddu_scale_${crypto.randomUUID().slice(0, 8)}`;
let client: pg.Client;
let seed: MetricsSeed;

beforeAll(async () => {
  const admin = inject("adminUrl");
  await createDatabase(admin, database, "template0");
  await migrateDatabase(withDatabase(admin, database));
  client = new pg.Client({ connectionString: withDatabase(admin, database) });
  await client.connect();
  const started = performance.now();
  seed = await seedMetrics(client, { rows: 1_000_000, months: 24, endingAt: new Date() });
  console.info(
    `seeded ${seed.rows} measurements of ${seed.posts} posts in ${Math.round(performance.now() - started)} ms`,
  );
}, 600_000);

afterAll(async () => {
  await client?.end();
  await dropDatabase(inject("adminUrl"), database);
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Loops"?: number;
  "Subplans Removed"?: number;
  Plans?: PlanNode[];
}

function* nodes(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* nodes(child);
}

describe("an event's dashboard over 1,000,000 measurements", () => {
  it("holds at least a million rows over 24 monthly partitions", async () => {
    expect(seed.rows).toBeGreaterThanOrEqual(1_000_000);
    const { rows } = await client.query<{ partitions: number }>(
      `select count(*)::int as partitions from pg_inherits i join pg_class c on c.oid = i.inhrelid
       where i.inhparent = 'engagement_metrics'::regclass and c.relname ~ '_\\d{4}_\\d{2}$'`,
    );
    expect(rows[0]?.partitions).toBeGreaterThanOrEqual(24);
  });

  it("reads only the partitions of the event's posts' months", async () => {
    const eventId = seed.eventIds[12] as string;
    const statement = new PgDialect().sqlToQuery(
      dashboardStatementFor(seed.organizationId, { scope: "event", id: eventId, bucket: "day" }),
    );
    await client.query("begin");
    await client.query("select set_config('app.org_id', $1, true)", [seed.organizationId]);
    const explained = await client.query<{
      "QUERY PLAN": Array<{ Plan: PlanNode; "Execution Time": number }>;
    }>(`explain (analyze, format json) ${statement.sql}`, statement.params);
    const answer = await client.query<{ found: boolean; posts: number }>(statement.sql, statement.params);
    const months = await client.query<{ month: string }>(
      `select distinct to_char(date_trunc('month', d, 'UTC'), 'YYYY_MM') as month
       from published_posts p join content c on c.id = p.content_id,
         generate_series(p.published_at, p.published_at + interval '31 days', interval '1 day') d
       where c.event_id = $1 order by 1`,
      [eventId],
    );
    await client.query("commit");
    const [plan] = explained.rows[0]?.["QUERY PLAN"] ?? [];
    const scanned = [...nodes(plan?.Plan as PlanNode)]
      .filter((n) => n["Relation Name"]?.startsWith("engagement_metrics") && (n["Actual Loops"] ?? 0) > 0)
      .map((n) => n["Relation Name"]?.replace("engagement_metrics_", ""));
    console.info(
      `event dashboard: ${answer.rows[0]?.posts} posts, partitions scanned ${[...new Set(scanned)].join(", ")}, ${plan?.["Execution Time"]} ms`,
    );
    expect(answer.rows[0]).toMatchObject({ found: true });
    expect(answer.rows[0]?.posts).toBeGreaterThan(0);
    const possible = months.rows.map((r) => r.month);
    expect(possible.length).toBeLessThanOrEqual(3);
    expect(new Set(scanned).size).toBeGreaterThan(0);
    for (const partition of scanned) expect(possible).toContain(partition);
  });
});
