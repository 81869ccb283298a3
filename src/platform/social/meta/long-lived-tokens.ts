/**
 * Instagram and Threads tokens: the code is exchanged for a short-lived token (a form POST), that for
 * a 60-day one (`<prefix>_exchange_token`), which refreshes itself (`<prefix>_refresh_token`, once it
 * is a day old): there is no separate refresh token (docs/platform-contracts.md, Instagram › Auth and
 * Threads › Auth).
 */
import { asRecord, call, type Json, list } from "../http.ts";
import { requireClient, tokenSetFrom } from "../oauth.ts";
import type { ExchangeParams, TokenSet } from "../types.ts";
import { type GraphContext, graphError, graphTokenGet } from "./graph.ts";

export type LongLivedPrefix = "ig" | "th";

/** Code → long-lived token; also the code exchange's answer, which may name the user. */
export async function exchangeCodeForLongLived(
  ctx: GraphContext,
  endpoint: string,
  prefix: LongLivedPrefix,
  { client, redirectUri, code, codeVerifier }: ExchangeParams,
): Promise<{ tokens: TokenSet; answer: Json }> {
  const secret = requireClient(client, ctx.platform).clientSecret ?? "";
  const response = await call(endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: client.clientId,
      client_secret: secret,
      grant_type: "authorization_code",
      redirect_uri: redirectUri,
      code,
      code_verifier: codeVerifier,
    }),
    kind: "write",
    timeoutMs: ctx.options.timeoutMs,
  });
  if (response.status >= 400) throw graphError(response, "write", `${ctx.label} code exchange`);
  // Older answers are flat, newer ones wrap it in `data: [...]`.
  const answer = asRecord(list(asRecord(response.body).data)[0] ?? response.body);
  const short = tokenSetFrom(answer);
  const tokens = await graphTokenGet(
    ctx,
    `${ctx.root}/access_token`,
    { grant_type: `${prefix}_exchange_token`, client_secret: secret, access_token: short.accessToken },
    "long-lived token",
  );
  return { tokens, answer };
}

/** A new 60-day token for the current one. */
export const refreshLongLived = (ctx: GraphContext, prefix: LongLivedPrefix, accessToken: string) =>
  graphTokenGet(
    ctx,
    `${ctx.root}/refresh_access_token`,
    { grant_type: `${prefix}_refresh_token`, access_token: accessToken },
    "token refresh",
  );
