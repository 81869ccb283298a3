/**
 * `npm run bench`: starts its own stack (fresh database) and `wrangler dev`, then loads each endpoint
 * with autocannon next to the no-I/O baseline `/ping`, in the same run. Reports requests/s, p50,
 * p99, the ratio to the baseline, and PostgreSQL round trips per request (counted by the proxy).
 * Absolute numbers depend on the machine; the ratios and round trips are what to compare.
 *
 * Settings: BENCH_SECONDS (per endpoint, default 5), BENCH_CONNECTIONS (default 10).
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import autocannon from "autocannon";
import { freePort } from "./lib/ports.ts";
import { startStack } from "./lib/stack-client.ts";
import { startWranglerDev } from "./lib/wrangler.ts";

interface Endpoint {
  name: string;
  path: string;
  /** Sends the bench user's access token. */
  auth?: boolean;
  /** Non-2xx answers that are the point of the endpoint, not errors. */
  expectedStatus?: number;
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
];

/** A fresh organisation with some events, signed in: what the authenticated endpoints read. */
async function seedBenchTenant(baseUrl: string): Promise<string> {
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
  const { access_token } = (await response.json()) as { access_token: string };
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
  }
  return access_token;
}

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const TAG = "bench";

const stack = await startStack("test");
try {
  const url = new URL(stack.databaseUrl);
  url.searchParams.set("application_name", TAG);
  const worker = await startWranglerDev(stack, {
    port: await freePort(),
    appEnv: "development",
    databaseUrl: url.toString(),
    quiet: true,
  });
  try {
    const roundTrips = async () => {
      const response = await fetch(`http://${stack.neonProxy}/round-trips?tag=${TAG}`);
      return ((await response.json()) as { round_trips: number }).round_trips;
    };
    const token = await seedBenchTenant(worker.url);
    const rows = [];
    for (const endpoint of ENDPOINTS) {
      const headers: Record<string, string> = endpoint.auth ? { authorization: `Bearer ${token}` } : {};
      const target = `${worker.url}${endpoint.path}`;
      // A short warm-up so the first run does not pay for compiling the isolate.
      await autocannon({ url: target, headers, connections: 2, amount: 50 });
      const before = await roundTrips();
      const result = await autocannon({ url: target, headers, connections, duration: seconds });
      const after = await roundTrips();
      const completed = result.requests.total;
      rows.push({
        endpoint: endpoint.name,
        path: endpoint.path,
        requests_per_second: Math.round(result.requests.average),
        p50_ms: result.latency.p50,
        p99_ms: result.latency.p99,
        errors: result.errors + result.timeouts + (endpoint.expectedStatus ? 0 : result.non2xx),
        round_trips_per_request: completed ? Number(((after - before) / completed).toFixed(2)) : 0,
      });
    }
    const baseline = rows[0];
    const report = rows.map((row) => ({
      ...row,
      ratio_to_baseline: baseline
        ? Number((row.requests_per_second / baseline.requests_per_second).toFixed(2))
        : 1,
    }));
    const header = ["endpoint", "req/s", "p50 ms", "p99 ms", "× baseline", "round trips/req", "errors"];
    const table = [
      header,
      ...report.map((r) => [
        r.endpoint,
        String(r.requests_per_second),
        String(r.p50_ms),
        String(r.p99_ms),
        r.ratio_to_baseline.toFixed(2),
        r.round_trips_per_request.toFixed(2),
        String(r.errors),
      ]),
    ];
    const widths = header.map((_, i) => Math.max(...table.map((line) => line[i]?.length ?? 0)));
    const lines = table.map((line) => line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  "));
    process.stdout.write(
      `\n${lines[0]}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${lines.slice(1).join("\n")}\n\n`,
    );
    const json = { seconds, connections, measured_at: new Date().toISOString(), results: report };
    writeFileSync(
      resolve(import.meta.dirname, "../bench-results.json"),
      `${JSON.stringify(json, null, 2)}\n`,
    );
    process.stdout.write(`${JSON.stringify(json)}\n`);
  } finally {
    await worker.stop();
  }
} finally {
  await stack.stop();
}
