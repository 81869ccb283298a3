/**
 * App-password sessions: `createSession` opens one, `refreshSession` (with the refresh JWT, which it
 * replaces) renews it, `deleteSession` ends it (docs/platform-contracts.md, Bluesky › Auth).
 */
import { decodeJwt } from "jose";
import { type Json, str } from "../http.ts";
import { type AccountIdentity, type ConnectedAccount, PlatformError, type TokenSet } from "../types.ts";
import { type Pds, type XrpcInit, xrpc } from "./xrpc.ts";

/** The access JWT's own `exp` (120 minutes on the reference PDS); null when it does not say. */
function expiryOf(jwt: string): Date | null {
  try {
    const { exp } = decodeJwt(jwt);
    return typeof exp === "number" ? new Date(exp * 1000) : null;
  } catch {
    return null;
  }
}

function tokensFrom(body: Json, nsid: string): TokenSet {
  const accessToken = str(body.accessJwt);
  const refreshToken = str(body.refreshJwt);
  if (!accessToken || !refreshToken) {
    throw new PlatformError("permanent", `Bluesky ${nsid} answered without a session`, {
      code: "no_session",
    });
  }
  return { accessToken, refreshToken, expiresAt: expiryOf(accessToken) };
}

async function session(pds: Pds, nsid: string, init: XrpcInit) {
  const body = await xrpc(pds, nsid, "write", init);
  return { body, tokens: tokensFrom(body, nsid) };
}

/** Signs in with an app password; the account remembers `pds`, where all its later calls go. */
export async function createSession(
  pds: Pds,
  identifier: string,
  password: string,
): Promise<{ tokens: TokenSet; identity: AccountIdentity }> {
  try {
    const { body, tokens } = await session(pds, "com.atproto.server.createSession", {
      json: { identifier: identifier.replace(/^@/, ""), password },
    });
    const did = str(body.did);
    if (!did) throw new PlatformError("permanent", "Bluesky createSession answered without a DID");
    return {
      tokens,
      identity: { platformUserId: did, username: str(body.handle), metadata: { pds: pds.url } },
    };
  } catch (error) {
    // Wrong identifier or password: nothing to refresh, and the same password will fail again.
    if (error instanceof PlatformError && error.kind === "auth_expired") {
      throw new PlatformError("permanent", error.message, {
        status: error.status,
        code: error.code,
        response: error.response,
      });
    }
    throw error;
  }
}

/** New tokens from the refresh JWT (sent as the bearer, not the access JWT). */
export async function refreshSession(pds: Pds, account: ConnectedAccount): Promise<TokenSet> {
  const token = account.tokens.refreshToken;
  if (!token) {
    throw new PlatformError("auth_expired", "Bluesky account has no refresh token; connect it again", {
      code: "no_refresh_token",
    });
  }
  const { tokens } = await session(pds, "com.atproto.server.refreshSession", {
    token,
    body: "", // a procedure (POST) without input
  });
  return tokens;
}

/** Ends the session: the refresh JWT (the bearer here too) and the access JWTs it issued stop working. */
export async function deleteSession(pds: Pds, account: ConnectedAccount): Promise<void> {
  const token = account.tokens.refreshToken;
  if (!token) {
    throw new PlatformError("auth_expired", "Bluesky account has no refresh token: no session to end", {
      code: "no_refresh_token",
    });
  }
  await xrpc(pds, "com.atproto.server.deleteSession", "write", { token, body: "" });
}
