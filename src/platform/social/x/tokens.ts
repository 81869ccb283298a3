/**
 * OAuth 2.0 with PKCE at `POST /2/oauth2/token`: the code exchange, and refreshes whose refresh
 * token is single-use: each answer carries the next one, and the old one stops working.
 */
import { asRecord, str } from "../http.ts";
import { basicAuth, postTokenRequest, requireClient, tokenSetFrom } from "../oauth.ts";
import {
  type AccountIdentity,
  type ConnectedAccount,
  type ExchangeParams,
  type OAuthClient,
  PlatformError,
  type TokenSet,
} from "../types.ts";
import { type XClient, xRequest } from "./client.ts";

function tokenRequest(
  client: XClient,
  params: URLSearchParams,
  headers: Record<string, string>,
  what: string,
) {
  return postTokenRequest(`${client.api}/2/oauth2/token`, params, {
    label: "X",
    what,
    headers,
    timeoutMs: client.options.timeoutMs,
  });
}

/** Code → tokens → who the account is (`/2/users/me`). */
export async function exchangeXCode(
  client: XClient,
  { client: app, redirectUri, code, codeVerifier }: ExchangeParams,
): Promise<{ tokens: TokenSet; identity: AccountIdentity }> {
  const body = await tokenRequest(
    client,
    new URLSearchParams({
      code,
      grant_type: "authorization_code",
      client_id: app.clientId,
      redirect_uri: redirectUri,
      code_verifier: codeVerifier,
    }),
    basicAuth(app),
    "code exchange",
  );
  const tokens = tokenSetFrom(body);
  const me = await xRequest(client, "/2/users/me", tokens.accessToken, "read", "user lookup");
  const user = asRecord(asRecord(me.body).data);
  const id = str(user.id);
  if (!id) throw new PlatformError("permanent", "X /2/users/me answered no id");
  return {
    tokens,
    identity: { platformUserId: id, username: str(user.username), metadata: { name: str(user.name) } },
  };
}

/**
 * `POST /2/oauth2/revoke` (RFC 7009): the refresh token first (that ends the grant), then the access
 * token. X answers 200 `{revoked: true}` for a token it no longer knows, as RFC 7009 asks.
 */
export async function revokeXTokens(
  client: XClient,
  account: ConnectedAccount,
  app: OAuthClient | null,
): Promise<void> {
  const registered = requireClient(app, "x");
  const tokens: Array<[string | null, string]> = [
    [account.tokens.refreshToken, "refresh_token"],
    [account.tokens.accessToken, "access_token"],
  ];
  for (const [token, hint] of tokens) {
    if (!token) continue;
    await postTokenRequest(
      `${client.api}/2/oauth2/revoke`,
      new URLSearchParams({ token, token_type_hint: hint, client_id: registered.clientId }),
      {
        label: "X",
        what: "token revocation",
        headers: basicAuth(registered),
        timeoutMs: client.options.timeoutMs,
      },
    );
  }
}

export async function refreshXToken(
  client: XClient,
  account: ConnectedAccount,
  app: OAuthClient | null,
): Promise<TokenSet> {
  const registered = requireClient(app, "x");
  if (!account.tokens.refreshToken) {
    throw new PlatformError(
      "auth_expired",
      "X gave no refresh token (offline.access); reconnect the account",
    );
  }
  const body = await tokenRequest(
    client,
    new URLSearchParams({
      grant_type: "refresh_token",
      refresh_token: account.tokens.refreshToken,
      client_id: registered.clientId,
    }),
    basicAuth(registered),
    "token refresh",
  );
  // Refresh tokens are single-use: the answer carries the next one.
  return tokenSetFrom(body);
}
