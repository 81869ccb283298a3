/**
 * Connecting an account with OAuth 2.0: authorization code with PKCE (S256) and a signed `state`.
 *
 * `startOAuth` makes a random verifier and its challenge, and puts everything the callback needs into
 * the `state`: a purpose token (`guddu-oauth-state`, 10 minutes) naming the organisation, the user,
 * the platform, the event and where to send the browser afterwards, with the verifier SEALED (the
 * state travels through the browser and the platform's logs; PKCE is worth nothing if the verifier
 * can be read there). No row is written: the state carries it all.
 *
 * The callback is public (the platform redirects a browser that sends no bearer token): the state's
 * signature is what authenticates it, and it acts as the user the state names, who must still be
 * active and allowed to connect accounts.
 *
 * A state is not recorded as used, deliberately: completing a flow needs an authorization code issued
 * for that state's PKCE challenge, and the platform gives a code only once (a replayed callback URL is
 * refused by the platform when the spent code is exchanged). A second code for the same challenge can
 * only come from someone holding the authorize URL (the user who started it) going through consent
 * again within the 10 minutes, and what that achieves (connecting or reconnecting an account) is what
 * that user may do anyway. A table of spent states would add a write without closing any hole.
 */
import { eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { PLATFORMS, type Platform } from "../../db/schema/columns.ts";
import { events } from "../../db/schema/events.ts";
import { USER_ROLES } from "../../db/schema/users.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { BadRequestError, ServiceUnavailableError } from "../../errors.ts";
import { InvalidTokenError, signPurposeToken, verifyPurposeToken } from "../../platform/jwt.ts";
import { open, SecretBoxError, seal } from "../../platform/secret-box.ts";
import { PLATFORM_NAMES } from "../../platform/social/platform-names.ts";
import { oauthClientFor } from "../../platform/social/registry.ts";
import type { ServiceContext, TenantContext } from "../context.ts";
import { eventNotFound } from "../delegates/delegates.ts";
import { type SavedConnection, saveConnection } from "./connect.ts";
import { adapterOf, connectProblem, oauthRedirectUri } from "./platforms.ts";

export const OAUTH_STATE_PURPOSE = "guddu-oauth-state";
export const OAUTH_STATE_TTL_SECONDS = 600;

export interface StartOAuthInput {
  platform: Platform;
  event_id?: string;
  return_to?: string;
}

function oauthAdapter(ctx: ServiceContext, platform: Platform) {
  const adapter = adapterOf(ctx.config, platform);
  const { oauth } = adapter;
  if (!oauth) {
    throw new BadRequestError(
      "oauth_not_supported",
      `${PLATFORM_NAMES[platform]} accounts connect with an app password: POST /v1/social-accounts/app-password.`,
    );
  }
  const client = oauthClientFor(platform, ctx.config);
  if (!client) {
    throw new ServiceUnavailableError(
      "platform_not_configured",
      `No ${PLATFORM_NAMES[platform]} app is configured for this deployment (PLATFORM_CLIENTS).`,
    );
  }
  return { oauth, client };
}

/** Only back to our own origin: a `return_to` elsewhere would make the callback an open redirect. */
export function assertReturnTo(ctx: ServiceContext, returnTo: string | undefined | null): void {
  if (!returnTo) return;
  const allowed = new URL(ctx.config.PUBLIC_BASE_URL).origin;
  let target: URL | undefined;
  try {
    target = new URL(returnTo);
  } catch {
    target = undefined;
  }
  if (target?.origin !== allowed) {
    throw new BadRequestError("return_to_not_allowed", `return_to must be an address on ${allowed}.`);
  }
}

const base64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

/** RFC 7636: a verifier of 43 characters (32 random bytes) and its S256 challenge. */
export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return { verifier, challenge: base64url(digest) };
}

/**
 * The platform's consent page for this user. No round trip, one when an event is named (it must be a
 * live one of the organisation).
 */
export async function startOAuth(
  ctx: TenantContext,
  input: StartOAuthInput,
): Promise<{ authorize_url: string; expires_at: string }> {
  const { oauth, client } = oauthAdapter(ctx, input.platform);
  assertReturnTo(ctx, input.return_to);
  if (input.event_id) {
    const { found } = await inTenant(ctx, (db) => ({
      found: db
        .select({ id: events.id })
        .from(events)
        .where(ownedBy(ctx, events.organizationId, eq(events.id, input.event_id!), isNull(events.deletedAt))),
    }));
    if (found.length === 0) throw eventNotFound();
  }
  const { verifier, challenge } = await pkcePair();
  // The state's own jti is chosen inside signPurposeToken; `sid` is ours, so the verifier can be sealed to it.
  const sid = crypto.randomUUID();
  const now = ctx.now();
  const state = await signPurposeToken(
    ctx.config.JWT_PRIVATE_KEYS,
    OAUTH_STATE_PURPOSE,
    {
      ...actorOf(ctx),
      org: ctx.organizationId,
      platform: input.platform,
      event_id: input.event_id ?? null,
      return_to: input.return_to ?? null,
      sid,
      cv: await seal(ctx.config.TOKEN_ENCRYPTION_KEYS, verifier, sid),
    },
    { issuer: ctx.config.PUBLIC_BASE_URL, ttlSeconds: OAUTH_STATE_TTL_SECONDS, now: now.getTime() },
  );
  return {
    authorize_url: oauth.authorizeUrl({
      client,
      redirectUri: oauthRedirectUri(ctx.config),
      state,
      codeChallenge: challenge,
    }),
    expires_at: new Date(now.getTime() + OAUTH_STATE_TTL_SECONDS * 1000).toISOString(),
  };
}

