/**
 * Connecting accounts: OAuth 2.0 (start, then the platform's redirect to the public callback) and
 * app passwords (Bluesky).
 */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../../app-env.ts";
import { AppError } from "../../../errors.ts";
import { serviceContext } from "../../../middleware/auth.ts";
import { etagOf } from "../../../services/conditional.ts";
import { connectWithAppPassword } from "../../../services/social-accounts/app-password.ts";
import type { SavedConnection } from "../../../services/social-accounts/connect.ts";
import {
  assertReturnTo,
  completeOAuth,
  OAUTH_STATE_TTL_SECONDS,
  startOAuth,
  verifyOAuthState,
} from "../../../services/social-accounts/oauth.ts";
import { authedRoute, publicRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { PlatformSchema } from "../common.ts";
import { SocialAccountSchema, toSocialAccount } from "./schema.ts";

const StartOAuthBody = z
  .strictObject({
    platform: PlatformSchema,
    event_id: z.uuid().optional().openapi({ description: "Tie the account to this event" }),
    return_to: z.url().max(2000).optional().openapi({
      description:
        "Where to send the browser after the callback (an address on this API's public origin), with ?connected=<id> or ?error=<code>. Without it the callback answers JSON.",
    }),
  })
  .openapi("StartOAuthRequest", {
    example: { platform: "x", return_to: "https://guddu.example.com/settings/accounts" },
  });

const StartOAuthResponse = z
  .object({
    authorize_url: z.url().openapi({ description: "Send the user's browser here" }),
    expires_at: z.iso.datetime().openapi({ description: "Complete the flow before this time" }),
  })
  .openapi("StartOAuthResponse");

const AppPasswordBody = z
  .strictObject({
    platform: z.enum(["bluesky"]),
    identifier: z.string().trim().min(1).max(256).openapi({ description: "Handle, DID or email" }),
    app_password: z.string().min(1).max(256).openapi({ description: "Used once to sign in; never stored" }),
    service: z.url().max(2000).optional().openapi({
      description:
        "The account's PDS: an https:// address with a public host name (else 400 service_not_allowed) that answers as an AT Protocol server (else 422 service_unreachable / service_not_atproto) and is the PDS its DID document names (else 422 pds_not_serving_account). Without it the PDS is found from the handle or DID and its DID document (422 handle_not_resolved / did_not_resolved when there is none); an email signs in at bsky.social.",
    }),
    event_id: z.uuid().optional(),
  })
  .openapi("AppPasswordConnectRequest", {
    example: { platform: "bluesky", identifier: "aesummit.bsky.social", app_password: "abcd-efgh-ijkl-mnop" },
  });

const CallbackQuery = z.object({
  state: z.string().max(4096).optional(),
  code: z.string().max(2048).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
});

const connected = (description: string) => ({
  description,
  content: { "application/json": { schema: SocialAccountSchema } },
});

export const startOAuthRoute = authedRoute({
  method: "post",
  path: "/v1/social-accounts/oauth/start",
  tags: ["Social accounts"],
  summary: `Start connecting an account with OAuth (PKCE); the link lasts ${OAUTH_STATE_TTL_SECONDS / 60} minutes`,
  permission: "social_accounts:write",
  apiKeys: false,
  request: { body: { required: true, content: { "application/json": { schema: StartOAuthBody } } } },
  responses: {
    200: { description: "The consent page", content: { "application/json": { schema: StartOAuthResponse } } },
    ...errorResponses(404, 503),
  },
});

export const oauthCallbackRoute = publicRoute({
  method: "get",
  path: "/v1/social-accounts/oauth/callback",
  tags: ["Social accounts"],
  summary: "Where the platform sends the browser back (authenticated by the signed state)",
  request: { query: CallbackQuery },
  responses: {
    201: connected("Connected a new account"),
    200: connected("Reconnected an existing account"),
    303: { description: "Back to return_to, with ?connected=<id> or ?error=<code>" },
    ...errorResponses(401, 403, 404, 422, 503),
  },
});

export const appPasswordRoute = authedRoute({
  method: "post",
  path: "/v1/social-accounts/app-password",
  tags: ["Social accounts"],
  summary: "Connect an account with an app password (Bluesky)",
  permission: "social_accounts:write",
  apiKeys: false,
  request: { body: { required: true, content: { "application/json": { schema: AppPasswordBody } } } },
  responses: {
    201: connected("Connected a new account"),
    200: connected("Reconnected an existing account"),
    ...errorResponses(404, 422, 503),
  },
});

function answer(c: Context<AppEnv>, saved: SavedConnection) {
  c.header("etag", etagOf(saved.account.updatedAt));
  c.header("location", `/v1/social-accounts/${saved.account.id}`);
  return c.json(toSocialAccount(saved.account), saved.created ? 201 : 200);
}

function backTo(returnTo: string, param: "connected" | "error", value: string): string {
  const url = new URL(returnTo);
  url.searchParams.set(param, value);
  return url.toString();
}

export function registerSocialAccountConnections(app: OpenAPIHono<AppEnv>) {
  app.openapi(startOAuthRoute, async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await startOAuth(c.get("tenant"), c.req.valid("json")), 200);
  });

  app.openapi(oauthCallbackRoute, async (c) => {
    c.header("cache-control", "no-store");
    const ctx = serviceContext(c);
    const query = c.req.valid("query");
    // Until the state is verified nothing in the request is trusted, return_to least of all.
    const state = await verifyOAuthState(ctx, query.state);
    const returnTo = state.return_to;
    if (returnTo) assertReturnTo(ctx, returnTo);
    let saved: SavedConnection;
    try {
      saved = await completeOAuth(ctx, state, query);
    } catch (error) {
      // A browser is waiting: send it back to the client's page with the problem's code.
      if (returnTo && error instanceof AppError)
        return c.redirect(backTo(returnTo, "error", error.code), 303);
      throw error;
    }
    if (returnTo) return c.redirect(backTo(returnTo, "connected", saved.account.id), 303);
    return answer(c, saved);
  });

  app.openapi(appPasswordRoute, async (c) => {
    c.header("cache-control", "no-store");
    return answer(c, await connectWithAppPassword(c.get("tenant"), c.req.valid("json")));
  });
}
