/**
 * Sign-in: password, then the second factor when enabled. Failures are counted per account and per
 * IP (LoginThrottle Durable Objects); an unknown email costs the same work and gets the same answer
 * as a wrong password. Two round trips: the cross-tenant user lookup (with the user's access window),
 * then one batch that starts the session, notes the sign-in (and a rehash or the TOTP step), and
 * audits it. Outside the access window the right password gets 403 `access_not_started` or
 * `access_ended` (services/auth/access.ts).
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { mfaRecoveryCodes } from "../../db/schema/mfa-recovery-codes.ts";
import { SIGN_IN_STATUSES } from "../../db/schema/organizations.ts";
import { type PermissionOverrides, type UserRole, users } from "../../db/schema/users.ts";
import { inTenant } from "../../db/tenant.ts";
import {
  checkLogin,
  recordLoginFailure,
  recordLoginSuccess,
} from "../../durable-objects/login-throttle/client.ts";
import { RateLimitedError, UnauthorizedError } from "../../errors.ts";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "../../platform/passwords.ts";
import { open } from "../../platform/secret-box.ts";
import { hashRecoveryCode, verifyTotp } from "../../platform/totp.ts";
import { auditEntry } from "../audit/record.ts";
import type { ServiceContext, TenantContext } from "../context.ts";
import { accessOf, assertAccessOpen, type StoredAccess } from "./access.ts";
import { startSession } from "./sessions.ts";
import type { TokenPair } from "./tokens.ts";

export interface SignInInput {
  email: string;
  password: string;
  totp_code?: string;
  recovery_code?: string;
}

interface LoginRow extends StoredAccess {
  id: string;
  organization_id: string;
  email: string;
  password_hash: string;
  role: UserRole;
  permissions: PermissionOverrides;
  is_active: boolean;
  deleted_at: string | null;
  totp_enabled: boolean;
  totp_secret: string | null;
  totp_last_used_step: string | number | null;
  organization_status: string;
}

/**
 * The key failed sign-ins are counted under for an address: IPv6 by its /64, since one client
 * usually holds a whole /64 and could otherwise rotate through it.
 */
export function throttleAddress(ip: string | null): string {
  if (!ip) return "unknown";
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

const invalidCredentials = () =>
  new UnauthorizedError("invalid_credentials", "The email or password is wrong.");

export async function signIn(ctx: ServiceContext, input: SignInInput): Promise<TokenPair> {
  const email = input.email.trim().toLowerCase();
  const throttle = { namespace: ctx.config.LOGIN_THROTTLE, email, ip: throttleAddress(ctx.request.ip) };
  const gate = await checkLogin(throttle);
  if (!gate.allowed) throw new RateLimitedError(gate.retryAfterSeconds);
  const fail = async (error: UnauthorizedError): Promise<never> => {
    const after = await recordLoginFailure(throttle);
    if (!after.allowed) throw new RateLimitedError(after.retryAfterSeconds);
    throw error;
  };

  const found = await ctx.db.execute<Record<string, unknown>>(
    sql`select u.*, a.* from auth_user_by_email(${email}) u left join lateral auth_user_access(u.id) a on true`,
  );
  const row = found.rows[0] as LoginRow | undefined;
  if (!row) {
    await verifyAgainstDummy(input.password);
    return fail(invalidCredentials());
  }
  const password = await verifyPassword(input.password, row.password_hash);
  if (!password.ok) return fail(invalidCredentials());
  if (!row.is_active || row.deleted_at || !SIGN_IN_STATUSES.includes(row.organization_status)) {
    throw new UnauthorizedError("account_disabled", "This account is deactivated.");
  }
  const access = accessOf(row);
  assertAccessOpen(access, ctx.now());

  const tenant: TenantContext = {
    ...ctx,
    organizationId: row.organization_id,
    actor: { type: "user", userId: row.id, role: row.role, permissions: new Set() },
  };

  let totpStep: number | undefined;
  let recoveryCodeHash: string | undefined;
  if (row.totp_enabled) {
    if (input.totp_code) {
      const keyring = ctx.config.TOKEN_ENCRYPTION_KEYS;
      const secret = await open(keyring, row.totp_secret ?? "", row.id);
      const lastUsedStep = row.totp_last_used_step === null ? null : Number(row.totp_last_used_step);
      const check = await verifyTotp({
        secret,
        code: input.totp_code,
        now: ctx.now().getTime(),
        lastUsedStep,
      });
      if (!check.ok)
        return fail(new UnauthorizedError("invalid_mfa_code", "The authentication code is wrong."));
      totpStep = check.step;
    } else if (input.recovery_code) {
      recoveryCodeHash = await hashRecoveryCode(input.recovery_code, row.id);
    } else {
      throw new UnauthorizedError(
        "mfa_required",
        "This account uses two-factor authentication: send totp_code.",
      );
    }
  }

  // A recovery code is single use: spend it first, and only then start a session.
  if (recoveryCodeHash) {
    const { spent } = await inTenant(tenant, (db) => ({
      spent: db
        .update(mfaRecoveryCodes)
        .set({ usedAt: ctx.now() })
        .where(
          and(
            eq(mfaRecoveryCodes.organizationId, row.organization_id),
            eq(mfaRecoveryCodes.userId, row.id),
            eq(mfaRecoveryCodes.codeHash, recoveryCodeHash),
            isNull(mfaRecoveryCodes.usedAt),
          ),
        )
        .returning({ id: mfaRecoveryCodes.id }),
    }));
    if (spent.length === 0)
      return fail(new UnauthorizedError("invalid_mfa_code", "The recovery code is wrong or used."));
  }

  const rehash = password.needsRehash ? await hashPassword(input.password) : undefined;
  const session = await startSession(tenant, ctx.db, {
    id: row.id,
    organizationId: row.organization_id,
    role: row.role,
    permissions: row.permissions,
    access,
  });
  await inTenant(tenant, (db) => ({
    session: session.insert,
    login: db
      .update(users)
      .set({
        lastLoginAt: ctx.now(),
        ...(rehash ? { passwordHash: rehash } : {}),
        ...(totpStep !== undefined ? { totpLastUsedStep: totpStep } : {}),
      })
      .where(and(eq(users.organizationId, row.organization_id), eq(users.id, row.id))),
    audit: auditEntry(tenant, db, {
      action: "user.login",
      entityType: "user",
      entityId: row.id,
      changes: {
        mfa: totpStep !== undefined ? "totp" : recoveryCodeHash ? "recovery_code" : "none",
        rehashed: Boolean(rehash),
      },
    }),
  }));
  await recordLoginSuccess(throttle);
  return session.tokens;
}
