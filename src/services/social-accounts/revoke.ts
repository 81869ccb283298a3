/**
 * Revoking an account's platform tokens for good (closing its organisation): the platform is asked to
 * end our app's grant where it offers a way (X, LinkedIn, Facebook, Bluesky). What came of it is
 * answered, never thrown: a purge records a failed revocation in its receipt and carries on.
 */
import type { TokenRevocation } from "../../db/schema/organization-closures.ts";
import type { SocialAccount } from "../../db/schema/social-accounts.ts";
import type { Config } from "../../env.ts";
import { oauthClientFor } from "../../platform/social/registry.ts";
import { PlatformError } from "../../platform/social/types.ts";
import { adapterOf } from "./platforms.ts";
import { connectedAccountOf } from "./tokens.ts";

export async function revokeAccountTokens(config: Config, row: SocialAccount): Promise<TokenRevocation> {
  const base = { social_account_id: row.id, platform: row.platform };
  const adapter = adapterOf(config, row.platform);
  if (!adapter.revokeToken) return { ...base, outcome: "unsupported" };
  try {
    const account = await connectedAccountOf(config.TOKEN_ENCRYPTION_KEYS, row);
    await adapter.revokeToken(account, oauthClientFor(row.platform, config));
    return { ...base, outcome: "revoked" };
  } catch (error) {
    // The platform's kind and code, never its message: the receipt holds no one's words.
    if (error instanceof PlatformError) {
      if (error.kind === "auth_expired") return { ...base, outcome: "invalid" };
      return { ...base, outcome: "failed", error_kind: error.kind, error_code: error.code };
    }
    // Not the platform's answer: the sealed tokens would not open (a retired key), or our own fault.
    return { ...base, outcome: "failed", error_kind: "error", error_code: null };
  }
}
