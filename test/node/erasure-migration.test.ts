/**
 * migrations/0029_erasure.sql brings audit rows written before it in line with the trail's rule
 * (services/audit/record.ts): personal fields recorded as withheld, everything else untouched, and
 * the append-only trigger on again afterwards. Run here on rows written as they used to be.
 */
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase, migrateDatabase, withDatabase } from "../../scripts/lib/database.ts";
import { redact } from "../../src/services/audit/record.ts";

const database = `guddu_erasure_${process.pid}_${Date.now()}`;
let client: pg.Client;

/** The migration's statements from the audit clean-up on (the function, the update, the trigger back on). */
const cleanUp = readFileSync(new URL("../../migrations/0029_erasure.sql", import.meta.url), "utf8")
  .split("--> statement-breakpoint")
  .map((statement) => statement.trim())
  .filter((_, index, all) => index >= all.findIndex((s) => s.includes("FUNCTION audit_withhold_personal")));

beforeAll(async () => {
  const admin = inject("adminUrl");
  await createDatabase(admin, database, "template0");
  await migrateDatabase(withDatabase(admin, database));
  client = new pg.Client({ connectionString: withDatabase(admin, database) });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await dropDatabase(inject("adminUrl"), database);
});

describe("the erasure migration's clean-up of older audit rows", () => {
  it("withholds personal fields at any depth as the trail now does, and leaves the trigger on", async () => {
    const changes = {
      email: "amina@example.test",
      first_name: "Amina",
      role: "editor",
      filters: { from: { blocked_authors: [{ platform: "x", handle: "fan" }], profanity: true } },
      steps: [{ comment: "Use her title", step: 1 }],
      sent_to: { name: "Office", email: "office@example.test" },
      password_hash: "[redacted]",
    };
    const {
      rows: [org],
    } = await client.query<{ id: string }>(
      "insert into organizations (name, slug) values ('Before', 'before-0029') returning id",
    );
    await client.query(
      `insert into audit_logs (organization_id, actor_type, action, entity_type, changes)
       values ($1, 'system', 'user.create', 'user', $2), ($1, 'system', 'event.create', 'event', '{"name": "Summit"}')`,
      [org!.id, JSON.stringify(changes)],
    );
    await client.query("begin");
    for (const statement of cleanUp) await client.query(statement);
    await client.query("commit");

    const { rows } = await client.query<{ action: string; changes: Record<string, unknown> }>(
      "select action, changes from audit_logs where organization_id = $1 order by action",
      [org!.id],
    );
    expect(rows).toEqual([
      { action: "event.create", changes: { name: "Summit" } },
      { action: "user.create", changes: redact(changes) },
    ]);
    await expect(
      client.query("update audit_logs set action = 'x' where organization_id = $1", [org!.id]),
    ).rejects.toThrow(/append-only/);
    const { rows: left } = await client.query(
      "select 1 from pg_proc where proname = 'audit_withhold_personal'",
    );
    expect(left).toEqual([]);
  });
});
