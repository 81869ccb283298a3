/**
 * Factories: every test makes its own organisation, so tests never depend on each other or on order.
 * Rows are written through the same tenant mechanism the Worker uses (the application role under
 * row-level security), and access tokens are signed with the suite's keys, as sign-in would.
 */
import { env } from "cloudflare:workers";
import { createDb } from "../../src/db/client.ts";
import { organizations } from "../../src/db/schema/organizations.ts";
import { type PermissionOverrides, type UserRole, users } from "../../src/db/schema/users.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { loadConfig } from "../../src/env.ts";
import { hashPassword } from "../../src/platform/passwords.ts";
import { issueAccessToken } from "../../src/services/auth/tokens.ts";

export const TEST_PASSWORD = "a long and unusual test passphrase";

let passwordHash: Promise<string> | undefined;
/** PBKDF2 at full strength is deliberately slow: hash the shared test password once per file. */
function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

export const testDb = () => createDb(loadConfig(env));

const unique = () => crypto.randomUUID().slice(0, 8);

export interface TestOrganization {
  id: string;
  slug: string;
  name: string;
}

export interface TestUser {
  id: string;
  organizationId: string;
  email: string;
  password: string;
  role: UserRole;
  token: string;
  /** `{ authorization: "Bearer …" }` */
  headers: Record<string, string>;
}

export async function createOrganization(
  overrides: { name?: string; slug?: string } = {},
): Promise<TestOrganization> {
  const id = crypto.randomUUID();
  const slug = overrides.slug ?? `org-${unique()}`;
  const name = overrides.name ?? `Organisation ${slug}`;
  await inTenant({ db: testDb(), organizationId: id }, (db) => ({
    organization: db.insert(organizations).values({ id, name, slug, countryCode: "KE" }),
  }));
  return { id, slug, name };
}

export async function createUser(
  organizationId: string,
  options: { role?: UserRole; permissions?: PermissionOverrides; isActive?: boolean; email?: string } = {},
): Promise<TestUser> {
  const id = crypto.randomUUID();
  const role = options.role ?? "owner";
  const email = options.email ?? `${role}-${unique()}@example.test`;
  const permissions = options.permissions ?? {};
  const hash = await testPasswordHash();
  await inTenant({ db: testDb(), organizationId }, (db) => ({
    user: db.insert(users).values({
      id,
      organizationId,
      email,
      passwordHash: hash,
      firstName: "Test",
      lastName: role,
      role,
      permissions,
      isActive: options.isActive ?? true,
    }),
  }));
  const token = await issueAccessToken(loadConfig(env), { id, organizationId, role, permissions });
  return {
    id,
    organizationId,
    email,
    password: TEST_PASSWORD,
    role,
    token,
    headers: { authorization: `Bearer ${token}` },
  };
}

/** An organisation with one user per role asked for (owner by default). */
export async function createTenant<R extends UserRole = "owner">(
  roles: readonly R[] = ["owner"] as unknown as R[],
): Promise<{ organization: TestOrganization } & Record<R, TestUser>> {
  const organization = await createOrganization();
  const entries = await Promise.all(
    roles.map(async (role) => [role, await createUser(organization.id, { role })] as const),
  );
  return { organization, ...Object.fromEntries(entries) } as { organization: TestOrganization } & Record<
    R,
    TestUser
  >;
}
