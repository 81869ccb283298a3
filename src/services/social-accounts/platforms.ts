/**
 * What the social-accounts service needs of a platform: its adapter, the callback address the
 * platform sends the browser back to, and how a platform's refusal reads as a problem for the API.
 */
import type { Platform } from "../../db/schema/columns.ts";
import type { Config } from "../../env.ts";
import { ServiceUnavailableError, UnprocessableError } from "../../errors.ts";
import { PLATFORM_NAMES } from "../../platform/social/platform-names.ts";
import { adapterFor } from "../../platform/social/registry.ts";
import { PlatformError, type SocialAdapter } from "../../platform/social/types.ts";

/** The platform's adapter, its calls bounded by `PLATFORM_TIMEOUT_MS` (the refresh lease counts on it). */
export function adapterOf(config: Config, platform: Platform): SocialAdapter {
  return adapterFor(platform, config, { timeoutMs: config.PLATFORM_TIMEOUT_MS });
}

/** Where every platform sends the browser back after consent (registered with each platform's app). */
export function oauthRedirectUri(config: Config): string {
  return new URL("/v1/social-accounts/oauth/callback", config.PUBLIC_BASE_URL).toString();
}

/**
 * A platform's failure while connecting, as the API answers it: a refusal (bad code, wrong password,
 * revoked app) is the user's to fix (422, with the platform's own words); anything else (rate limit,
 * outage, timeout) is the platform being unavailable (503).
 */
export function connectProblem(platform: Platform, error: unknown, refusedCode: string): unknown {
  if (!(error instanceof PlatformError)) return error;
  const name = PLATFORM_NAMES[platform];
  if (error.kind === "permanent" || error.kind === "auth_expired") {
    return new UnprocessableError(refusedCode, `${name} refused: ${error.message}`);
  }
  return new ServiceUnavailableError(
    "platform_unavailable",
    `${name} did not answer as expected (${error.kind}); try again in a moment.`,
  );
}
