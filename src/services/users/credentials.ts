/**
 * The signed-in user's own credentials: password change and the TOTP second factor. Each proves the
 * user again (current password and/or a code) before changing anything, reads once, then writes in
 * one audited batch. Secrets never reach the audit trail: `redact` removes them by name.
 */
import { and, eq, isNull } from "drizzle-orm";
import { mfaRecoveryCodes } from "../../db/schema/mfa-recovery-codes.ts";
import { refreshTokens } from "../../db/schema/refresh-tokens.ts";
import { type User, users } from "../../db/schema/users.ts";
import { inTenant } from "../../db/tenant.ts";
import { ConflictError, NotFoundError, UnauthorizedError } from "../../errors.ts";
import { hashPassword, verifyPassword } from "../../platform/passwords.ts";
import { open, seal } from "../../platform/secret-box.ts";
import {
  createTotpSecret,
  generateRecoveryCodes,
  hashRecoveryCode,
  totpUri,
  verifyTotp,
} from "../../platform/totp.ts";
import { auditEntry } from "../audit/record.ts";
import { assertStrongPassword } from "../auth/password-policy.ts";
import { actorUserId, type TenantContext } from "../context.ts";

async function currentUser(ctx: TenantContext): Promise<User> {
  const userId = actorUserId(ctx.actor);
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select()
      .from(users)
      .where(and(eq(users.organizationId, ctx.organizationId), eq(users.id, userId ?? ""))),
  }));
  const user = rows[0];
  if (!user?.isActive) throw new NotFoundError("user_not_found", "Your user no longer exists.");
  return user;
}

async function requirePassword(user: User, password: string): Promise<void> {
  if (!(await verifyPassword(password, user.passwordHash)).ok) {
    throw new UnauthorizedError("invalid_credentials", "The current password is wrong.");
  }
}

/** Checks a TOTP code (or a recovery code's hash against the stored ones is left to the caller). */
async function totpStep(ctx: TenantContext, user: User, code: string): Promise<number> {
  const secret = await open(ctx.config.TOKEN_ENCRYPTION_KEYS, user.totpSecret ?? "", user.id);
  const check = await verifyTotp({
    secret,
    code,
    now: ctx.now().getTime(),
    lastUsedStep: user.totpLastUsedStep,
  });
  if (!check.ok) throw new UnauthorizedError("invalid_mfa_code", "The authentication code is wrong.");
  return check.step;
}

const userRow = (ctx: TenantContext, user: User) =>
  and(eq(users.organizationId, ctx.organizationId), eq(users.id, user.id));

/** New password: the current one must be right; every other session is ended. */
export async function changePassword(
  ctx: TenantContext,
  input: { current_password: string; new_password: string },
): Promise<void> {
  const user = await currentUser(ctx);
  await requirePassword(user, input.current_password);
  await assertStrongPassword(
    ctx,
    input.new_password,
    {
      email: user.email,
      username: user.username ?? undefined,
      firstName: user.firstName ?? undefined,
      lastName: user.lastName ?? undefined,
    },
    "json.new_password",
    input.new_password === input.current_password
      ? ["The new password must differ from the current one."]
      : [],
  );
  const passwordHash = await hashPassword(input.new_password);
  await inTenant(ctx, (db) => ({
    changed: db.update(users).set({ passwordHash, passwordChangedAt: ctx.now() }).where(userRow(ctx, user)),
    revoked: db
      .update(refreshTokens)
      .set({ revokedAt: ctx.now() })
      .where(
        and(
          eq(refreshTokens.organizationId, ctx.organizationId),
          eq(refreshTokens.userId, user.id),
          isNull(refreshTokens.revokedAt),
        ),
      ),
    audit: auditEntry(ctx, db, { action: "user.password_change", entityType: "user", entityId: user.id }),
  }));
}

