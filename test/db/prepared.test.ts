/**
 * Prepared statements (src/db/prepared.ts): the SQL is rendered once per database client and each
 * use binds its own values; the rows come back as drizzle reads the query it was built from, inside
 * an ordinary named batch.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { preparedStatement, type Value } from "../../src/db/prepared.ts";
import { organizations } from "../../src/db/schema/organizations.ts";
import { users } from "../../src/db/schema/users.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { roundTripsOf, taggedDb } from "../support/round-trips.ts";
import { createTenant, testDb } from "../support/tenants.ts";

describe("prepared statements", () => {
  it("render once, bind each use's values, and read rows as the builder would", async () => {
    let renders = 0;
    const userWithOrganization = preparedStatement(
      "test.userWithOrganization",
      (db, value: Value<"org" | "id">) => {
        renders++;
        return db
          .select({ user: users, organization: organizations })
          .from(users)
          .innerJoin(organizations, eq(organizations.id, users.organizationId))
          .where(and(eq(users.organizationId, value("org")), eq(users.id, value("id"))));
      },
    );
    const { owner, editor: other, organization } = await createTenant(["owner", "editor"]);
    const db = testDb();
    const read = (id: string) =>
      inTenant({ db, organizationId: organization.id }, (tx) => ({
        rows: userWithOrganization(tx, { org: organization.id, id }),
      }));

    const [first, second] = await Promise.all([read(owner.id), read(other.id)]);
    expect(first.rows).toHaveLength(1);
    expect(first.rows[0]?.user.id).toBe(owner.id);
    expect(first.rows[0]?.user.createdAt).toBeInstanceOf(Date);
    expect(first.rows[0]?.organization.slug).toBe(organization.slug);
    expect(second.rows[0]?.user.id).toBe(other.id);
    expect(second.rows[0]?.user.role).toBe("editor");
    expect(renders).toBe(1);

    // Another tenant's id finds nothing: the values, not the rendered text, decide.
    const foreign = await createTenant();
    expect((await read(foreign.owner.id)).rows).toEqual([]);
    expect(renders).toBe(1);
  });

  it("go out in the same round trip as the rest of the batch", async () => {
    const statement = preparedStatement("test.userById", (db, value: Value<"id">) =>
      db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.id, value("id"))),
    );
    const { owner } = await createTenant();
    const { db, tag } = taggedDb();
    const { one, two } = await inTenant({ db, organizationId: owner.organizationId }, (tx) => ({
      one: statement(tx, { id: owner.id }),
      two: statement(tx, { id: crypto.randomUUID() }),
    }));
    expect(one).toEqual([{ id: owner.id }]);
    expect(two).toEqual([]);
    expect(await roundTripsOf(tag)).toBe(1);
  });
});
