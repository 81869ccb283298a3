/**
 * The second wall: even a query that forgets its organisation filter sees only the tenant set for its
 * transaction, and without one it sees nothing at all. The Worker's role cannot write into another
 * tenant either.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLogs } from "../../src/db/schema/audit-logs.ts";
import { organizations } from "../../src/db/schema/organizations.ts";
import { users } from "../../src/db/schema/users.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { createTenant, testDb } from "../support/tenants.ts";

describe("row-level security", () => {
  it("a query without an organisation filter sees only the current tenant's rows", async () => {
    const a = await createTenant(["owner", "editor"]);
    const b = await createTenant(["owner"]);
    const { everyUser, everyOrganization } = await inTenant(
      { db: testDb(), organizationId: a.organization.id },
      (db) => ({
        everyUser: db.select({ id: users.id, organizationId: users.organizationId }).from(users),
        everyOrganization: db.select({ id: organizations.id }).from(organizations),
      }),
    );
    expect(new Set(everyUser.map((u) => u.organizationId))).toEqual(new Set([a.organization.id]));
    expect(everyUser.map((u) => u.id).sort()).toEqual([a.owner.id, a.editor.id].sort());
    expect(everyUser.some((u) => u.id === b.owner.id)).toBe(false);
    expect(everyOrganization).toEqual([{ id: a.organization.id }]);
  });

  it("without a tenant set, the Worker's role sees nothing", async () => {
    await createTenant();
    const rows = await testDb().select({ id: users.id }).from(users);
    expect(rows).toEqual([]);
    const orgs = await testDb().select({ id: organizations.id }).from(organizations);
    expect(orgs).toEqual([]);
  });

  it("writing a row into another tenant is refused by the policy", async () => {
    const a = await createTenant();
    const b = await createTenant();
    await expect(
      inTenant({ db: testDb(), organizationId: a.organization.id }, (db) => ({
        audit: db
          .insert(auditLogs)
          .values({ organizationId: b.organization.id, action: "x.y", entityType: "x" }),
      })),
    ).rejects.toThrow(/row-level security|Failed query/);
    const { moved } = await inTenant({ db: testDb(), organizationId: a.organization.id }, (db) => ({
      moved: db
        .update(users)
        .set({ organizationId: b.organization.id })
        .where(eq(users.id, a.owner.id))
        .returning(),
    })).catch((error: Error) => ({ moved: [error.message] }));
    expect(JSON.stringify(moved)).toMatch(/row-level security|Failed query/);
  });

  it("the Worker connects as a role that is neither superuser nor exempt from row-level security", async () => {
    const result = await testDb().execute<{ rolsuper: boolean; rolbypassrls: boolean }>(
      sql`select rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
    );
    expect(result.rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
  });
});
