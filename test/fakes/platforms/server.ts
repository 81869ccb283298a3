/**
 * Local fakes of the closed social platforms (X, Facebook Pages, Instagram, LinkedIn, Threads): one
 * Node HTTP server on 127.0.0.1, each platform under its own prefix, so `PLATFORM_BASE_URLS` can say
 * `{"x": "http://127.0.0.1:<port>/x", …}`. Each follows its platform's documented requests, answers,
 * errors and limits (docs/platform-contracts.md); the OAuth authorize pages consent at once (a new user each
 * time) and redirect back with a code. Started by `scripts/stack.ts` for tests and `npm run dev`.
 *
 * Control API (JSON in, JSON out), under `/_fake`:
 *
 * - `POST /_fake/faults` `{platform, operation, fault, times?: 1, account?}` queues a fault. The next
 *   `times` requests of that operation on that platform suffer it (only the account's requests when
 *   `account` — a platform user id, Facebook Page id or LinkedIn person URN — is given; use it, tests
 *   run in parallel). Operations: `token`, `userinfo`, `media`, `container`, `status`, `publish`,
 *   `find`, `delete`, `metrics`, `revoke`. Faults:
 *     - `rate_limit`: the platform's throttling answer (X 429 + `x-rate-limit-reset`; LinkedIn 429
 *       TOO_MANY_REQUESTS; Graph error 32 with `X-Business-Use-Case-Usage` for Facebook, 9/2207042
 *       for an Instagram publish, 4 with `X-App-Usage` otherwise — Graph answers throttling with 400
 *       and an error code, not 429);
 *     - `server_error`: 5xx in the platform's shape (Graph: code 2, `is_transient`);
 *     - `timeout_after_accept`: the request takes effect (the post is stored), then no answer ever
 *       comes; the connection stays open until the client gives up;
 *     - `drop_after_accept`: the request takes effect, then the connection is destroyed;
 *     - `expired_token`: the platform's expired-token answer (X 401, Graph 190/463, LinkedIn 401 65602);
 *     - `duplicate`: the duplicate refusal (X 403 duplicate content, Graph 506, LinkedIn 422
 *       DUPLICATE_POST) — nothing stored. (X, Facebook and LinkedIn also refuse real repeats.)
 *     - `container_in_progress` (Instagram/Threads, operation `status` or `container`): the
 *       container answers IN_PROGRESS for `times` more status reads (and cannot be published meanwhile).
 * - `POST /_fake/faults/random` `{seed, rate, platform?, account?, operations?: ["publish"], faults?}`:
 *   each matching request suffers a fault with probability `rate`, chosen by a generator seeded with
 *   `seed` (default faults: all but `container_in_progress`).
 * - `DELETE /_fake/faults?platform=&account=` removes queued and random faults (all when unscoped).
 * - `GET /_fake/posts?platform=&account=&deleted=true` lists the posts the fake holds (oldest first;
 *   `account` is the platform user id, Facebook Page id, or LinkedIn member id or author URN):
 *   `{posts: [{platform, id, owner, text, created_at, media, link, deleted, reply_to}]}` — count
 *   duplicates here; `reply_to` is the parent post of a reply (X, Threads), else null.
 * - `GET /_fake/containers?platform=&account=` lists Instagram/Threads containers with their status.
 * - `GET /_fake/revocations?platform=&account=` lists the tokens revoked (X and LinkedIn revocation,
 *   Facebook de-authorisation): `{revocations: [{platform, account, page, kind: access|refresh, at}]}`,
 *   `account` the platform user id (a Facebook Page id finds its Page tokens).
 * - `POST /_fake/tokens/expire` `{token}` makes an issued access token expired now.
 * - `POST /_fake/tokens/age` `{token, seconds}` makes a token look `seconds` older (Instagram and
 *   Threads refresh only tokens at least 24 h old).
 * - `POST /_fake/posts/delete` `{platform, id}` deletes a post as its owner would in the platform's
 *   own app (Instagram has no API delete): the API then answers as for any post that is gone.
 * - `POST /_fake/metrics` `{platform, id, metrics: {views, likes, comments, shares, clicks, reach?,
 *   saves?, quotes?}}` sets a post's numbers (defaults 120/7/2/1/3; reach defaults to 80% of views,
 *   saves and quotes to 0). Each fake answers them under its platform's metric names; `faults` on
 *   operation `metrics` strike every metrics read (X `GET /2/tweets`, Graph insights and post
 *   fields, LinkedIn social metadata and share statistics).
 * - `POST /_fake/webhooks/sign` `{platform, secret, body}` answers `{headers}` signed as the platform
 *   signs deliveries (X `x-twitter-webhooks-signature`, Meta `X-Hub-Signature-256`, LinkedIn
 *   `X-LI-Signature` in the literal form of its docs).
 * - `POST /_fake/webhooks/deliver` `{platform, url, secret, events, copies?: 1, forge?: false}` builds
 *   one delivery of `events` as the platform builds it (webhook-payloads.ts: `[{account, item_id,
 *   action: create|edit|delete, kind, text, in_reply_to?, parent_comment?, author?: {id, handle, name},
 *   at, hashtags?, mentions?}]`; Meta batches them in `entry[]`, LinkedIn in `notifications[]`), signs
 *   it (with another secret when `forge`), POSTs it `copies` times to `url` (the Worker's
 *   `/webhooks/<platform>`) one after another, and answers `{statuses, body, headers}`.
 * - `POST /_fake/instagram/hashtag-media`, `POST /_fake/instagram/hashtag-searches/age`: public media
 *   for Hashtag Search, and aging an account's hashtag lookups (instagram-hashtags.ts).
 * - `POST /_fake/linkedin/organizations` `{account}`: a new LinkedIn organisation the member
 *   administers → `{organization}` (linkedin.ts).
 * - `POST /_fake/reset` `{platform?}` forgets everything (of one platform). Only when nothing else runs.
 *
 * Beside the platforms, `/_receiver/…` is a webhook receiver for the outbound webhooks' tests: it
 * records what it gets and fails on command (receiver.ts).
 *
 *   node test/fakes/platforms/server.ts [--port 4455]   # standalone, prints its base URLs
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  FAKE_PLATFORMS,
  FAULTS,
  type FakePlatform,
  type FakeRequest,
  FakeState,
  type Fault,
  OPERATIONS,
  type Operation,
  type Reply,
} from "./core.ts";
import { handleFacebook } from "./facebook.ts";
import { handleInstagram } from "./instagram.ts";
import { instagramControl } from "./instagram-hashtags.ts";
import { handleLinkedIn, linkedinControl } from "./linkedin.ts";
import { FAKE_CLIENTS } from "./oauth.ts";
import { WebhookReceivers } from "./receiver.ts";
import { handleThreads } from "./threads.ts";
import { buildWebhookPayload, parseWebhookEvents, signWebhook } from "./webhook-payloads.ts";
import { handleX } from "./x.ts";

export { FAKE_CLIENTS };

const HANDLERS: Record<FakePlatform, (state: FakeState, request: FakeRequest) => Promise<Reply>> = {
  x: handleX,
  facebook: handleFacebook,
  instagram: handleInstagram,
  linkedin: handleLinkedIn,
  threads: handleThreads,
};

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface FakePlatforms {
  origin: string;
  port: number;
  /** `{platform: "http://127.0.0.1:<port>/<platform>"}`, as `PLATFORM_BASE_URLS` wants it. */
  baseUrls: Record<FakePlatform, string>;
  /** `{platform: {client_id, client_secret}}`, as `PLATFORM_CLIENTS` wants it. */
  clients: typeof FAKE_CLIENTS;
  state: FakeState;
  close(): Promise<void>;
}

