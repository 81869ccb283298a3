/**
 * Connecting an account with an app password (Bluesky): the adapter finds the account's server, signs
 * in once and we keep the session's tokens (sealed). The app password itself is used for that one
 * call and never stored, so revoking it at the platform does not lock the account out; when the
 * session's refresh token dies, the user connects again with a new app password.
 */
import type { Platform } from "../../db/schema/columns.ts";
import { BadRequestError, UnprocessableError } from "../../errors.ts";
import { PLATFORM_NAMES } from "../../platform/social/platform-names.ts";
import { PlatformError } from "../../platform/social/types.ts";
import type { TenantContext } from "../context.ts";
import { type SavedConnection, saveConnection } from "./connect.ts";
import { adapterOf, connectProblem } from "./platforms.ts";

export interface AppPasswordInput {
  platform: Platform;
  identifier: string;
  app_password: string;
  /** The account's server (a Bluesky PDS); found from the handle when omitted. */
  service?: string;
  event_id?: string;
}

/**
 * Failures that are the caller's to fix, answered with the adapter's code and words: a `service`
 * refused by the public-address guard (400), or one that does not answer as the account's server,
 * a handle or DID that names no account (422). See src/platform/social/bluesky/connect.ts.
 */
const CALLER_MISTAKES: Readonly<Record<string, 400 | 422>> = {
  service_not_allowed: 400,
  pds_not_allowed: 422,
  service_unreachable: 422,
  service_not_atproto: 422,
  pds_not_serving_account: 422,
  handle_not_resolved: 422,
  did_not_resolved: 422,
};

function callerMistake(error: unknown): unknown {
  if (!(error instanceof PlatformError) || !error.code) return undefined;
  const status = CALLER_MISTAKES[error.code];
  if (status === 400) return new BadRequestError(error.code, error.message);
  if (status === 422) return new UnprocessableError(error.code, error.message);
  return undefined;
}

/** One sign-in at the platform (and the look-ups that find where), then two round trips (see saveConnection). */
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
  let connection: Awaited<ReturnType<NonNullable<typeof adapter.passwordLogin>>>;
  try {
    connection = await adapter.passwordLogin(input.identifier, input.app_password, input.service);
  } catch (error) {
    throw callerMistake(error) ?? connectProblem(input.platform, error, "platform_login_failed");
  }
  return saveConnection(ctx, input.platform, connection, { eventId: input.event_id });
}
