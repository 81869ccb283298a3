/**
 * A fake Bluesky AppView for the local PDS (peers/bluesky/start.mjs) to proxy `app.bsky.*` to, as
 * the real PDS proxies every Bluesky client's reads. It answers `app.bsky.notification.listNotifications`
 * (auth required: the caller is the `iss` of the PDS's service-auth JWT, decoded but not verified),
 * `app.bsky.feed.searchPosts` (public; without auth a `cursor` is refused 403, as the real public
 * API's proxy does), `app.bsky.feed.getPosts`, and records `app.bsky.notification.updateSeen`, in the
 * lexicons' shapes. Everything else is 501 MethodNotImplemented.
 *
 * Control API, under `/_fake` (JSON in and out):
 * - `POST /index {uris}`: reads each record from the PDS and indexes it as the AppView would after
 *   the firehose (a post's view and tags; mention, reply, quote, repost, like, follow notifications);
 *   a record no longer in the PDS is dropped, as a delete on the firehose drops it;
 * - `POST /notifications {did, notifications}` and `POST /posts {posts}`: views as given (the rest
 *   defaulted), for pages no repository needs to back;
 * - `POST /faults {method, did?, status?: 429, times?: 1, reset_seconds?: 30}`: the next `times`
 *   calls of `method` (by `did` when given) fail; a 429 carries `ratelimit-*` and `retry-after`;
 * - `GET /calls?did=`: every XRPC call received, `{method, did, params}`.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { AppViewStore, type Peer } from "./store.ts";
import { isJson, type Json } from "./views.ts";

interface Fault {
  method: string;
  did: string | null;
  status: number;
  remaining: number;
  resetSeconds: number;
}

export interface FakeAppView {
  url: string;
  did: string;
  /** Where `/_fake/index` reads records (the PDS starts after the AppView it proxies to). */
  usePds(peer: Peer): void;
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(body === undefined ? "" : JSON.stringify(body));
};
const xrpcError = (res: ServerResponse, status: number, error: string, message: string) =>
  send(res, status, { error, message });
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The caller's DID from the PDS's service-auth JWT, or why it is refused; null without auth. */
function caller(req: IncomingMessage, appViewDid: string, nsid: string): string | null | { refuse: string } {
  const header = req.headers.authorization ?? "";
  if (!header.startsWith("Bearer ")) return null;
  try {
    const payload = JSON.parse(Buffer.from(header.split(".")[1] ?? "", "base64url").toString("utf8")) as Json;
    if (payload.aud !== appViewDid) return { refuse: "BadJwtAudience" };
    if (payload.lxm !== undefined && payload.lxm !== nsid) return { refuse: "BadJwtLexiconMethod" };
    if (typeof payload.exp === "number" && payload.exp * 1000 < Date.now()) return { refuse: "JwtExpired" };
    return typeof payload.iss === "string" ? (payload.iss.split("#")[0] ?? null) : { refuse: "BadJwt" };
  } catch {
    return { refuse: "BadJwt" };
  }
}

