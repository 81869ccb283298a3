/** API key factories, written like the Worker writes (application role, tenant set). */
import { eq } from "drizzle-orm";
import { type ApiKey, apiKeys } from "../../src/db/schema/api-keys.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { newApiKey } from "../../src/services/api-keys/secret.ts";
import { PERMISSIONS, type Permission } from "../../src/services/auth/permissions.ts";
import { testDb } from "./tenants.ts";

export interface TestApiKey {
  id: string;
  organizationId: string;
  key: string;
  prefix: string;
  /** `{ authorization: "Bearer gk_live_…" }` */
  headers: Record<string, string>;
}

/** A key of the organisation: every permission unless told otherwise, no expiry, no event. */
export async function createApiKey(
  organizationId: string,
  options: {
    permissions?: readonly Permission[];
    eventId?: string;
    expiresAt?: Date;
    revokedAt?: Date;
    name?: string;
  } = {},
): Promise<TestApiKey> {
  const secret = await newApiKey();
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .insert(apiKeys)
      .values({
        organizationId,
        name: options.name ?? "Test integration",
        prefix: secret.prefix,
        secretHash: secret.hash,
        permissions: [...(options.permissions ?? PERMISSIONS)],
        eventId: options.eventId ?? null,
        expiresAt: options.expiresAt ?? null,
        revokedAt: options.revokedAt ?? null,
      })
      .returning({ id: apiKeys.id }),
  }));
  return {
    id: rows[0]!.id,
    organizationId,
    key: secret.key,
    prefix: secret.prefix,
    headers: { authorization: `Bearer ${secret.key}` },
  };
}

/** The key's row as stored. */
export async function apiKeyRow(organizationId: string, id: string): Promise<ApiKey> {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.select().from(apiKeys).where(eq(apiKeys.id, id)),
  }));
  return rows[0]!;
}

/** Every permission but `permission`. */
export const allBut = (permission: string): Permission[] => PERMISSIONS.filter((p) => p !== permission);
