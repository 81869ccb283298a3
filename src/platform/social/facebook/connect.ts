/**
 * Connecting a Page (docs/platform-contracts.md, Facebook Pages › Auth): Facebook Login (with PKCE) → a
 * long-lived user token → the Page's token, which does not expire. The long-lived user token is kept
 * as the "refresh token" because it is what derives a new Page token. The account is the first Page
 * the person may create content on.
 */
import { asRecord, list, str } from "../http.ts";
import { type GraphContext, graph, graphTokenGet } from "../meta/graph.ts";
import { requireClient } from "../oauth.ts";
import {
  type AccountIdentity,
  type ConnectedAccount,
  type ExchangeParams,
  PlatformError,
  type TokenSet,
} from "../types.ts";

export const pageIdOf = (account: ConnectedAccount) => str(account.metadata.pageId) ?? account.platformUserId;

/** The Pages this user token manages, with their Page tokens. */
async function managedPages(ctx: GraphContext, userToken: string) {
  const body = await graph(ctx, "pages", "/me/accounts", {
    token: userToken,
    kind: "read",
    params: { fields: "id,name,access_token,tasks", limit: 100 },
  });
  return list(body.data).map(asRecord);
}

const canPublish = (page: Record<string, unknown>) => {
  const tasks = list(page.tasks).map(str);
  return tasks.length === 0 || tasks.includes("CREATE_CONTENT") || tasks.includes("MANAGE");
};

/** The token endpoint answers GET with the client secret in the query, as Facebook documents. */
const tokenEndpoint = (ctx: GraphContext, query: Record<string, string>, what: string) =>
  graphTokenGet(ctx, `${ctx.api}/oauth/access_token`, query, what);

export async function connectPage(
  ctx: GraphContext,
  { client, redirectUri, code, codeVerifier }: ExchangeParams,
): Promise<{ tokens: TokenSet; identity: AccountIdentity }> {
  const secret = requireClient(client, "facebook").clientSecret ?? "";
  const short = await tokenEndpoint(
    ctx,
    {
      client_id: client.clientId,
      client_secret: secret,
      redirect_uri: redirectUri,
      code,
      code_verifier: codeVerifier,
    },
    "code exchange",
  );
  const long = await tokenEndpoint(
    ctx,
    {
      grant_type: "fb_exchange_token",
      client_id: client.clientId,
      client_secret: secret,
      fb_exchange_token: short.accessToken,
    },
    "long-lived token",
  );
  const page = (await managedPages(ctx, long.accessToken)).find(canPublish);
  const id = page ? str(page.id) : null;
  const pageToken = page ? str(page.access_token) : null;
  if (!id || !pageToken) {
    throw new PlatformError("permanent", "this Facebook user manages no Page they can publish to");
  }
  return {
    // A Page token from a long-lived user token does not expire.
    tokens: { accessToken: pageToken, refreshToken: long.accessToken, expiresAt: null },
    identity: {
      platformUserId: id,
      username: str(page?.name),
      metadata: { pageId: id, pageName: str(page?.name) },
    },
  };
}

/**
 * De-authorises our app for the person who connected the Page: `DELETE /me/permissions` with their
 * kept user token answers `{success: true}`, and every token of that login, the Page's included,
 * stops working (docs/platform-contracts.md, Facebook Pages › Auth).
 */
export async function deauthorizePage(ctx: GraphContext, account: ConnectedAccount): Promise<void> {
  const userToken = account.tokens.refreshToken;
  if (!userToken) {
    throw new PlatformError("permanent", "no Facebook user token to withdraw the app's access with", {
      code: "no_user_token",
    });
  }
  await graph(ctx, "deauthorization", "/me/permissions", {
    method: "DELETE",
    token: userToken,
    kind: "write",
  });
}

/** A new Page token from the kept user token, while the user still manages the Page. */
export async function renewPageToken(ctx: GraphContext, account: ConnectedAccount): Promise<TokenSet> {
  const userToken = account.tokens.refreshToken;
  if (!userToken)
    throw new PlatformError("auth_expired", "no Facebook user token to renew the Page token; reconnect");
  const page = (await managedPages(ctx, userToken)).find((p) => str(p.id) === pageIdOf(account));
  const pageToken = page ? str(page.access_token) : null;
  if (!pageToken) {
    throw new PlatformError("auth_expired", "the Facebook user no longer manages this Page; reconnect", {
      code: "page_not_managed",
    });
  }
  return { accessToken: pageToken, refreshToken: userToken, expiresAt: null };
}
