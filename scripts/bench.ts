/**
 * `npm run bench`: starts its own stack (fresh database) and `wrangler dev`, warms every endpoint up,
 * then loads the endpoints with autocannon in turn, round after round, so a slow moment of the
 * machine falls on all of them alike; each figure is the median over the rounds. Reports requests/s,
 * p50, p99, the ratio to `/ping` (the Worker's own cost, no I/O) and to `/health` (one raw query)
 * (each round's ratio to the baseline's figure in the same round, then the median over the rounds),
 * PostgreSQL round trips per request (counted by the proxy), the Worker's own CPU per request
 * (sampled through its inspector in a further run of each endpoint) and the local database side's
 * (the proxy and PostgreSQL, which share the machine's cores here but not in production). Absolute
 * numbers depend on the machine; the ratios, round trips and CPU figures are what to compare. Beside
 * the table: the ingest consumer's items per second, and the time from a moderator's approval to the
 * item on a widget's live socket (p50, p99). The rows include the public wall read from the edge cache.
 *
 * Settings: BENCH_ROUNDS (default 5), BENCH_SECONDS (per endpoint and round, default 3),
 * BENCH_CONNECTIONS (default 10), BENCH_PROFILE (a path, e.g. `/v1/me`: afterwards, load it once more
 * while the Worker's CPU is sampled; writes bench-profile.cpuprofile, for Chrome DevTools, and prints
 * the functions with the most self time).
 */
import { createHmac } from "node:crypto";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import autocannon from "autocannon";
import { busyMilliseconds, profileWhile, selfTimeByFunction } from "./lib/cpu-profile.ts";
import { withClient } from "./lib/database.ts";
import { measureIngest } from "./lib/ingest-bench.ts";
import { freePort } from "./lib/ports.ts";
import { cpuSpentBetween, databaseSideCpu } from "./lib/process-cpu.ts";
import { seedMetrics } from "./lib/seed-metrics.ts";
import { startStack } from "./lib/stack-client.ts";
import { measureApprovalToSocket, prepareWall } from "./lib/wall-bench.ts";
import { LOCAL_WEBHOOK_SECRETS } from "./lib/webhook-secrets.ts";
import { startWranglerDev } from "./lib/wrangler.ts";

interface Endpoint {
  name: string;
  path: string;
  /** Sends the bench user's access token. */
  auth?: boolean;
  /** Non-2xx answers that are the point of the endpoint, not errors. */
  expectedStatus?: number;
  /** A POST with this body and these headers (a signed webhook delivery). */
  post?: { body: string; headers: Record<string, string> };
}

/** A delivery signed as X signs one (base64 HMAC-SHA256 of the body), with the local secret. */
function signedXDelivery(): Endpoint["post"] {
  const body = JSON.stringify({
    for_user_id: "2244994945",
    tweet_create_events: [{ id_str: "1", text: "@us hi" }],
  });
  const secret = LOCAL_WEBHOOK_SECRETS.x?.secrets[0] ?? "";
  const signature = createHmac("sha256", secret).update(body).digest("base64");
  return {
    body,
    headers: { "content-type": "application/json", "x-twitter-webhooks-signature": `sha256=${signature}` },
  };
}

const ENDPOINTS: Endpoint[] = [
  { name: "baseline (no I/O)", path: "/ping" },
  { name: "health (1 query)", path: "/health" },
  { name: "openapi document", path: "/openapi.json" },
  { name: "unknown route (404)", path: "/v1/nowhere", expectedStatus: 404 },
  { name: "GET /v1/me (JWT + 1 query)", path: "/v1/me", auth: true },
  { name: "GET /v1/events (page of 20)", path: "/v1/events?limit=20", auth: true },
  { name: "GET /v1/audit-logs (page of 20)", path: "/v1/audit-logs?limit=20", auth: true },
  { name: "GET /v1/approval-requests (inbox)", path: "/v1/approval-requests?limit=20", auth: true },
  { name: "GET /v1/notifications/unread-count", path: "/v1/notifications/unread-count", auth: true },
  { name: "GET /v1/published-posts (page of 20)", path: "/v1/published-posts?limit=20", auth: true },
  { name: "POST /webhooks/x (verify + queue)", path: "/webhooks/x", post: signedXDelivery() },
];

