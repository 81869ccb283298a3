/**
 * The schema as the data model defines it, on a fresh database: migrations apply from empty and
 * again without effect, every table and column is there, the time-series tables are partitioned,
 * audit_logs is append-only, and the Worker's role cannot bypass row-level security.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  APP_ROLE,
  createDatabase,
  dropDatabase,
  migrateDatabase,
  withDatabase,
} from "../../scripts/lib/database.ts";

/** Every column of every table in ../shared/data-model.md's ERD. */
const DATA_MODEL: Record<string, string[]> = {
  organizations: [
    "id",
    "name",
    "slug",
    "description",
    "logo_url",
    "country_code",
    "settings",
    "status",
    "created_at",
  ],
  users: [
    "id",
    "organization_id",
    "email",
    "username",
    "password_hash",
    "first_name",
    "last_name",
    "role",
    "permissions",
    "is_active",
    "created_at",
  ],
  events: [
    "id",
    "organization_id",
    "name",
    "slug",
    "start_date",
    "end_date",
    "timezone",
    "social_handles",
    "official_hashtags",
    "status",
    "created_at",
  ],
  delegates: [
    "id",
    "event_id",
    "title",
    "first_name",
    "last_name",
    "designation",
    "country",
    "delegate_type",
    "vip_tier",
    "auto_tag",
    "created_at",
  ],
  campaigns: [
    "id",
    "organization_id",
    "event_id",
    "name",
    "campaign_type",
    "start_date",
    "end_date",
    "target_platforms",
    "kpi_targets",
    "status",
    "created_at",
  ],
  content: [
    "id",
    "organization_id",
    "event_id",
    "campaign_id",
    "content_type",
    "title",
    "caption",
    "hashtags",
    "media_assets",
    "target_platforms",
    "scheduled_for",
    "workflow_status",
    "approval_required",
    "created_at",
    "parent_version_id",
  ],
  content_templates: [
    "id",
    "organization_id",
    "name",
    "content_type",
    "template_data",
    "thumbnail_url",
    "usage_count",
    "created_at",
  ],
  media_assets: [
    "id",
    "organization_id",
    "filename",
    "file_type",
    "mime_type",
    "file_size",
    "storage_url",
    "cdn_url",
    "width",
    "height",
    "processing_status",
    "ai_tags",
    "created_at",
  ],
  social_accounts: [
    "id",
    "organization_id",
    "event_id",
    "platform",
    "platform_user_id",
    "username",
    "access_token",
    "token_expires_at",
    "is_active",
    "created_at",
  ],
  published_posts: [
    "id",
    "content_id",
    "social_account_id",
    "platform",
    "platform_post_id",
    "platform_url",
    "published_content",
    "publish_status",
    "published_at",
    "created_at",
  ],
  engagement_metrics: [
    "id",
    "published_post_id",
    "platform",
    "impressions",
    "reach",
    "likes",
    "comments",
    "shares",
    "engagement_rate",
    "measured_at",
    "created_at",
  ],
  sentiment_analysis: [
    "id",
    "published_post_id",
    "event_id",
    "platform",
    "text_content",
    "sentiment",
    "sentiment_score",
    "entities",
    "keywords",
    "analyzed_at",
  ],
  approval_workflows: [
    "id",
    "organization_id",
    "name",
    "steps",
    "trigger_conditions",
    "is_active",
    "created_at",
  ],
  approval_requests: [
    "id",
    "workflow_id",
    "content_id",
    "requested_by",
    "current_step",
    "status",
    "requested_at",
    "resolved_at",
  ],
  approval_actions: [
    "id",
    "approval_request_id",
    "step_number",
    "action",
    "actioned_by",
    "comment",
    "actioned_at",
  ],
  notifications: ["id", "user_id", "type", "title", "message", "is_read", "created_at"],
  audit_logs: [
    "id",
    "organization_id",
    "user_id",
    "action",
    "entity_type",
    "entity_id",
    "changes",
    "ip_address",
    "created_at",
  ],
  refresh_tokens: ["id", "user_id", "created_at"],
  event_phases: ["id", "event_id", "created_at"],
};

