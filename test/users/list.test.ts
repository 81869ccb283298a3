import { describe, expect, it } from "vitest";
import { users } from "../../src/db/schema/users.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { call, expectProblem } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, createUser, testDb } from "../support/tenants.ts";

interface UserBody {
  id: string;
  email: string;
  role: string;
  is_active: boolean;
}
interface Page {
  data: UserBody[];
  next_cursor: string | null;
}

const list = async (query: string, headers: Record<string, string>) => {
  const response = await call(`/v1/users${query}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
};

/** `count` users in one insert (one transaction: they share created_at, so only the id orders them). */
async function insertUsers(organizationId: string, count: number, tag: string): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    organizationId,
    email: `${tag}-${i}-${crypto.randomUUID().slice(0, 8)}@example.test`,
    passwordHash: "not-a-real-hash",
    firstName: "Bulk",
    lastName: `${tag}${i}`,
    role: "viewer" as const,
  }));
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db.insert(users).values(rows).returning({ id: users.id }),
  }));
  return inserted.map((r) => r.id);
}

describe("GET /v1/users", () => {
  it("walks 120 users in pages of 25 without gaps or repeats, newest first, one round trip a page", async () => {
    const { organization, owner } = await createTenant();
    // Four transactions of 30: ties on created_at inside each, distinct timestamps between them.
    const ids = (
      await Promise.all(["a", "b", "c", "d"].map((tag) => insertUsers(organization.id, 30, tag)))
    ).flat();
    const expected = new Set([...ids, owner.id]);

    const seen: string[] = [];
    const pages: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=25${cursor ? `&cursor=${cursor}` : ""}`;
      const { response, roundTrips } = await measure(`/v1/users${query}`, { headers: owner.headers });
      expect(response.status).toBe(200);
      expect(roundTrips).toBe(1);
      const page = (await response.json()) as Page;
      pages.push(page.data.length);
      seen.push(...page.data.map((u) => u.id));
      cursor = page.next_cursor;
    } while (cursor);

    expect(pages).toEqual([25, 25, 25, 25, 21]);
    expect(seen).toHaveLength(expected.size);
    expect(new Set(seen)).toEqual(expected);
    expect(seen.at(-1)).toBe(owner.id);
  });

  it("a page exactly at the end has no next cursor", async () => {
    const { organization, owner } = await createTenant();
    await insertUsers(organization.id, 3, "x");
    const page = await list("?limit=4", owner.headers);
    expect(page.data).toHaveLength(4);
    expect(page.next_cursor).toBeNull();
  });

  it("defaults to pages of 50", async () => {
    const { organization, owner } = await createTenant();
    await insertUsers(organization.id, 55, "d");
    const page = await list("", owner.headers);
    expect(page.data).toHaveLength(50);
    expect(page.next_cursor).toEqual(expect.any(String));
  });

  it("filters by role, by status, and by a case-insensitive prefix of email or name", async () => {
    const { organization, owner } = await createTenant();
    const editor = await createUser(organization.id, {
      role: "editor",
      email: `zawadi-${crypto.randomUUID().slice(0, 6)}@example.test`,
    });
    const inactive = await createUser(organization.id, { role: "editor", isActive: false });
    await createUser(organization.id, { role: "viewer" });

    const editors = await list("?role=editor", owner.headers);
    expect(editors.data.map((u) => u.id).sort()).toEqual([editor.id, inactive.id].sort());

    const activeEditors = await list("?role=editor&is_active=true", owner.headers);
    expect(activeEditors.data.map((u) => u.id)).toEqual([editor.id]);
    const inactiveUsers = await list("?is_active=false", owner.headers);
    expect(inactiveUsers.data.map((u) => u.id)).toEqual([inactive.id]);

    expect((await list("?q=ZAWA", owner.headers)).data.map((u) => u.id)).toEqual([editor.id]);
    // Factories name users "Test <role>": first name, last name and the full name all match.
    expect((await list("?q=test%20vie", owner.headers)).data.map((u) => u.role)).toEqual(["viewer"]);
    expect((await list("?q=OWN", owner.headers)).data.map((u) => u.id)).toEqual([owner.id]);
    // LIKE wildcards in q are taken literally.
    expect((await list("?q=%25", owner.headers)).data).toEqual([]);
    expect((await list("?q=_", owner.headers)).data).toEqual([]);
  });

  it("never lists another organisation's users", async () => {
    const mine = await createTenant();
    const theirs = await createTenant(["owner", "editor"]);
    const page = await list("?limit=100", mine.owner.headers);
    expect(page.data.map((u) => u.id)).toEqual([mine.owner.id]);
    expect(page.data.map((u) => u.id)).not.toContain(theirs.editor.id);
  });

  it("a viewer may list (users:read); the body carries no secrets", async () => {
    const { viewer } = await createTenant(["owner", "viewer"]);
    const response = await call("/v1/users", { headers: viewer.headers });
    expect(response.status).toBe(200);
    expect(await response.text()).not.toMatch(/password|pbkdf2|totp_secret/);
  });

  it("a malformed cursor is 400 invalid_cursor", async () => {
    const { owner } = await createTenant();
    const forged = btoa(JSON.stringify({ k: "yesterday", id: crypto.randomUUID() })).replace(/=+$/, "");
    for (const cursor of ["not-a-cursor", "%E2%9C%93", forged, btoa("[1,2]").replace(/=+$/, "")]) {
      await expectProblem(
        await call(`/v1/users?cursor=${cursor}`, { headers: owner.headers }),
        400,
        "invalid_cursor",
      );
    }
  });

  it("limit outside 1–100 or an unknown role is 400 validation_failed", async () => {
    const { owner } = await createTenant();
    for (const query of ["?limit=0", "?limit=101", "?limit=ten", "?role=emperor", "?is_active=maybe"]) {
      await expectProblem(
        await call(`/v1/users${query}`, { headers: owner.headers }),
        400,
        "validation_failed",
      );
    }
  });

  it("without a token is 401", async () => {
    await expectProblem(await call("/v1/users"), 401, "unauthenticated");
  });
});
