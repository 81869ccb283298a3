/**
 * OAuth 2.0 at `www.linkedin.com/oauth/v2/accessToken`: the code exchange (the member's id from
 * `/v2/userinfo`), and refreshes, which only approved partners get (docs/platform-contracts.md, LinkedIn › Auth).
 */
import { asRecord, str } from "../http.ts";
import { postTokenRequest, requireClient, tokenSetFrom } from "../oauth.ts";
import {
  type AccountIdentity,
  type ConnectedAccount,
  type ExchangeParams,
  type OAuthClient,
  PlatformError,
  type TokenSet,
} from "../types.ts";
import { LABEL, type LinkedInClient, rest } from "./client.ts";

function tokenRequest(client: LinkedInClient, params: URLSearchParams, what: string) {
  return postTokenRequest(`${client.www}/oauth/v2/accessToken`, params, {
    label: LABEL,
    what,
    timeoutMs: client.options.timeoutMs,
  });
}

export async function exchangeLinkedInCode(
  client: LinkedInClient,
  { client: app, redirectUri, code, codeVerifier }: ExchangeParams,
): Promise<{ tokens: TokenSet; identity: AccountIdentity }> {
  const body = await tokenRequest(
    client,
    new URLSearchParams({
      grant_type: "authorization_code",
      code,
      client_id: app.clientId,
      client_secret: requireClient(app, "linkedin").clientSecret ?? "",
      redirect_uri: redirectUri,
      code_verifier: codeVerifier,
    }),
    "code exchange",
  );
  const tokens = tokenSetFrom(body);
  const info = await rest(client, "/v2/userinfo", tokens.accessToken, "read", "userinfo");
  const me = asRecord(info.body);
  const sub = str(me.sub);
  if (!sub) throw new PlatformError("permanent", "LinkedIn userinfo answered no sub");
  return {
    tokens,
    identity: {
      platformUserId: sub,
      username: str(me.name),
      metadata: { authorUrn: `urn:li:person:${sub}` },
    },
  };
}

/**
 * `POST www.linkedin.com/oauth/v2/revoke` with the app's credentials: the access token stops working
 * at once (docs/platform-contracts.md, LinkedIn › Auth). A refresh token, where a partner has one,
 * belongs to the same grant.
 */
export async function revokeLinkedInToken(
  client: LinkedInClient,
  account: ConnectedAccount,
  app: OAuthClient | null,
): Promise<void> {
  const registered = requireClient(app, "linkedin");
  await postTokenRequest(
    `${client.www}/oauth/v2/revoke`,
    new URLSearchParams({
      client_id: registered.clientId,
      client_secret: registered.clientSecret ?? "",
      token: account.tokens.accessToken,
    }),
    { label: LABEL, what: "token revocation", timeoutMs: client.options.timeoutMs },
  );
}

export async function refreshLinkedInToken(
  client: LinkedInClient,
  account: ConnectedAccount,
  app: OAuthClient | null,
): Promise<TokenSet> {
  const registered = requireClient(app, "linkedin");
  if (!account.tokens.refreshToken) {
    throw new PlatformError(
      "auth_expired",
      "LinkedIn gives refresh tokens to approved partners only; reconnect the account",
      { code: "no_refresh_token" },
    );
  }
  const body = await tokenRequest(
    client,
    new URLSearchParams({
      grant_type: "refresh_token",
      refresh_token: account.tokens.refreshToken,
      client_id: registered.clientId,
      client_secret: registered.clientSecret ?? "",
    }),
    "token refresh",
  );
  // An answer without a refresh token keeps the one we have.
  return tokenSetFrom(body, account.tokens.refreshToken);
}
