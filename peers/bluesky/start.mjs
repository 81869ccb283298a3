/**
 * A throwaway AT Protocol network for the Bluesky adapter's tests: an in-memory PLC directory
 * (@did-plc/server) and the reference PDS (@atproto/pds) on 127.0.0.1, with every byte of state in a
 * temporary directory that is removed at exit.
 *
 * Beside them, the fake AppView (test/fakes/appview) the PDS proxies `app.bsky.*` to.
 *
 * Prints one line `READY {"url", "plcUrl", "appViewUrl", "appViewDid", "startMs", "jwtSecret",
 * "rateLimitBypassKey"}` once all answer, then runs until its stdin closes (the parent died or let go)
 * or it gets SIGTERM/SIGINT.
 *
 * Closed to the outside on purpose: only loopback listeners, only `.test` handles (the PDS answers
 * them from its own database; any other handle and every did:web resolve to nothing, without DNS or
 * HTTPS), no email, no invites, no crawlers to notify, no moderation or report service to proxy to.
 * Run with Node 22 (`node_modules/.bin/node` of the repository root): the PDS needs it, better-sqlite3
 * is built against its headers by install.sh, and it loads the fake AppView's TypeScript as is.
 */

import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const started = performance.now();
// The PDS's pino logger reads these when it is imported: quiet unless asked.
process.env.LOG_ENABLED ??= "false";
process.env.LOG_LEVEL ??= "error";

const { PDS, envToCfg, envToSecrets } = await import("@atproto/pds");
const plcModule = await import("@did-plc/server");
const plc = plcModule.default ?? plcModule;
const { startAppView } = await import("../../test/fakes/appview/server.ts");

const LOOPBACK = "127.0.0.1";
const dir = await mkdtemp(join(tmpdir(), "guddu-pds-"));

/** A port nobody listens on now (the PDS must know its port before it listens: it is in its URL). */
async function freePort() {
  const probe = createServer();
  probe.listen(0, LOOPBACK);
  await once(probe, "listening");
  const { port } = probe.address();
  probe.close();
  await once(probe, "close");
  return port;
}

let plcServer;
let appView;
let pds;
let pdsServer;
let stopping = false;

async function stop(code) {
  if (stopping) return;
  stopping = true;
  try {
    pdsServer?.closeAllConnections();
    pdsServer?.close();
    await pds?.ctx.destroy();
    plcServer?.closeAllConnections();
    plcServer?.close();
    await appView?.close();
  } catch (err) {
    process.stderr.write(`pds peer: stopping: ${err?.stack ?? err}\n`);
  }
  await rm(dir, { recursive: true, force: true });
  process.exit(code);
}

process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));
process.stdin.on("end", () => stop(0));
process.stdin.on("close", () => stop(0));
process.stdin.resume();

try {
  const plcInstance = plc.PlcServer.create({ db: plc.Database.mock(), port: 0 });
  plcServer = plcInstance.app.listen(0, LOOPBACK);
  await once(plcServer, "listening");
  const plcUrl = `http://${LOOPBACK}:${plcServer.address().port}`;
  appView = await startAppView();

  const port = await freePort();
  const jwtSecret = randomBytes(32).toString("hex");
  const rateLimitBypassKey = randomBytes(16).toString("hex");
  const env = {
    port,
    hostname: "localhost",
    // Dev mode lets the PDS's own URL be http:// (it refuses to start otherwise) and lets it reach
    // the PLC directory on loopback.
    devMode: true,
    dataDirectory: join(dir, "data"),
    blobstoreDiskLocation: join(dir, "blobs"),
    blobstoreDiskTmpLocation: join(dir, "blobs-tmp"),
    didPlcUrl: plcUrl,
    serviceHandleDomains: [".test"],
    inviteRequired: false,
    jwtSecret,
    adminPassword: randomBytes(16).toString("hex"),
    // Any 32 random bytes are a valid secp256k1 private key (but with odds of 2^-128).
    plcRotationKeyK256PrivateKeyHex: randomBytes(32).toString("hex"),
    crawlers: [],
    // The PDS's real limits (createSession 30 per 5 min per identifier, 3000 requests per 5 min per
    // IP…), so tests see its real 429; test helpers that set up accounts send the bypass key.
    rateLimitsEnabled: true,
    rateLimitBypassKey,
    acceptingImports: false,
    // With no `atproto-proxy` header the PDS sends `app.bsky.*` to this URL as is: the AppView's
    // did:web is only the audience of the service-auth JWT, never resolved.
    bskyAppViewUrl: appView.url,
    bskyAppViewDid: appView.did,
  };
  await mkdir(env.dataDirectory, { recursive: true });

  pds = await PDS.create(envToCfg(env), envToSecrets(env));
  // Nothing beyond this machine: a handle that is not one of this PDS's own `.test` accounts resolves
  // to nothing instead of a DNS or HTTPS lookup, and did:web (an HTTPS fetch) to no document.
  pds.ctx.idResolver.handle.resolve = async () => undefined;
  pds.ctx.idResolver.did.methods.get("web").resolveNoCheck = async () => null;
  // PDS.start() would listen on every interface; this is its body with a loopback listener.
  await pds.ctx.sequencer.start();
  pdsServer = pds.app.listen(port, LOOPBACK);
  await once(pdsServer, "listening");
  const url = `http://${LOOPBACK}:${port}`;
  appView.usePds({ url, plcUrl, rateLimitBypassKey });

  const health = await fetch(`${url}/xrpc/_health`);
  if (!health.ok) throw new Error(`PDS health check answered ${health.status}`);
  const startMs = Math.round(performance.now() - started);
  // The secrets of this throwaway server, for tests: forging an expired token needs the JWT secret.
  const ready = {
    url,
    plcUrl,
    appViewUrl: appView.url,
    appViewDid: appView.did,
    startMs,
    jwtSecret,
    rateLimitBypassKey,
  };
  process.stdout.write(`READY ${JSON.stringify(ready)}\n`);
} catch (err) {
  process.stderr.write(`pds peer: failed to start: ${err?.stack ?? err} ${err?.cause ?? ""}\n`);
  await stop(1);
}