export async function startFakePlatforms(options: { port?: number } = {}): Promise<FakePlatforms> {
  const state = new FakeState();
  const receivers = new WebhookReceivers();
  const server: Server = createServer((req, res) => {
    handle(state, receivers, req, res).catch((error: Error) => {
      if (!res.headersSent) send(res, { status: 500, json: { error: `fake failed: ${error.message}` } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const baseUrls = Object.fromEntries(FAKE_PLATFORMS.map((p) => [p, `${origin}/${p}`])) as Record<
    FakePlatform,
    string
  >;
  return {
    origin,
    port,
    baseUrls,
    clients: FAKE_CLIENTS,
    state,
    async close() {
      // Hung (timeout_after_accept) answers would hold close() forever.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts);
}

function send(res: ServerResponse, reply: Reply): void {
  if (reply === "hang") return;
  if (reply === "drop") {
    res.socket?.destroy();
    return;
  }
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let body = reply.text ?? "";
  if (reply.json !== undefined) {
    headers["content-type"] = "application/json; charset=utf-8";
    body = JSON.stringify(reply.json);
  }
  res.writeHead(reply.status, headers);
  res.end(body);
}

const dnsRecords = new Map<string, string[]>();

async function handle(
  state: FakeState,
  receivers: WebhookReceivers,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const body = await readBody(req);
  const [, first = "", ...rest] = url.pathname.split("/");
  // A DNS-over-HTTPS resolver (the JSON API) for the outbound webhooks' address check: names answer
  // what `POST /_dns/records {name, addresses}` set, others nothing (NOERROR, no answer).
  if (first === "_dns") {
    if (req.method === "POST" && rest.join("/") === "records") {
      const { name, addresses } = JSON.parse(body.toString("utf8")) as { name: string; addresses: string[] };
      dnsRecords.set(name.toLowerCase(), addresses);
      send(res, { status: 200, json: { name, addresses } });
      return;
    }
    const name = (url.searchParams.get("name") ?? "").toLowerCase();
    const type = url.searchParams.get("type") === "AAAA" ? 28 : 1;
    const answer = (dnsRecords.get(name) ?? [])
      .filter((address) => (type === 28) === address.includes(":"))
      .map((data) => ({ name, type, TTL: 60, data }));
    send(res, { status: 200, json: { Status: 0, Answer: answer } });
    return;
  }
  if (first === "_receiver") {
    const headers = Object.fromEntries(
      Object.entries(req.headers).flatMap(([name, value]) =>
        typeof value === "string" ? [[name, value]] : [],
      ),
    );
    send(res, receivers.handle(req.method ?? "GET", `/${rest.join("/")}`, headers, body.toString("utf8")));
    return;
  }
  if (first === "_fake") {
    const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
    send(
      res,
      await control(state, req.method ?? "GET", `/${rest.join("/")}`, url.searchParams, body, origin),
    );
    return;
  }
  if (first === "_cdn") {
    // Where the fakes' deliveries point avatars (a platform's image CDN): a small PNG for any path.
    res.writeHead(200, { "content-type": "image/png", "content-length": String(CDN_IMAGE.length) });
    res.end(CDN_IMAGE);
    return;
  }
  const platform = FAKE_PLATFORMS.find((p) => p === first);
  if (!platform) {
    send(res, { status: 404, json: { error: `no fake platform at /${first}` } });
    return;
  }
  const request: FakeRequest = {
    platform,
    method: req.method ?? "GET",
    path: `/${rest.join("/")}`,
    query: url.searchParams,
    headers: req.headers,
    body,
    base: `http://${req.headers.host ?? "127.0.0.1"}/${platform}`,
    raw: req,
  };
  send(res, await HANDLERS[platform](state, request));
}

const bad = (message: string): Reply => ({ status: 400, json: { error: message } });

/** A 1×1 PNG, as the fakes' image CDN serves for every avatar. */
const CDN_IMAGE = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

async function control(
  state: FakeState,
  method: string,
  path: string,
  query: URLSearchParams,
  raw: Buffer,
  origin: string,
): Promise<Reply> {
  let body: Record<string, unknown> = {};
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
    } catch {
      return bad("the body must be JSON");
    }
  }
  const platformOf = (value: unknown) => FAKE_PLATFORMS.find((p) => p === value);
  const account = typeof body.account === "string" ? body.account : null;

  if (method === "GET" && path === "/health") return { status: 200, json: { ok: true } };
  if (path.startsWith("/instagram/")) {
    const reply = instagramControl(state, method, path.slice("/instagram".length), body);
    if (reply) return reply;
  }
  if (path.startsWith("/linkedin/")) {
    const reply = linkedinControl(state, method, path.slice("/linkedin".length), body);
    if (reply) return reply;
  }
  if (method === "POST" && path === "/reset") {
    const platform = platformOf(body.platform);
    if (body.platform !== undefined && !platform) return bad("unknown platform");
    state.reset(platform);
    return { status: 200, json: { reset: platform ?? "all" } };
  }
  if (method === "POST" && path === "/faults") {
    const platform = platformOf(body.platform);
    const operation = OPERATIONS.find((o) => o === body.operation);
    const fault = FAULTS.find((f) => f === body.fault);
    const times = body.times === undefined ? 1 : Number(body.times);
    if (!platform || !operation || !fault) {
      return bad(
        `platform (${FAKE_PLATFORMS}), operation (${OPERATIONS}) and fault (${FAULTS}) are required`,
      );
    }
    if (!Number.isInteger(times) || times < 1) return bad("times must be a positive integer");
    state.queueFault({ platform, operation, fault, account }, times);
    return { status: 201, json: { queued: { platform, operation, fault, times, account } } };
  }
  if (method === "POST" && path === "/faults/random") {
    const rate = Number(body.rate);
    const seed = Number(body.seed);
    const platform = body.platform === undefined ? null : (platformOf(body.platform) ?? "bad");
    const operations = (Array.isArray(body.operations) ? body.operations : ["publish"]) as Operation[];
    const faults = (
      Array.isArray(body.faults) ? body.faults : FAULTS.filter((f) => f !== "container_in_progress")
    ) as Fault[];
    if (!(rate >= 0 && rate <= 1) || !Number.isInteger(seed) || platform === "bad") {
      return bad("rate (0..1) and an integer seed are required; platform must be known");
    }
    if (
      !operations.every((o) => OPERATIONS.includes(o)) ||
      !faults.every((f) => FAULTS.includes(f)) ||
      faults.length === 0
    ) {
      return bad("unknown operation or fault");
    }
    state.addRandom({ platform, account, operations, faults, rate }, seed);
    return { status: 201, json: { random: { platform, account, operations, faults, rate, seed } } };
  }
  if (method === "DELETE" && path === "/faults") {
    const platform = query.get("platform");
    const who = query.get("account");
    const keep = (f: { platform: FakePlatform | null; account: string | null }) =>
      (platform !== null && f.platform !== platform) || (who !== null && f.account !== who);
    state.faults = state.faults.filter(keep);
    state.randoms = state.randoms.filter(keep);
    return { status: 200, json: { cleared: true } };
  }
  if (method === "GET" && path === "/posts") {
    const platform = query.get("platform");
    const owner = query.get("account");
    const posts = [...state.posts.values()]
      // LinkedIn posts belong to the author URN; the member id (userinfo `sub`) finds them too.
      .filter((p) => !owner || p.owner === owner || p.owner === `urn:li:person:${owner}`)
      .filter(
        (p) => (!platform || p.platform === platform) && (query.get("deleted") === "true" || !p.deleted),
      )
      .map((p) => ({
        platform: p.platform,
        id: p.id,
        owner: p.owner,
        text: p.text,
        created_at: new Date(p.createdAt).toISOString(),
        media: p.media,
        link: p.link,
        deleted: p.deleted,
        reply_to: typeof p.extra.replyTo === "string" ? p.extra.replyTo : null,
      }));
    return { status: 200, json: { posts } };
  }
  if (method === "GET" && path === "/revocations") {
    const platform = query.get("platform");
    const owner = query.get("account");
    const revocations = state.revocations
      .filter(
        (r) => (!platform || r.platform === platform) && (!owner || r.account === owner || r.page === owner),
      )
      .map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
    return { status: 200, json: { revocations } };
  }
  if (method === "GET" && path === "/containers") {
    const platform = query.get("platform");
    const owner = query.get("account");
    const containers = [...state.containers.values()]
      .filter((c) => (!platform || c.platform === platform) && (!owner || c.owner === owner))
      .map((c) => ({
        platform: c.platform,
        id: c.id,
        owner: c.owner,
        media_type: c.mediaType,
        status: c.status,
        children: c.children,
        is_carousel_item: c.isCarouselItem,
      }));
    return { status: 200, json: { containers } };
  }
  if (method === "POST" && (path === "/tokens/expire" || path === "/tokens/age")) {
    const found = typeof body.token === "string" ? state.tokens.get(body.token) : undefined;
    if (!found) return { status: 404, json: { error: "no such token" } };
    if (path === "/tokens/expire") {
      found.expiresAt = Date.now() - 1000;
    } else {
      const seconds = Number(body.seconds);
      if (!Number.isFinite(seconds) || seconds <= 0) return bad("seconds must be positive");
      found.issuedAt -= seconds * 1000;
    }
    return {
      status: 200,
      json: {
        token: {
          platform: found.platform,
          kind: found.kind,
          issued_at: found.issuedAt,
          expires_at: found.expiresAt,
        },
      },
    };
  }
  if (method === "POST" && path === "/posts/delete") {
    const platform = platformOf(body.platform);
    const post = platform && typeof body.id === "string" ? state.post(platform, body.id) : undefined;
    if (!post) return { status: 404, json: { error: "no such post" } };
    post.deleted = true;
    return { status: 200, json: { deleted: post.id } };
  }
  if (method === "POST" && path === "/metrics") {
    const platform = platformOf(body.platform);
    const post = platform && typeof body.id === "string" ? state.post(platform, body.id) : undefined;
    if (!post) return { status: 404, json: { error: "no such post" } };
    const metrics = (body.metrics ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(metrics))
      if (typeof value === "number") post.metrics[name] = value;
    return { status: 200, json: { metrics: post.metrics } };
  }
  if (method === "POST" && path === "/webhooks/sign") {
    const platform = platformOf(body.platform);
    if (!platform || typeof body.secret !== "string" || typeof body.body !== "string") {
      return bad("platform, secret and body (the raw text) are required");
    }
    const headers = await signWebhook(platform, body.secret, body.body);
    return { status: 200, json: { headers } };
  }
  if (method === "POST" && path === "/webhooks/deliver") {
    const platform = platformOf(body.platform);
    const { url, secret } = body;
    const copies = body.copies === undefined ? 1 : Number(body.copies);
    if (!platform || typeof url !== "string" || typeof secret !== "string") {
      return bad("platform, url, secret and events are required");
    }
    if (!Number.isInteger(copies) || copies < 1 || copies > 100) return bad("copies must be 1 to 100");
    let delivery: string;
    try {
      delivery = JSON.stringify(
        buildWebhookPayload(platform, parseWebhookEvents(body.events), { imageOrigin: `${origin}/_cdn` }),
      );
    } catch (error) {
      return bad((error as Error).message);
    }
    // Forged: well formed, signed with a secret the receiver does not hold.
    const headers = await signWebhook(platform, body.forge === true ? `forged-${secret}` : secret, delivery);
    const statuses: number[] = [];
    for (let copy = 0; copy < copies; copy++) {
      const answer = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: delivery,
      });
      await answer.arrayBuffer();
      statuses.push(answer.status);
    }
    return { status: 200, json: { statuses, body: delivery, headers } };
  }
  return { status: 404, json: { error: `no control route ${method} /_fake${path}` } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "0" } } });
  const fakes = await startFakePlatforms({ port: Number(values.port) });
  process.stdout.write(
    `${JSON.stringify({ origin: fakes.origin, baseUrls: fakes.baseUrls, clients: fakes.clients })}\n`,
  );
  // Closing the server ends the process: nothing else keeps it alive.
  const stop = () => void fakes.close();
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
