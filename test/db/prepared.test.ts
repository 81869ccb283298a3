/**
 * Prepared statements (src/db/prepared.ts): the SQL is rendered once per database client and shape,
 * and each use binds its own values; the rows come back as drizzle reads the query it was built from, inside
 * an ordinary named batch.
 */
import { and, eq, sql } from "drizzle-orm";
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

  it("render once per shape: each shape its own text, each use its own values", async () => {
    const rendered: string[] = [];
    const byRole = preparedStatement(
      "test.usersByRole",
      (db, value: Value<"org" | "role">, shape: { role: boolean; order: "email" | "created" }) => {
        rendered.push(JSON.stringify(shape));
        return db
          .select({ id: users.id, role: users.role })
          .from(users)
          .where(
            and(
              eq(users.organizationId, value("org")),
              shape.role ? eq(users.role, value("role")) : undefined,
            ),
          )
          .orderBy(shape.order === "email" ? users.email : users.createdAt);
      },
    );
    const { owner, editor, organization } = await createTenant(["owner", "editor"]);
    const read = (role: string | undefined, order: "email" | "created") =>
      inTenant({ db: testDb(), organizationId: organization.id }, (tx) => ({
        rows: byRole(tx, { org: organization.id, role }, { role: role !== undefined, order }),
      }));
    expect((await read("editor", "email")).rows).toEqual([{ id: editor.id, role: "editor" }]);
    expect((await read("owner", "email")).rows).toEqual([{ id: owner.id, role: "owner" }]);
    expect((await read(undefined, "email")).rows.map((r) => r.id).sort()).toEqual(
      [owner.id, editor.id].sort(),
    );
    expect((await read(undefined, "created")).rows).toHaveLength(2);
    expect((await read("owner", "email")).rows).toEqual([{ id: owner.id, role: "owner" }]);
    expect(rendered).toEqual([
      JSON.stringify({ role: true, order: "email" }),
      JSON.stringify({ role: false, order: "email" }),
      JSON.stringify({ role: false, order: "created" }),
    ]);
  });

  it("take a raw statement (db.execute) as well as a query builder", async () => {
    const setting = preparedStatement("test.setting", (db, value: Value<"name">) =>
      db.execute<{ value: string }>(sql`select current_setting(${value("name")}) as value`),
    );
    const { owner } = await createTenant();
    const { shown } = await inTenant({ db: testDb(), organizationId: owner.organizationId }, (tx) => ({
      shown: setting(tx, { name: "app.org_id" }),
    }));
    expect(shown.rows).toEqual([{ value: owner.organizationId }]);
  });
});
