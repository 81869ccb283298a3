/**
 * Sign-up: a new organisation with its owner, signed in at once. One round trip: the organisation,
 * the owner, the first session and both audit rows go in one batch, under the new organisation.
 */

import { uniqueViolation } from "../../db/errors.ts";
import { organizations } from "../../db/schema/organizations.ts";
import { users } from "../../db/schema/users.ts";
import { inTenant } from "../../db/tenant.ts";
import { ConflictError } from "../../errors.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { auditEntry } from "../audit/record.ts";
import type { ServiceContext, TenantContext } from "../context.ts";
import { assertStrongPassword } from "./password-policy.ts";
import { startSession } from "./sessions.ts";

export interface RegisterInput {
  organization: { name: string; slug: string; country_code: string; description?: string };
  owner: { email: string; password: string; first_name: string; last_name: string; username?: string };
}

export async function register(ctx: ServiceContext, input: RegisterInput) {
  const { owner } = input;
  await assertStrongPassword(
    ctx,
    owner.password,
    {
      email: owner.email,
      username: owner.username,
      firstName: owner.first_name,
      lastName: owner.last_name,
      organizationName: input.organization.name,
    },
    "json.owner.password",
  );
  const organizationId = crypto.randomUUID();
  const userId = crypto.randomUUID();
  const tenant: TenantContext = {
    ...ctx,
    organizationId,
    actor: { type: "user", userId, role: "owner", permissions: new Set() },
  };
  const passwordHash = await hashPassword(owner.password);
  const session = await startSession(tenant, ctx.db, {
    id: userId,
    organizationId,
    role: "owner",
    permissions: {},
  });
  try {
    const {
      organization: [organization],
      user: [user],
    } = await inTenant(tenant, (db) => ({
      organization: db
        .insert(organizations)
        .values({
          id: organizationId,
          name: input.organization.name,
          slug: input.organization.slug,
          countryCode: input.organization.country_code,
          description: input.organization.description,
        })
        .returning(),
      user: db
        .insert(users)
        .values({
          id: userId,
          organizationId,
          email: owner.email.trim(),
          username: owner.username,
          passwordHash,
          firstName: owner.first_name,
          lastName: owner.last_name,
          role: "owner",
          passwordChangedAt: ctx.now(),
        })
        .returning(),
      session: session.insert,
      organizationAudit: auditEntry(tenant, db, {
        action: "organization.create",
        entityType: "organization",
        entityId: organizationId,
        changes: { name: input.organization.name, slug: input.organization.slug },
      }),
      userAudit: auditEntry(tenant, db, {
        action: "user.create",
        entityType: "user",
        entityId: userId,
        changes: { email: owner.email, role: "owner" },
      }),
    }));
    return { organization: organization!, user: user!, tokens: session.tokens };
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === "organizations_slug_key") {
      throw new ConflictError("slug_taken", `The organisation slug "${input.organization.slug}" is taken.`);
    }
    if (constraint === "users_email_key")
      throw new ConflictError("email_taken", "That email already has an account.");
    if (constraint === "users_username_key")
      throw new ConflictError("username_taken", "That username is taken.");
    throw error;
  }
}