/** A fresh organisation with some events, signed in: what the authenticated endpoints read. */
async function seedBenchTenant(
  baseUrl: string,
): Promise<{ token: string; organizationId: string; eventId: string }> {
  const id = crypto.randomUUID().slice(0, 8);
  const response = await fetch(`${baseUrl}/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      organization: { name: `Bench ${id}`, slug: `bench-${id}`, country_code: "KE" },
      owner: {
        email: `owner-${id}@example.test`,
        password: "correct horse battery staple",
        first_name: "Ada",
        last_name: "Lovelace",
      },
    }),
  });
  if (response.status !== 201)
    throw new Error(`bench sign-up failed: ${response.status} ${await response.text()}`);
  const { access_token, organization } = (await response.json()) as {
    access_token: string;
    organization: { id: string };
  };
  let eventId = "";
  for (let i = 0; i < 40; i++) {
    const created = await fetch(`${baseUrl}/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${access_token}` },
      body: JSON.stringify({
        name: `Bench event ${i}`,
        slug: `bench-event-${i}`,
        start_date: new Date(Date.UTC(2027, 0, 1 + i)).toISOString(),
        end_date: new Date(Date.UTC(2027, 0, 2 + i)).toISOString(),
        timezone: "Africa/Nairobi",
        official_hashtags: ["#Bench"],
      }),
    });
    if (created.status !== 201) throw new Error(`bench event failed: ${created.status}`);
    eventId ||= ((await created.json()) as { id: string }).id;
  }
  return { token: access_token, organizationId: organization.id, eventId };
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const TAG = "bench";

interface Sample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  roundTripsPerRequest: number;
  databaseCpuMsPerRequest: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const stack = await startStack("test");
try {
  const url = new URL(stack.databaseUrl);
  url.searchParams.set("application_name", TAG);
  const worker = await startWranglerDev(stack, {
    port: await freePort(),
    appEnv: "development",
    databaseUrl: url.toString(),
    quiet: !process.env.BENCH_LOGS,
    minify: !process.env.BENCH_PROFILE,
  });
  try {
    const roundTrips = async () => {
      const response = await fetch(`http://${stack.neonProxy}/round-trips?tag=${TAG}`);
      return ((await response.json()) as { round_trips: number }).round_trips;
    };
    const { token, organizationId, eventId } = await seedBenchTenant(worker.url);
    // Two years of measurements for the tenant: the dashboards below answer over real volumes.
    const measured = await withClient(stack.adminUrl, (client) =>
      seedMetrics(client, { rows: 70_000, months: 24, endingAt: new Date(), organizationId }),
    );
    ENDPOINTS.push(
      {
        name: "GET event dashboard (edge cache)",
        path: `/v1/events/${measured.eventIds.at(-2)}/analytics`,
        auth: true,
      },
      { name: "GET event intelligence (edge cache)", path: `/v1/events/${eventId}/intelligence`, auth: true },
    );
    // The public wall: its cached read is a row below; the approval-to-socket time is measured apart.
    const wall = await prepareWall({ workerUrl: worker.url, token, eventId });
    ENDPOINTS.push({ name: "GET public wall (edge cache)", path: `/public/v1/events/${wall.key}/wall` });
    // First, while the ingest queue is empty: the webhook rows below leave a backlog behind them.
    const ingest = await measureIngest({ workerUrl: worker.url, adminUrl: stack.adminUrl, organizationId });
    // Before the loads: every approval moves the wall's version on, which the cached read then keeps.
    const approvals = await measureApprovalToSocket({
      workerUrl: worker.url,
      adminUrl: stack.adminUrl,
      organizationId,
      token,
      wall,
    });
    const request = (endpoint: Endpoint) => ({
      url: `${worker.url}${endpoint.path}`,
      headers: { ...(endpoint.auth ? { authorization: `Bearer ${token}` } : {}), ...endpoint.post?.headers },
      ...(endpoint.post ? { method: "POST" as const, body: endpoint.post.body } : {}),
    });
    // Warm-up: every endpoint under the full load once, so no endpoint pays for compiling the
    // isolate or filling the JIT, and the first one measured is not the unluckiest.
    for (const endpoint of ENDPOINTS) {
      await autocannon({ ...request(endpoint), connections, duration: 1 });
    }
    const samples = new Map<Endpoint, Sample[]>(ENDPOINTS.map((e) => [e, []]));
    for (let round = 0; round < rounds; round++) {
      for (const endpoint of ENDPOINTS) {
        const before = await roundTrips();
        const databaseBefore = databaseSideCpu();
        const result = await autocannon({ ...request(endpoint), connections, duration: seconds });
        const databaseAfter = databaseSideCpu();
        const after = await roundTrips();
        const completed = result.requests.total;
        samples.get(endpoint)?.push({
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts + (endpoint.expectedStatus ? 0 : result.non2xx),
          roundTripsPerRequest: completed ? (after - before) / completed : 0,
          databaseCpuMsPerRequest: completed ? cpuSpentBetween(databaseBefore, databaseAfter) / completed : 0,
        });
      }
    }
    // The Worker's own CPU per request, from a sampled profile of a further run of each endpoint:
    // what the isolate spent (everything but idle) divided by the requests it served. Unlike req/s,
    // this leaves out the proxy, PostgreSQL and autocannon, which share the machine's cores.
    const cpuMsPerRequest = new Map<Endpoint, number>();
    for (const endpoint of ENDPOINTS) {
      let completed = 0;
      const profile = await profileWhile(worker.inspectorPort, async () => {
        completed = (await autocannon({ ...request(endpoint), connections, duration: seconds })).requests
          .total;
      });
      cpuMsPerRequest.set(endpoint, completed ? busyMilliseconds(profile) / completed : 0);
    }
    const rows = ENDPOINTS.map((endpoint) => {
      const taken = samples.get(endpoint) ?? [];
      const cpu = () => Number((cpuMsPerRequest.get(endpoint) ?? 0).toFixed(3));
      const of = (pick: (s: Sample) => number) => median(taken.map(pick));
      return {
        endpoint: endpoint.name,
        path: endpoint.path,
        requests_per_second: Math.round(of((s) => s.requestsPerSecond)),
        p50_ms: of((s) => s.p50),
        p99_ms: of((s) => s.p99),
        errors: taken.reduce((sum, s) => sum + s.errors, 0),
        round_trips_per_request: Number(of((s) => s.roundTripsPerRequest).toFixed(2)),
        worker_cpu_ms_per_request: cpu(),
        database_side_cpu_ms_per_request: Number(of((s) => s.databaseCpuMsPerRequest).toFixed(2)),
      };
    });
    // Each round's ratio to the baseline measured in that round, then the median over the rounds:
    // the machine's speed drifts between rounds (a neighbour's load), and both sides of a ratio
    // taken seconds apart see the same drift.
    const ratio = (endpoint: Endpoint, to: string) => {
      const base = samples.get(ENDPOINTS.find((e) => e.path === to) ?? endpoint) ?? [];
      const own = samples.get(endpoint) ?? [];
      const ratios = own.map(
        (s, round) => s.requestsPerSecond / (base[round]?.requestsPerSecond || Number.NaN),
      );
      return Number(median(ratios.filter(Number.isFinite)).toFixed(2));
    };
    const report = rows.map((row, index) => ({
      ...row,
      ratio_to_ping: ratio(ENDPOINTS[index] as Endpoint, "/ping"),
      ratio_to_health: ratio(ENDPOINTS[index] as Endpoint, "/health"),
    }));
    const header = [
      "endpoint",
      "req/s",
      "p50 ms",
      "p99 ms",
      "× /ping",
      "× /health",
      "round trips/req",
      "Worker CPU ms/req",
      "DB side CPU ms/req",
      "errors",
    ];
    const table = [
      header,
      ...report.map((r) => [
        r.endpoint,
        String(r.requests_per_second),
        String(r.p50_ms),
        String(r.p99_ms),
        r.ratio_to_ping.toFixed(2),
        r.ratio_to_health.toFixed(2),
        r.round_trips_per_request.toFixed(2),
        r.worker_cpu_ms_per_request.toFixed(3),
        r.database_side_cpu_ms_per_request.toFixed(2),
        String(r.errors),
      ]),
    ];
    const widths = header.map((_, i) => Math.max(...table.map((line) => line[i]?.length ?? 0)));
    const lines = table.map((line) => line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  "));
    process.stdout.write(
      `\n${lines[0]}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${lines.slice(1).join("\n")}\n\n`,
    );
    process.stdout.write(
      `ingest consumer: ${ingest.items} items in ${ingest.deliveries} signed deliveries through /webhooks/x, the queue and the store in ${ingest.seconds} s: ${ingest.items_per_second} items/s\n` +
        `moderator's approval to the item on a connected widget's socket: p50 ${approvals.p50_ms} ms, p99 ${approvals.p99_ms} ms (${approvals.approvals} approvals)\n\n`,
    );
    const json = {
      rounds,
      seconds,
      connections,
      measured_at: new Date().toISOString(),
      results: report,
      ingest,
      approval_to_socket: approvals,
    };
    writeFileSync(
      resolve(import.meta.dirname, "../bench-results.json"),
      `${JSON.stringify(json, null, 2)}\n`,
    );
    process.stdout.write(`${JSON.stringify(json)}\n`);
    const profiled = ENDPOINTS.find((e) => e.path === process.env.BENCH_PROFILE);
    if (process.env.BENCH_PROFILE && !profiled)
      throw new Error(`BENCH_PROFILE: no endpoint ${process.env.BENCH_PROFILE}`);
    if (profiled) {
      const profile = await profileWhile(worker.inspectorPort, () =>
        autocannon({ ...request(profiled), connections, duration: seconds }),
      );
      const file = resolve(import.meta.dirname, "../bench-profile.cpuprofile");
      writeFileSync(file, JSON.stringify(profile));
      process.stdout.write(`\nCPU profile of ${profiled.path} (${file}), self time:\n`);
      for (const { fn, percent } of selfTimeByFunction(profile)) {
        process.stdout.write(`${percent.toFixed(1).padStart(5)}%  ${fn}\n`);
      }
    }
  } finally {
    await worker.stop();
  }
} finally {
  await stack.stop();
}
