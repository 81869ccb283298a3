/**
 * The OAuth 2.0 pieces the platforms share: the authorize URL, an RFC 6749 token answer read into a
 * `TokenSet`, the token request itself, and a refused one classified.
 */
import { asRecord, call, classifyStatus, num, type PlatformResponse, str } from "./http.ts";
import { type AuthorizeParams, type OAuthClient, PlatformError, type TokenSet } from "./types.ts";

/** `authorizeEndpoint?response_type=code&…` with PKCE (S256) and the given scopes. */
export function authorizeUrl(
  endpoint: string,
  params: AuthorizeParams,
  scopes: readonly string[],
  scopeSeparator = " ",
): string {
  const url = new URL(endpoint);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", params.client.clientId);
  url.searchParams.set("redirect_uri", params.redirectUri);
  url.searchParams.set("scope", scopes.join(scopeSeparator));
  url.searchParams.set("state", params.state);
  url.searchParams.set("code_challenge", params.codeChallenge);
  url.searchParams.set("code_challenge_method", "S256");
  return url.toString();
}

/** `Authorization: Basic base64(id:secret)` for confidential clients. */
export function basicAuth(client: OAuthClient): Record<string, string> {
  if (!client.clientSecret) return {};
  return { authorization: `Basic ${btoa(`${client.clientId}:${client.clientSecret}`)}` };
}

/** `{access_token, expires_in?, refresh_token?}` → tokens; `fallbackRefresh` when the answer has none. */
export function tokenSetFrom(
  body: unknown,
  fallbackRefresh: string | null = null,
  now = Date.now(),
): TokenSet {
  const record = asRecord(body);
  const accessToken = str(record.access_token);
  if (!accessToken) throw new PlatformError("permanent", "the token answer has no access_token");
  const expiresIn = num(record.expires_in);
  return {
    accessToken,
    refreshToken: str(record.refresh_token) ?? fallbackRefresh,
    expiresAt: expiresIn === null ? null : new Date(now + expiresIn * 1000),
  };
}

/**
 * A refused token request: `invalid_grant` (code or refresh token spent, expired or revoked) means
 * the account must reconnect (`auth_expired`), and so does any refused refresh (X answers
 * `invalid_request` for a spent refresh token); a refused client is our configuration (`permanent`).
 */
export function oauthError(response: PlatformResponse, what: string, refreshing = false): PlatformError {
  const body = asRecord(response.body);
  const code = str(body.error) ?? null;
  const description = str(body.error_description) ?? str(body.message) ?? str(body.detail) ?? null;
  const message = `${what}: ${[code, description].filter(Boolean).join(": ") || `HTTP ${response.status}`}`;
  const deadGrant =
    code === "invalid_grant" || (refreshing && response.status === 400 && code !== "invalid_client");
  if (deadGrant) return new PlatformError("auth_expired", message, { status: response.status, code });
  return classifyStatus(response, "write", message, { code });
}

/** The client the registry found for a platform, or a permanent error naming what to configure. */
export function requireClient(client: OAuthClient | null, platform: string): OAuthClient {
  if (!client) {
    throw new PlatformError("permanent", `no OAuth client is configured for ${platform} (PLATFORM_CLIENTS)`);
  }
  return client;
}

/**
 * One form-encoded POST to a platform's OAuth token endpoint; an error answer becomes the
 * `PlatformError` `oauthError` makes of it (a refused refresh means the account must reconnect).
 */
export async function postTokenRequest(
  url: string,
  params: URLSearchParams,
  options: { label: string; what: string; timeoutMs: number; headers?: Record<string, string> },
): Promise<unknown> {
  const response = await call(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...options.headers },
    body: params,
    kind: "write",
    timeoutMs: options.timeoutMs,
  });
  if (response.status >= 400)
    throw oauthError(
      response,
      `${options.label} ${options.what}`,
      params.get("grant_type") === "refresh_token",
    );
  return response.body;
}
