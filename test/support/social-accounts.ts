/**
 * Social account factory: a connected account with SEALED tokens, written straight to the table like
 * the Worker writes it (application role, tenant set), without going through a platform.
 */
import { env } from "cloudflare:workers";
import type { Platform } from "../../src/db/schema/columns.ts";
import {
  type ConnectionStatus,
  type SocialAccount,
  socialAccounts,
} from "../../src/db/schema/social-accounts.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { loadConfig } from "../../src/env.ts";
import type { TokenSet } from "../../src/platform/social/types.ts";
import { sealTokens } from "../../src/services/social-accounts/tokens.ts";
import { testDb } from "./tenants.ts";

/**
 * An organisation id, a user of it (a `TestUser`: also the default connector), or what `createTenant`
 * answers.
 */
export type TenantRef = string | { organizationId: string; id?: string } | { organization: { id: string } };

export function organizationIdOf(tenant: TenantRef): string {
  if (typeof tenant === "string") return tenant;
  return "organizationId" in tenant ? tenant.organizationId : tenant.organization.id;
}

export interface SocialAccountOptions {
  platform?: Platform;
  platformUserId?: string;
  username?: string | null;
  /** Plaintext tokens to seal; defaults: random access and refresh tokens expiring in 2 hours. */
  tokens?: Partial<TokenSet>;
  eventId?: string | null;
  metadata?: Record<string, unknown>;
  /** The user who connected it (receives its notifications); defaults to the user passed as tenant. */
  connectedBy?: string | null;
  connectionStatus?: ConnectionStatus;
  statusReason?: string | null;
  isActive?: boolean;
  /** When the tokens were issued (default now): with `tokens.expiresAt`, the token's lifetime. */
  tokenRefreshedAt?: Date | null;
  deleted?: boolean;
}

export interface TestSocialAccount extends SocialAccount {
  /** The plaintext tokens that were sealed into the row. */
  plainTokens: TokenSet;
}

export async function createSocialAccount(
  tenant: TenantRef,
  options: SocialAccountOptions = {},
): Promise<TestSocialAccount> {
  const organizationId = organizationIdOf(tenant);
  const id = crypto.randomUUID();
  const suffix = crypto.randomUUID().slice(0, 8);
  const plainTokens: TokenSet = {
    accessToken: options.tokens?.accessToken ?? `access-${crypto.randomUUID()}`,
    refreshToken:
      options.tokens?.refreshToken === undefined
        ? `refresh-${crypto.randomUUID()}`
        : options.tokens.refreshToken,
    expiresAt:
      options.tokens?.expiresAt === undefined
        ? new Date(Date.now() + 2 * 3_600_000)
        : options.tokens.expiresAt,
  };
  const sealed = await sealTokens(loadConfig(env).TOKEN_ENCRYPTION_KEYS, id, plainTokens);
  const {
    inserted: [row],
  } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(socialAccounts)
      .values({
        id,
        organizationId,
        platform: options.platform ?? "x",
        platformUserId: options.platformUserId ?? `user-${suffix}`,
        username: options.username === undefined ? `handle_${suffix}` : options.username,
        ...sealed,
        eventId: options.eventId ?? null,
        metadata: options.metadata ?? {},
        createdBy:
          options.connectedBy === undefined
            ? typeof tenant === "object" && "organizationId" in tenant
              ? (tenant.id ?? null)
              : null
            : options.connectedBy,
        connectionStatus: options.connectionStatus ?? "connected",
        statusReason: options.statusReason ?? null,
        isActive: options.isActive ?? true,
        tokenRefreshedAt: options.tokenRefreshedAt === undefined ? new Date() : options.tokenRefreshedAt,
        deletedAt: options.deleted ? new Date() : null,
      })
      .returning(),
  }));
  return { ...row!, plainTokens };
}
