/**
 * Who an account is and where it lives (docs/platform-contracts.md, Bluesky › Identity): a handle names a DID,
 * the DID's document names the account's PDS (`#atproto_pds`) and claims the handle back
 * (`alsoKnownAs: at://<handle>`). did:plc documents come from the PLC directory, did:web ones from
 * the host's `/.well-known/did.json`.
 */
import { callerUrlProblem, isLoopbackHost } from "../../public-url.ts";
import { asRecord, call, list, str, trimBase } from "../http.ts";
import { PlatformError } from "../types.ts";
import { type Pds, xrpc } from "./xrpc.ts";

export interface IdentityOptions {
  /** Asked to resolve handles: Bluesky's entryway resolves any handle (DNS TXT `_atproto.`, then `/.well-known/atproto-did`). */
  entryway: Pds;
  /** The PLC directory (https://plc.directory, or the local stack's). */
  plcUrl: string;
  /** The local stack: a PDS or did:web host on loopback is allowed. */
  allowLoopback: boolean;
}

export interface DidDocument {
  did: string;
  /** `at://` URIs the DID claims (its handle). */
  alsoKnownAs: string[];
  /** The `#atproto_pds` service endpoint, trailing slash removed; null when the document names none. */
  pds: string | null;
}

/** A failure that is the caller's to fix (a wrong handle, a server that is not a PDS …), by its code. */
export const identityProblem = (code: string, message: string) =>
  new PlatformError("permanent", message, { code });

/** The DID a handle names, as the entryway resolves it; `handle_not_resolved` when it names none. */
export async function resolveHandle(options: IdentityOptions, handle: string): Promise<string> {
  try {
    const body = await xrpc(options.entryway, "com.atproto.identity.resolveHandle", "read", {
      query: { handle },
    });
    const did = str(body.did);
    if (did?.startsWith("did:")) return did;
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind !== "permanent") throw error;
  }
  throw identityProblem(
    "handle_not_resolved",
    `The handle ${handle} does not resolve to an account (no _atproto DNS record or /.well-known/atproto-did answer). Check the handle, or give service (your PDS).`,
  );
}

/** Where a DID's document is read: the PLC directory for did:plc, the host itself for did:web. */
function documentUrl(options: IdentityOptions, did: string): string {
  if (/^did:plc:[a-z2-7]{24}$/.test(did)) return `${trimBase(options.plcUrl)}/${did}`;
  const web = /^did:web:([A-Za-z0-9.-]+(?:%3A\d+)?)$/.exec(did);
  if (web) {
    const host = decodeURIComponent(web[1]!);
    const local = options.allowLoopback && isLoopbackHost(host.split(":")[0]!);
    const origin = `${local ? "http" : "https"}://${host}`;
    const problem = callerUrlProblem(origin, options);
    if (problem) throw identityProblem("did_not_resolved", `${did} cannot be used: ${problem}`);
    return `${origin}/.well-known/did.json`;
  }
  throw identityProblem("did_not_resolved", `${did} is not a did:plc or did:web identifier.`);
}

/** A DID's document; `did_not_resolved` when there is none (a directory or host outage stays transient). */
export async function resolveDid(options: IdentityOptions, did: string): Promise<DidDocument> {
  const response = await call(documentUrl(options, did), {
    kind: "read",
    timeoutMs: options.entryway.timeoutMs,
  });
  if (response.status === 429 || response.status >= 500) {
    throw new PlatformError("transient", `${did}: the DID directory answered ${response.status}`);
  }
  const body = asRecord(response.body);
  if (response.status !== 200 || str(body.id) !== did) {
    throw identityProblem("did_not_resolved", `${did} has no DID document (HTTP ${response.status}).`);
  }
  const service = list(body.service)
    .map(asRecord)
    .find(
      (entry) =>
        (entry.id === "#atproto_pds" || entry.id === `${did}#atproto_pds`) &&
        entry.type === "AtprotoPersonalDataServer",
    );
  const endpoint = str(service?.serviceEndpoint);
  return {
    did,
    alsoKnownAs: list(body.alsoKnownAs).flatMap((aka) => (typeof aka === "string" ? [aka] : [])),
    pds: endpoint ? trimBase(endpoint) : null,
  };
}

/**
 * Whether two addresses name the same server. On the local stack `localhost` and 127.0.0.1 are the
 * same machine: the local PDS calls itself localhost, the tests reach it as 127.0.0.1.
 */
export function sameServer(a: string, b: string, allowLoopback: boolean): boolean {
  const origin = (address: string) => {
    const url = new URL(address);
    if (allowLoopback && isLoopbackHost(url.hostname)) url.hostname = "127.0.0.1";
    return `${url.origin}${trimBase(url.pathname)}`;
  };
  try {
    return origin(a) === origin(b);
  } catch {
    return false;
  }
}