/** The data model's named tables plus those its issues need (see README, "Schema"). */
const ALL_TABLES = [
  ...Object.keys(DATA_MODEL),
  "idempotency_keys",
  "publish_attempts",
  "mfa_recovery_codes",
  "media_uploads",
  "inbound_items",
  "inbound_item_keys",
  "listening_cursors",
  "inbound_failures",
  "event_widgets",
  "sentiment_alerts",
  "api_keys",
  "webhook_endpoints",
  "webhook_events",
  "webhook_deliveries",
  "data_archives",
  "data_exports",
  "erasures",
  "event_sessions",
  "event_session_speakers",
  "organization_closures",
  "user_event_access",
  "publishing_pauses",
].sort();

const MAJOR_ENTITIES = [
  "organizations",
  "users",
  "events",
  "event_phases",
  "delegates",
  "campaigns",
  "content",
  "content_templates",
  "media_assets",
  "social_accounts",
  "approval_workflows",
];

const database = `guddu_schema_${process.pid}_${Date.now()}`;
let client: pg.Client;

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

async function columnsOf(table: string): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(
    "select column_name from information_schema.columns where table_schema = 'public' and table_name = $1",
    [table],
  );
  return rows.map((r) => r.column_name);
}

describe("migrations", () => {
  it("apply from an empty database and create exactly the data model's tables and the nine more", async () => {
    const { rows } = await client.query<{ relname: string }>(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
    );
    expect(rows.map((r) => r.relname)).toEqual(ALL_TABLES);
  });

  it("put every table holding organisation rows under the forced tenant policy", async () => {
    const { rows } = await client.query<{ relname: string; secured: boolean }>(
      `select c.relname,
              c.relrowsecurity and c.relforcerowsecurity
              and exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation') as secured
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organization_id')
        order by 1`,
    );
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => !r.secured).map((r) => r.relname)).toEqual([]);
  });

  it("are idempotent: a second run changes nothing", async () => {
    const snapshot = () =>
      client.query(
        `select table_name, column_name, data_type, is_nullable from information_schema.columns
         where table_schema = 'public' order by 1, 2`,
      );
    const before = await snapshot();
    await migrateDatabase(withDatabase(inject("adminUrl"), database));
    const after = await snapshot();
    expect(after.rows).toEqual(before.rows);
  });
});

describe("the schema holds the data model", () => {
  it.each(Object.entries(DATA_MODEL))("%s has every column of the data model", async (table, columns) => {
    expect(await columnsOf(table)).toEqual(expect.arrayContaining(columns));
  });

  it.each(MAJOR_ENTITIES)("%s has updated_at and deleted_at", async (table) => {
    expect(await columnsOf(table)).toEqual(expect.arrayContaining(["updated_at", "deleted_at"]));
  });

  it("optional relations are SET NULL on delete", async () => {
    const { rows } = await client.query<{ table_name: string; column_name: string; delete_rule: string }>(
      `select kcu.table_name, kcu.column_name, rc.delete_rule
       from information_schema.referential_constraints rc
       join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name`,
    );
    const rule = (t: string, c: string) =>
      rows.find((r) => r.table_name === t && r.column_name === c)?.delete_rule;
    expect(rule("campaigns", "event_id")).toBe("SET NULL");
    expect(rule("content", "event_id")).toBe("SET NULL");
    expect(rule("content", "campaign_id")).toBe("SET NULL");
    expect(rule("content", "parent_version_id")).toBe("SET NULL");
    expect(rule("approval_requests", "workflow_id")).toBe("SET NULL");
    expect(rule("delegates", "event_id")).toBe("CASCADE");
  });

  it("has the unique and full-text indexes of the indexing strategy", async () => {
    const { rows } = await client.query<{ indexdef: string }>(
      "select indexdef from pg_indexes where schemaname = 'public'",
    );
    const defs = rows.map((r) => r.indexdef);
    const has = (pattern: RegExp) =>
      expect(
        defs.some((d) => pattern.test(d)),
        pattern.source,
      ).toBe(true);
    has(/UNIQUE INDEX .* ON public\.events .*\(organization_id, slug\)/);
    has(/UNIQUE INDEX .* ON public\.social_accounts .*\(organization_id, platform, platform_user_id\)/);
    has(/ON (ONLY )?public\.audit_logs .*\(entity_type, entity_id\)/);
    has(/ON public\.content USING gin/);
    has(/ON public\.delegates USING gin/);
  });

  it("delegates are searchable by name, designation and organisation through the full-text column", async () => {
    await client.query("begin");
    try {
      const org = await client.query<{ id: string }>(
        "insert into organizations (name, slug, country_code) values ('Org', $1, 'KE') returning id",
        [`fts-${Date.now()}`],
      );
      const event = await client.query<{ id: string }>(
        `insert into events (organization_id, name, slug, start_date, end_date, timezone)
         values ($1, 'Summit', 'summit', now(), now() + interval '1 day', 'Africa/Nairobi') returning id`,
        [org.rows[0]?.id],
      );
      await client.query(
        `insert into delegates (organization_id, event_id, first_name, last_name, designation, organization)
         values ($1, $2, 'Amina', 'Odhiambo', 'Minister of Energy', 'Ministry of Energy')`,
        [org.rows[0]?.id, event.rows[0]?.id],
      );
      const found = await client.query(
        "select first_name from delegates where search_vector @@ websearch_to_tsquery('simple', 'energy minister')",
      );
      expect(found.rows).toEqual([{ first_name: "Amina" }]);
    } finally {
      await client.query("rollback");
    }
  });
});