function actorOf(ctx: TenantContext): { sub: string; role: string } {
  if (ctx.actor.type !== "user") throw new Error("startOAuth: only a user connects an account");
  return { sub: ctx.actor.userId, role: ctx.actor.role };
}

const StateClaims = z.object({
  sub: z.uuid(),
  role: z.enum(USER_ROLES),
  org: z.uuid(),
  platform: z.enum(PLATFORMS),
  event_id: z.uuid().nullable(),
  return_to: z.string().nullable(),
  sid: z.uuid(),
  cv: z.string().min(1),
});
export type OAuthState = z.infer<typeof StateClaims>;

const invalidState = () =>
  new BadRequestError(
    "oauth_state_invalid",
    "This sign-in link is not one we issued, or it was altered. Start connecting the account again.",
  );

/** The state's claims, or 400 `oauth_state_expired` / `oauth_state_invalid`. */
export async function verifyOAuthState(ctx: ServiceContext, state: string | undefined): Promise<OAuthState> {
  if (!state) throw invalidState();
  let payload: Record<string, unknown>;
  try {
    payload = await verifyPurposeToken(ctx.config.JWT_PRIVATE_KEYS, OAUTH_STATE_PURPOSE, state, {
      issuer: ctx.config.PUBLIC_BASE_URL,
      now: ctx.now().getTime(),
    });
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    if (error.reason === "expired") {
      throw new BadRequestError(
        "oauth_state_expired",
        `The connection was not completed within ${OAUTH_STATE_TTL_SECONDS / 60} minutes. Start connecting the account again.`,
      );
    }
    throw invalidState();
  }
  const claims = StateClaims.safeParse(payload);
  if (!claims.success) throw invalidState();
  return claims.data;
}

export interface CallbackInput {
  code?: string;
  error?: string;
  error_description?: string;
}

/**
 * Completes a flow whose state `verifyOAuthState` accepted: the platform's own error (the user
 * declined: 400 `oauth_access_denied`; anything else: 400 `oauth_failed` with its description), else
 * the code exchanged with the verifier, and the account saved as the state's user.
 */
export async function completeOAuth(
  ctx: ServiceContext,
  state: OAuthState,
  input: CallbackInput,
): Promise<SavedConnection> {
  const name = PLATFORM_NAMES[state.platform];
  if (input.error) {
    if (input.error === "access_denied") {
      throw new BadRequestError(
        "oauth_access_denied",
        `The ${name} account was not connected: access was declined.`,
      );
    }
    const description = (input.error_description ?? "")
      .replace(/[^\p{L}\p{N}\p{P}\p{Zs}]/gu, "")
      .slice(0, 300);
    throw new BadRequestError(
      "oauth_failed",
      `${name} did not authorise the connection (${input.error.slice(0, 64)}${description ? `: ${description}` : ""}).`,
    );
  }
  if (!input.code) throw new BadRequestError("oauth_code_missing", `${name} sent no authorization code.`);
  const { oauth, client } = oauthAdapter(ctx, state.platform);
  let verifier: string;
  try {
    verifier = await open(ctx.config.TOKEN_ENCRYPTION_KEYS, state.cv, state.sid);
  } catch (error) {
    if (error instanceof SecretBoxError) throw invalidState();
    throw error;
  }
  let connection: Awaited<ReturnType<typeof oauth.exchangeCode>>;
  try {
    connection = await oauth.exchangeCode({
      client,
      redirectUri: oauthRedirectUri(ctx.config),
      code: input.code,
      codeVerifier: verifier,
    });
  } catch (error) {
    throw connectProblem(state.platform, error, "oauth_code_rejected");
  }
  const tenant: TenantContext = {
    ...ctx,
    organizationId: state.org,
    // The user who started the flow; saveConnection checks they are still active and allowed.
    actor: { type: "user", userId: state.sub, role: state.role, permissions: new Set() },
  };
  return saveConnection(tenant, state.platform, connection, { eventId: state.event_id ?? undefined });
}
