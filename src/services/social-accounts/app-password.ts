/**
 * Connecting an account with an app password (Bluesky): the adapter signs in once and we keep the
 * session's tokens (sealed). The app password itself is used for that one call and never stored, so
 * revoking it at the platform does not lock the account out; when the session's refresh token dies,
 * the user connects again with a new app password.
 */
import type { Platform } from "../../db/schema/columns.ts";
import { BadRequestError } from "../../errors.ts";
import type { TenantContext } from "../context.ts";
import { type SavedConnection, saveConnection } from "./connect.ts";
import { adapterOf, connectProblem, PLATFORM_NAMES } from "./platforms.ts";

export interface AppPasswordInput {
  platform: Platform;
  identifier: string;
  app_password: string;
  /** The account's server (a Bluesky PDS); the platform's configured base URL when omitted. */
  service?: string;
  event_id?: string;
}

/** One sign-in at the platform, then two round trips (see saveConnection). */
export async function connectWithAppPassword(
  ctx: TenantContext,
  input: AppPasswordInput,
): Promise<SavedConnection> {
  const adapter = adapterOf(ctx.config, input.platform);
  if (!adapter.passwordLogin) {
    throw new BadRequestError(
      "app_password_not_supported",
      `${PLATFORM_NAMES[input.platform]} accounts connect with OAuth: POST /v1/social-accounts/oauth/start.`,
    );
  }
  assertService(ctx, input.service);
  let connection: Awaited<ReturnType<NonNullable<typeof adapter.passwordLogin>>>;
  try {
    connection = await adapter.passwordLogin(input.identifier, input.app_password, input.service);
  } catch (error) {
    throw connectProblem(input.platform, error, "platform_login_failed");
  }
  return saveConnection(ctx, input.platform, connection, { eventId: input.event_id });
}

/**
 * The Worker will call the address a user gives: only HTTPS in production, so it cannot be pointed
 * at plain-text services; local development and tests run a PDS on loopback over HTTP.
 */
function assertService(ctx: TenantContext, service: string | undefined): void {
  if (service === undefined) return;
  const local = ctx.config.APP_ENV === "development" || ctx.config.APP_ENV === "test";
  const url = new URL(service);
  if (url.protocol !== "https:" && !(local && url.protocol === "http:")) {
    throw new BadRequestError("service_not_allowed", "service must be an https:// address.");
  }
}
