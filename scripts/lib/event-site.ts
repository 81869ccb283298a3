/**
 * A sample event website (test/fixtures/event-site) on its own loopback origin, with the embed's
 * widgets: what `npm run dev` shows and the browser test drives. It is served under the strict
 * Content-Security-Policy the README gives organisers, so a widget that needed more would break here.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { assertPortFree } from "./ports.ts";

const folder = resolve(import.meta.dirname, "../../test/fixtures/event-site");

/** What the embed needs from a page's policy, for widgets served by `apiOrigin`. */
export function embedCspDirectives(apiOrigin: string): string[] {
  const api = new URL(apiOrigin).origin;
  const live = api.replace(/^http/, "ws");
  return [`script-src ${api}`, `connect-src ${api} ${live}`, `img-src ${api}`];
}

/** The sample page's whole policy: nothing by default, the embed's needs, and its own stylesheet. */
export function eventSiteCsp(apiOrigin: string): string {
  return [
    "default-src 'none'",
    ...embedCspDirectives(apiOrigin),
    "style-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
  ].join("; ");
}

export interface EventSite {
  url: string;
  /** The Content-Security-Policy header the page is served with. */
  csp: string;
  stop(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Serves the sample page for the event with public key `eventKey`, its widgets reading `apiUrl`. */
export async function startEventSite(options: {
  apiUrl: string;
  eventKey: string;
  /** 0 (the default): any free port. */
  port?: number;
}): Promise<EventSite> {
  const port = options.port ?? 0;
  await assertPortFree(port, "the sample event page", "GUDDU_SITE_PORT");
  const api = new URL(options.apiUrl).origin;
  const csp = eventSiteCsp(api);
  const page = readFileSync(join(folder, "index.html"), "utf8")
    .replaceAll("%API_ORIGIN%", escapeHtml(api))
    .replaceAll("%EVENT_KEY%", escapeHtml(options.eventKey));
  const files: Record<string, { type: string; body: string }> = {
    "/": { type: "text/html; charset=utf-8", body: page },
    "/site.css": { type: "text/css; charset=utf-8", body: readFileSync(join(folder, "site.css"), "utf8") },
  };
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? "/", "http://site").pathname];
    response.setHeader("content-security-policy", csp);
    response.setHeader("x-content-type-options", "nosniff");
    response.setHeader("referrer-policy", "no-referrer");
    if (!file || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": file.type, "cache-control": "no-store" });
    response.end(request.method === "HEAD" ? undefined : file.body);
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => done());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    csp,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