export async function startAppView(options: { did?: string } = {}): Promise<FakeAppView> {
  const did = options.did ?? "did:web:appview.guddu.test";
  const store = new AppViewStore();
  const faults: Fault[] = [];
  const calls: Array<{ method: string; did: string | null; params: Record<string, string[]> }> = [];

  async function control(method: string, path: string, query: URLSearchParams, body: Json): Promise<Json> {
    if (method === "POST" && path === "/index") {
      const indexed = [];
      for (const uri of list(body.uris)) indexed.push(await store.index(String(uri)));
      return { indexed };
    }
    if (method === "POST" && path === "/notifications") {
      return { notifications: store.addNotifications(String(body.did ?? ""), list(body.notifications)) };
    }
    if (method === "POST" && path === "/posts") return { posts: store.addPosts(list(body.posts)) };
    if (method === "POST" && path === "/faults") {
      faults.push({
        method: String(body.method),
        did: typeof body.did === "string" ? body.did : null,
        status: typeof body.status === "number" ? body.status : 429,
        remaining: typeof body.times === "number" ? body.times : 1,
        resetSeconds: typeof body.reset_seconds === "number" ? body.reset_seconds : 30,
      });
      return { queued: faults.length };
    }
    if (method === "GET" && path === "/calls") {
      const who = query.get("did");
      return { calls: calls.filter((c) => who === null || c.did === who) };
    }
    throw new Error(`no control route ${method} /_fake${path}`);
  }

  /** An injected failure for this call, answered; false when none is queued. */
  function takeFault(res: ServerResponse, method: string, me: string | null): boolean {
    const index = faults.findIndex((f) => f.method === method && (f.did === null || f.did === me));
    const fault = faults[index];
    if (!fault) return false;
    fault.remaining -= 1;
    if (fault.remaining <= 0) faults.splice(index, 1);
    if (fault.status !== 429) {
      xrpcError(res, fault.status, "InternalServerError", "Internal Server Error");
      return true;
    }
    const headers = {
      "ratelimit-limit": "3000",
      "ratelimit-remaining": "0",
      "ratelimit-reset": String(Math.ceil(Date.now() / 1000) + fault.resetSeconds),
      "ratelimit-policy": "3000;w=300",
      "retry-after": String(fault.resetSeconds),
    };
    send(res, 429, { error: "RateLimitExceeded", message: "Rate Limit Exceeded" }, headers);
    return true;
  }

  function xrpc(res: ServerResponse, nsid: string, who: string | null, params: URLSearchParams) {
    switch (nsid) {
      case "app.bsky.notification.listNotifications": {
        if (!who) return xrpcError(res, 401, "AuthMissing", "Authentication Required");
        const answer = store.listNotifications(who, params);
        return send(res, answer.status, answer.body);
      }
      case "app.bsky.notification.updateSeen":
        if (!who) return xrpcError(res, 401, "AuthMissing", "Authentication Required");
        return send(res, 200, undefined);
      case "app.bsky.feed.searchPosts": {
        if (!who && params.has("cursor")) {
          res.writeHead(403, { "content-type": "text/html" });
          return res.end(
            "<html><body><h1>403 Forbidden</h1>Request forbidden by administrative rules.</body></html>",
          );
        }
        const answer = store.searchPosts(params);
        return send(res, answer.status, answer.body);
      }
      case "app.bsky.feed.getPosts": {
        // The lexicon allows 1 to 25 URIs; posts without a view are left out, in the order asked.
        const uris = params.getAll("uris");
        if (uris.length === 0 || uris.length > 25) {
          return xrpcError(res, 400, "InvalidRequest", "uris must have between 1 and 25 items");
        }
        return send(res, 200, { posts: uris.flatMap((uri) => store.view(uri) ?? []) });
      }
      default:
        return xrpcError(res, 501, "MethodNotImplemented", "Method Not Implemented");
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://appview.invalid");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (url.pathname.startsWith("/_fake/")) {
      const text = Buffer.concat(chunks).toString("utf8");
      const body = text ? (JSON.parse(text) as unknown) : {};
      const path = url.pathname.slice("/_fake".length);
      return send(
        res,
        200,
        await control(req.method ?? "GET", path, url.searchParams, isJson(body) ? body : {}),
      );
    }
    const nsid = url.pathname.startsWith("/xrpc/") ? url.pathname.slice("/xrpc/".length) : "";
    if (nsid === "_health") return send(res, 200, { version: "fake-appview" });
    const who = caller(req, did, nsid);
    if (who !== null && typeof who === "object")
      return xrpcError(res, 401, who.refuse, "service auth refused");
    const params: Record<string, string[]> = {};
    for (const key of new Set(url.searchParams.keys())) params[key] = url.searchParams.getAll(key);
    calls.push({ method: nsid, did: who, params });
    if (takeFault(res, nsid, who)) return;
    xrpc(res, nsid, who, url.searchParams);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      xrpcError(res, 500, "InternalServerError", error instanceof Error ? error.message : String(error));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    did,
    usePds(peer) {
      store.peer = peer;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}
