/**
 * Connecting with an app password: find the account's PDS, sign in there once, and make sure that
 * PDS really serves the account (its DID document says so). A server the caller names (`service`) must
 * pass the public-address guard, answer as an AT Protocol server, and be the PDS of the account it
 * signs in; without `service` the PDS comes from the handle's (or DID's) document. The configured
 * entryway (bsky.social) is the operator's choice, so an email signs in there as before.
 */
import { callerUrlProblem } from "../../public-url.ts";
import { str, trimBase } from "../http.ts";
import { type AccountIdentity, PlatformError, type TokenSet } from "../types.ts";
import {
  type DidDocument,
  type IdentityOptions,
  identityProblem,
  resolveDid,
  resolveHandle,
  sameServer,
} from "./identity.ts";
import { createSession } from "./session.ts";
import { type Pds, xrpc } from "./xrpc.ts";

type Session = { tokens: TokenSet; identity: AccountIdentity };

/** A caller's address the Worker may call, as a PDS; `code` names the refusal otherwise. */
function allowedPds(options: IdentityOptions, address: string, code: string, what: string): Pds {
  const problem = callerUrlProblem(address, options);
  if (problem) throw identityProblem(code, `${what} ${address} is not allowed: ${problem}`);
  return { url: trimBase(address), timeoutMs: options.entryway.timeoutMs };
}

/**
 * `describeServer` is the one call every PDS answers without an account: no answer means the address
 * is wrong (`service_unreachable`), an answer without the server's DID means it is not a PDS
 * (`service_not_atproto`). A rate limit stays what it is.
 */
async function assertAtprotoServer(pds: Pds): Promise<void> {
  let body: Record<string, unknown>;
  try {
    body = await xrpc(pds, "com.atproto.server.describeServer", "read");
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind === "rate_limited") throw error;
    if (error.kind === "transient") {
      throw identityProblem(
        "service_unreachable",
        `Nothing answered as an AT Protocol server at ${pds.url} (${error.message}). Check the address of your PDS, or leave service out to find it from your handle.`,
      );
    }
    body = {};
  }
  if (!str(body.did)?.startsWith("did:")) {
    throw identityProblem(
      "service_not_atproto",
      `${pds.url} is not an AT Protocol server (com.atproto.server.describeServer did not answer as a PDS does). Give your PDS's address, or leave service out.`,
    );
  }
}

/** The DID document must name `pds` as the account's server, or that server is not the account's. */
function assertServes(options: IdentityOptions, document: DidDocument, pds: Pds): void {
  if (document.pds && sameServer(document.pds, pds.url, options.allowLoopback)) return;
  throw identityProblem(
    "pds_not_serving_account",
    `${pds.url} does not serve ${document.did}: its DID document names ${document.pds ?? "no PDS"}.`,
  );
}

/** The account's own PDS, from its DID document (found from the handle when that is what was given). */
async function findPds(
  options: IdentityOptions,
  identifier: string,
): Promise<{ pds: Pds; document: DidDocument }> {
  const did = identifier.startsWith("did:") ? identifier : await resolveHandle(options, identifier);
  const document = await resolveDid(options, did);
  const claimed = document.alsoKnownAs.map((aka) => aka.toLowerCase());
  if (!identifier.startsWith("did:") && !claimed.includes(`at://${identifier.toLowerCase()}`)) {
    throw identityProblem(
      "handle_not_resolved",
      `${did} does not claim the handle ${identifier} (its DID document names ${document.alsoKnownAs.join(", ") || "no handle"}).`,
    );
  }
  if (!document.pds) throw identityProblem("did_not_resolved", `The DID document of ${did} names no PDS.`);
  return { pds: allowedPds(options, document.pds, "pds_not_allowed", "The PDS"), document };
}

/** Signs in with an app password wherever the account lives (see the module comment). */
export async function connectWithAppPassword(
  options: IdentityOptions,
  identifier: string,
  password: string,
  service: string | undefined,
): Promise<Session> {
  const id = identifier.trim().replace(/^@/, "");
  const { entryway } = options;
  if (service !== undefined && !sameServer(service, entryway.url, options.allowLoopback)) {
    const pds = allowedPds(options, service, "service_not_allowed", "service");
    await assertAtprotoServer(pds);
    const session = await createSession(pds, id, password);
    assertServes(options, await resolveDid(options, session.identity.platformUserId), pds);
    return session;
  }
  // An email signs in at the entryway, which hosts the accounts it knows by email.
  if (service !== undefined || id.includes("@")) return createSession(entryway, id, password);
  const { pds, document } = await findPds(options, id);
  const session = await createSession(pds, id, password);
  if (session.identity.platformUserId !== document.did) {
    throw identityProblem(
      "pds_not_serving_account",
      `${pds.url} signed in ${session.identity.platformUserId}, not ${document.did} that ${id} names.`,
    );
  }
  return session;
}
