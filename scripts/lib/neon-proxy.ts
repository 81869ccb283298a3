/**
 * A local stand-in for Neon's edge: the WebSocket tunnel (`/v1`) and the HTTP query endpoint
 * (`POST /sql`) that `@neondatabase/serverless` speaks, in front of a plain PostgreSQL.
 *
 * It counts round trips per `application_name` (a test tags its connection string with one), which
 * is how tests and benchmarks measure what an endpoint costs. Loopback only.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { connect as connectTcp } from "node:net";
import pg from "pg";
import { WebSocketServer } from "ws";

export interface NeonProxyOptions {
  /** Where PostgreSQL listens. */
  pgHost: string;
  pgPort: number;
  /** Port to listen on (0 picks a free one). */
  port: number;
}

export interface NeonProxy {
  port: number;
  roundTrips(tag: string): number;
  close(): Promise<void>;
}

type QueryInput = { query: string; params?: unknown[] };

/**
 * Statements run as named prepared statements, parsed and planned once per connection, up to this
 * many distinct texts (the rest unnamed), so PostgreSQL's memory stays bounded under a test suite.
 * The proxy shares the machine's cores with the Worker, unlike Neon in production: what the local
 * database spends re-planning the same statements would be charged to the Worker in `npm run bench`.
 */
const MAX_NAMED_STATEMENTS = 1000;

/** Every text result stays text: the driver parses values itself from each field's type id. */
const rawText = { getTypeParser: () => (value: string) => value };

const errorFields = [
  "severity",
  "code",
  "detail",
  "hint",
  "position",
  "internalPosition",
  "internalQuery",
  "where",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
  "file",
  "line",
  "routine",
] as const;

/** A Terminate message ('X', length 4): the driver sends it but never closes its socket. */
function endsWithTerminate(chunk: Buffer): boolean {
  const n = chunk.length;
  return n >= 5 && chunk[n - 5] === 0x58 && chunk.readInt32BE(n - 4) === 4;
}

/** Reads `application_name` out of a StartupMessage (protocol 3.0), if this chunk is one. */
function startupApplicationName(chunk: Buffer): string | undefined {
  if (chunk.length < 8 || chunk.readInt32BE(4) !== 196608) return undefined;
  const length = Math.min(chunk.readInt32BE(0), chunk.length);
  const parts = chunk.subarray(8, length).toString("utf8").split("\0");
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (parts[i] === "application_name") return parts[i + 1];
  }
  return undefined;
}

export async function startNeonProxy(options: NeonProxyOptions): Promise<NeonProxy> {
  const counts = new Map<string, number>();
  const count = (tag: string) => counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const pools = new Map<string, pg.Pool>();
  const statementNames = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = statementNames.get(text);
    if (!name && statementNames.size < MAX_NAMED_STATEMENTS) {
      name = createHash("sha256").update(text).digest("base64url");
      statementNames.set(text, name);
    }
    return name;
  };

  function poolFor(connectionString: string): { pool: pg.Pool; tag: string } {
    const url = new URL(connectionString);
    const tag = url.searchParams.get("application_name") ?? "default";
    const key = `${url.username}\0${url.password}\0${url.pathname}`;
    let pool = pools.get(key);
    if (!pool) {
      pool = new pg.Pool({
        host: options.pgHost,
        port: options.pgPort,
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
        database: decodeURIComponent(url.pathname.slice(1)),
        max: 20,
        types: rawText,
      });
      pool.on("error", () => {});
      pools.set(key, pool);
    }
    return { pool, tag };
  }

  function resultJson(result: pg.QueryResult<unknown[]>) {
    return {
      command: result.command,
      rowCount: result.rowCount,
      rows: result.rows,
      fields: result.fields.map((f) => ({ ...f, format: "text" })),
      rowAsArray: true,
    };
  }

  async function handleSql(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as QueryInput | { queries: QueryInput[] };
    const connectionString = req.headers["neon-connection-string"];
    if (typeof connectionString !== "string") {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "missing Neon-Connection-String" }));
      return;
    }
    const { pool, tag } = poolFor(connectionString);
    count(tag);
    const client = await pool.connect();
    const run = (q: QueryInput) =>
      client.query<unknown[]>({
        name: nameOf(q.query),
        text: q.query,
        values: q.params ?? [],
        rowMode: "array",
        types: rawText,
      });
    let inTransaction = false;
    try {
      let payload: unknown;
      if ("queries" in body) {
        const isolation = req.headers["neon-batch-isolation-level"];
        const readOnly = req.headers["neon-batch-read-only"] === "true";
        const deferrable = req.headers["neon-batch-deferrable"] === "true";
        const modes = [
          typeof isolation === "string"
            ? `ISOLATION LEVEL ${isolation.replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase()}`
            : "",
          readOnly ? "READ ONLY" : "",
          deferrable ? "DEFERRABLE" : "",
        ].filter(Boolean);
        await client.query(`BEGIN ${modes.join(" ")}`);
        inTransaction = true;
        const results = [];
        for (const q of body.queries) results.push(resultJson(await run(q)));
        await client.query("COMMIT");
        inTransaction = false;
        payload = { results };
      } else {
        payload = resultJson(await run(body));
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    } catch (error) {
      if (inTransaction) await client.query("ROLLBACK").catch(() => {});
      const err = error as Record<string, unknown> & Error;
      const json: Record<string, unknown> = { message: err.message };
      for (const field of errorFields) if (err[field] !== undefined) json[field] = err[field];
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
    } finally {
      client.release();
    }
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://proxy");
    if (req.method === "POST" && url.pathname === "/sql") {
      handleSql(req, res).catch((error: Error) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: error.message }));
      });
      return;
    }
    if (req.method === "GET" && url.pathname === "/round-trips") {
      const tag = url.searchParams.get("tag") ?? "default";
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ tag, round_trips: counts.get(tag) ?? 0 }));
      return;
    }
    if (req.method === "GET" && url.pathname === "/health") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"ok":true}');
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end('{"message":"not found"}');
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    if (!(req.url ?? "").startsWith("/v1")) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const tcp = connectTcp(options.pgPort, options.pgHost);
      let tag: string | undefined;
      const pending: Buffer[] = [];
      let connected = false;
      tcp.on("connect", () => {
        connected = true;
        for (const chunk of pending) tcp.write(chunk);
        pending.length = 0;
      });
      tcp.on("data", (data) => ws.readyState === ws.OPEN && ws.send(data));
      tcp.on("close", () => ws.close());
      tcp.on("error", () => ws.terminate());
      ws.on("message", (raw) => {
        const chunk = Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw as ArrayBuffer);
        tag ??= startupApplicationName(chunk) ?? "default";
        count(tag);
        if (connected) tcp.write(chunk);
        else pending.push(chunk);
        if (endsWithTerminate(chunk)) {
          tcp.end();
          ws.close();
        }
      });
      ws.on("close", () => tcp.end());
      ws.on("error", () => tcp.destroy());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    roundTrips: (tag) => counts.get(tag) ?? 0,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...pools.values()].map((p) => p.end()));
    },
  };
}