describe("partitions", () => {
  it.each([
    ["engagement_metrics", /^engagement_metrics_\d{4}_\d{2}$/],
    ["sentiment_analysis", /^sentiment_analysis_\d{4}_\d{2}$/],
    ["audit_logs", /^audit_logs_\d{4}_q[1-4]$/],
  ])("%s is partitioned by range, with partitions ahead of today", async (table, name) => {
    const strategy = await client.query<{ partstrat: string }>(
      "select partstrat from pg_partitioned_table where partrelid = $1::regclass",
      [table],
    );
    expect(strategy.rows[0]?.partstrat).toBe("r");
    const { rows } = await client.query<{ relname: string }>(
      "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = $1::regclass",
      [table],
    );
    const names = rows.map((r) => r.relname).filter((n) => name.test(n));
    expect(names.length).toBeGreaterThan(table === "audit_logs" ? 4 : 12);
  });

  it("ensure_partitions is idempotent", async () => {
    await client.query("select ensure_partitions(current_date, 12)");
    await client.query("select ensure_partitions(current_date, 12)");
  });
});

describe("audit_logs is append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE, even for the owner", async () => {
    const org = await client.query<{ id: string }>(
      "insert into organizations (name, slug, country_code) values ('Audit', $1, 'KE') returning id",
      [`audit-${Date.now()}`],
    );
    const orgId = org.rows[0]?.id;
    await client.query(
      "insert into audit_logs (organization_id, action, entity_type, entity_id) values ($1, 'organization.create', 'organization', $1)",
      [orgId],
    );
    await expect(
      client.query("update audit_logs set action = 'x' where organization_id = $1", [orgId]),
    ).rejects.toThrow(/append-only/);
    await expect(client.query("delete from audit_logs where organization_id = $1", [orgId])).rejects.toThrow(
      /append-only/,
    );
    await expect(client.query("truncate audit_logs")).rejects.toThrow(/append-only/);
    const { rows } = await client.query("select action from audit_logs where organization_id = $1", [orgId]);
    expect(rows).toEqual([{ action: "organization.create" }]);
  });
});

describe("the Worker's role", () => {
  it("is neither superuser nor able to bypass row-level security", async () => {
    const { rows } = await client.query("select rolsuper, rolbypassrls from pg_roles where rolname = $1", [
      APP_ROLE,
    ]);
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
  });

  it("may only read and append audit_logs", async () => {
    const { rows } = await client.query<{ privilege_type: string }>(
      "select privilege_type from information_schema.role_table_grants where grantee = $1 and table_name = 'audit_logs'",
      [APP_ROLE],
    );
    expect(rows.map((r) => r.privilege_type).sort()).toEqual(["INSERT", "SELECT"]);
  });
});