/** Starts enrolment: a new secret (stored sealed, not yet enabled) and the URI for a QR code. */
export async function enrolTotp(ctx: TenantContext): Promise<{ secret: string; otpauth_uri: string }> {
  const user = await currentUser(ctx);
  if (user.totpEnabled)
    throw new ConflictError("mfa_already_enabled", "Two-factor authentication is already on.");
  const secret = createTotpSecret();
  const sealed = await seal(ctx.config.TOKEN_ENCRYPTION_KEYS, secret, user.id);
  await inTenant(ctx, (db) => ({
    enrolled: db
      .update(users)
      .set({ totpSecret: sealed, totpLastUsedStep: null })
      .where(and(userRow(ctx, user), eq(users.totpEnabled, false))),
    audit: auditEntry(ctx, db, {
      action: "user.mfa_enrol",
      entityType: "user",
      entityId: user.id,
      guard: users,
    }),
  }));
  return { secret, otpauth_uri: totpUri({ secret, accountName: user.email, issuer: "Guddu" }) };
}

/** Turns two-factor on with a first valid code; answers the recovery codes, shown only this once. */
export async function activateTotp(
  ctx: TenantContext,
  input: { code: string },
): Promise<{ recovery_codes: string[] }> {
  const user = await currentUser(ctx);
  if (user.totpEnabled)
    throw new ConflictError("mfa_already_enabled", "Two-factor authentication is already on.");
  if (!user.totpSecret)
    throw new ConflictError("mfa_not_enrolled", "Start enrolment first: POST /v1/me/mfa/totp.");
  const step = await totpStep(ctx, user, input.code);
  const codes = generateRecoveryCodes();
  const hashes = await Promise.all(codes.map((code) => hashRecoveryCode(code, user.id)));
  await inTenant(ctx, (db) => ({
    enabled: db.update(users).set({ totpEnabled: true, totpLastUsedStep: step }).where(userRow(ctx, user)),
    oldCodes: db
      .delete(mfaRecoveryCodes)
      .where(
        and(eq(mfaRecoveryCodes.organizationId, ctx.organizationId), eq(mfaRecoveryCodes.userId, user.id)),
      ),
    codes: db
      .insert(mfaRecoveryCodes)
      .values(hashes.map((codeHash) => ({ organizationId: ctx.organizationId, userId: user.id, codeHash }))),
    audit: auditEntry(ctx, db, { action: "user.mfa_enable", entityType: "user", entityId: user.id }),
  }));
  return { recovery_codes: codes };
}

/** Turns two-factor off: needs the password and a current code (or an unused recovery code). */
export async function disableTotp(
  ctx: TenantContext,
  input: { password: string; code?: string; recovery_code?: string },
): Promise<void> {
  const user = await currentUser(ctx);
  if (!user.totpEnabled) throw new ConflictError("mfa_not_enabled", "Two-factor authentication is off.");
  await requirePassword(user, input.password);
  if (input.code) await totpStep(ctx, user, input.code);
  else if (input.recovery_code) {
    const codeHash = await hashRecoveryCode(input.recovery_code, user.id);
    const { unused } = await inTenant(ctx, (db) => ({
      unused: db
        .select({ id: mfaRecoveryCodes.id })
        .from(mfaRecoveryCodes)
        .where(
          and(
            eq(mfaRecoveryCodes.organizationId, ctx.organizationId),
            eq(mfaRecoveryCodes.userId, user.id),
            eq(mfaRecoveryCodes.codeHash, codeHash),
            isNull(mfaRecoveryCodes.usedAt),
          ),
        ),
    }));
    if (unused.length === 0)
      throw new UnauthorizedError("invalid_mfa_code", "The recovery code is wrong or used.");
  } else throw new UnauthorizedError("mfa_required", "Send code (or recovery_code) to turn two-factor off.");

  await inTenant(ctx, (db) => ({
    disabled: db
      .update(users)
      .set({ totpEnabled: false, totpSecret: null, totpLastUsedStep: null })
      .where(userRow(ctx, user)),
    codes: db
      .delete(mfaRecoveryCodes)
      .where(
        and(eq(mfaRecoveryCodes.organizationId, ctx.organizationId), eq(mfaRecoveryCodes.userId, user.id)),
      ),
    audit: auditEntry(ctx, db, { action: "user.mfa_disable", entityType: "user", entityId: user.id }),
  }));
}
