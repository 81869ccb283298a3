/**
 * Demo data for `npm run dev`: an organisation with an event (and its phases), delegates, a
 * campaign, and the event's widgets switched on with a few items on its wall. Fixed ids and ON CONFLICT DO NOTHING make it idempotent, so a second run keeps the data
 * (and anything you changed) as it is.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type pg from "pg";
import { DEFAULT_WALL_FILTERS } from "../../src/db/schema/event-widgets.ts";
import { hashPassword } from "../../src/platform/passwords.ts";
import { hashApiKey, isWellFormedApiKey, newApiKey } from "../../src/services/api-keys/secret.ts";
import { rolePermissions } from "../../src/services/auth/permissions.ts";
import { withClient } from "./database.ts";

export const DEMO_ORGANIZATION_ID = "0d6f0f4e-0000-4000-8000-000000000001";
const EVENT_ID = "0d6f0f4e-0000-4000-8000-000000000010";
const CAMPAIGN_ID = "0d6f0f4e-0000-4000-8000-000000000020";
const WORKFLOW_ID = "0d6f0f4e-0000-4000-8000-000000000040";

const PHASES = [
  ["0d6f0f4e-0000-4000-8000-000000000011", "Pre-event", "2027-03-01T00:00:00Z", "2027-03-09T23:59:59Z", 0],
  ["0d6f0f4e-0000-4000-8000-000000000012", "Day 1", "2027-03-10T05:00:00Z", "2027-03-10T18:00:00Z", 1],
  ["0d6f0f4e-0000-4000-8000-000000000013", "Day 2", "2027-03-11T05:00:00Z", "2027-03-11T18:00:00Z", 2],
  ["0d6f0f4e-0000-4000-8000-000000000014", "Post-event", "2027-03-12T00:00:00Z", "2027-03-20T23:59:59Z", 3],
] as const;

const DELEGATES = [
  [
    "0d6f0f4e-0000-4000-8000-000000000031",
    "H.E.",
    "Amina",
    "Odhiambo",
    "Cabinet Secretary for Energy",
    "Ministry of Energy",
    "KE",
    "minister",
    1,
    true,
  ],
  [
    "0d6f0f4e-0000-4000-8000-000000000032",
    "Dr.",
    "Kwame",
    "Mensah",
    "Chief Economist",
    "African Development Forum",
    "GH",
    "speaker",
    2,
    true,
  ],
  [
    "0d6f0f4e-0000-4000-8000-000000000033",
    "Ms.",
    "Lena",
    "Fischer",
    "Head of Climate Partnerships",
    "Nordwind Capital",
    "DE",
    "delegate",
    0,
    false,
  ],
  [
    "0d6f0f4e-0000-4000-8000-000000000034",
    "Mr.",
    "Rahul",
    "Iyer",
    "Founder",
    "SolarGrid Labs",
    "IN",
    "exhibitor",
    0,
    false,
  ],
] as const;

/** The demo event's public key: the embed's `event` attribute on the sample event page. */
export const DEMO_EVENT_KEY = "DemoAES2027w";

/** What people said about the summit: approved on its wall, so the widgets show something at once. */
const WALL_ITEMS = [
  [
    "1866000000000000001",
    "x",
    "mention",
    "kipchoge_fan",
    "Wanjiru K.",
    "Counting down to @AESummit in Nairobi. Who else is going? #AES2027",
  ],
  [
    "1866000000000000002",
    "x",
    "hashtag",
    "gridwatcher",
    "Tobi A.",
    "Mini-grids are the real story of the energy transition. Looking forward to day 2 #AES2027 #EnergyTransition",
  ],
  [
    "3kabcdefgh2x1",
    "bluesky",
    "mention",
    "solarlena.bsky.social",
    "Lena F.",
    "Speaking on blended finance for clean energy at @aesummit.bsky.social next month!",
  ],
  [
    "urn:li:comment:(urn:li:activity:7100,7101)",
    "linkedin",
    "comment",
    "amara-okafor",
    "Amara Okafor",
    "Great line-up this year. The ministerial panel is a must-see.",
  ],
  [
    "1866000000000000005",
    "x",
    "reply",
    "nairobi_tech",
    "Nairobi Tech Week",
    "We'll be at booth 14 with live demos of pay-as-you-go solar.",
  ],
] as const;

export const DEMO_PASSWORD = "guddu-demo-passphrase";
const DEMO_ROLES = ["owner", "admin", "manager", "editor", "approver", "viewer"] as const;
const demoEmail = (role: string) => `${role}@demo-events.test`;

export async function seedDemoData(adminUrl: string): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withClient(adminUrl, async (c) => {
    await c.query("begin");
    await c.query(
      `insert into organizations (id, name, slug, description, country_code, settings)
       values ($1, 'Demo Events Ltd', 'demo-events', 'Runs the Africa Energy Summit', 'KE', '{"default_timezone":"Africa/Nairobi"}')
       on conflict do nothing`,
      [DEMO_ORGANIZATION_ID],
    );
    await c.query(
      `insert into events (id, organization_id, name, slug, description, start_date, end_date, timezone,
                           social_handles, official_hashtags, status)
       values ($1, $2, 'Africa Energy Summit 2027', 'aes-2027', 'Two days on the continent''s energy transition',
               '2027-03-10T05:00:00Z', '2027-03-11T18:00:00Z', 'Africa/Nairobi',
               '{"x":"@AESummit","bluesky":"aesummit.bsky.social","linkedin":"africa-energy-summit"}',
               '{#AES2027,#EnergyTransition}', 'scheduled')
       on conflict do nothing`,
      [EVENT_ID, DEMO_ORGANIZATION_ID],
    );
    for (const [id, name, startsAt, endsAt, order] of PHASES) {
      await c.query(
        `insert into event_phases (id, organization_id, event_id, name, starts_at, ends_at, sort_order)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
        [id, DEMO_ORGANIZATION_ID, EVENT_ID, name, startsAt, endsAt, order],
      );
    }
    for (const [
      id,
      title,
      first,
      last,
      designation,
      organization,
      country,
      type,
      tier,
      autoTag,
    ] of DELEGATES) {
      await c.query(
        `insert into delegates (id, organization_id, event_id, title, first_name, last_name, designation,
                                organization, country, delegate_type, vip_tier, auto_tag)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) on conflict do nothing`,
        [
          id,
          DEMO_ORGANIZATION_ID,
          EVENT_ID,
          title,
          first,
          last,
          designation,
          organization,
          country,
          type,
          tier,
          autoTag,
        ],
      );
    }
    await c.query(
      `insert into campaigns (id, organization_id, event_id, name, campaign_type, start_date, end_date,
                              target_platforms, kpi_targets, status)
       values ($1, $2, $3, 'Road to AES 2027', 'awareness', '2027-01-15T00:00:00Z', '2027-03-20T23:59:59Z',
               '{x,linkedin,bluesky,instagram}', '{"impressions":500000,"engagement_rate":0.035,"posts":120}', 'active')
       on conflict do nothing`,
      [CAMPAIGN_ID, DEMO_ORGANIZATION_ID, EVENT_ID],
    );
    for (const [index, role] of DEMO_ROLES.entries()) {
      await c.query(
        `insert into users (id, organization_id, email, password_hash, first_name, last_name, role, password_changed_at)
         values ($1, $2, $3, $4, $5, 'Demo', $6, now()) on conflict do nothing`,
        [
          `0d6f0f4e-0000-4000-8000-00000000010${index}`,
          DEMO_ORGANIZATION_ID,
          demoEmail(role),
          passwordHash,
          role[0]?.toUpperCase() + role.slice(1),
          role,
        ],
      );
    }
    // A two-step workflow for posts that mention a VIP delegate: the approver, then two of the
    // managers and admins, escalated to the owner when the day before publishing comes unapproved.
    // The owner created it (user ids follow DEMO_ROLES' order: owner is …100, approver …104).
    await c.query(
      `insert into approval_workflows (id, organization_id, name, steps, trigger_conditions, created_by)
       values ($1, $2, 'VIP mentions', $3, $4, $5) on conflict do nothing`,
      [
        WORKFLOW_ID,
        DEMO_ORGANIZATION_ID,
        JSON.stringify([
          {
            name: "Protocol office",
            approvers: { userIds: ["0d6f0f4e-0000-4000-8000-000000000104"] },
            requiredApprovals: 1,
            deadline: { hours: 24 },
            remindBeforeHours: 6,
            escalateTo: { roles: ["owner"] },
          },
          {
            name: "Communications leads",
            approvers: { roles: ["admin", "manager"] },
            requiredApprovals: 2,
            deadline: { beforePublishHours: 24 },
            remindBeforeHours: 6,
            escalateTo: { roles: ["owner"] },
          },
        ]),
        JSON.stringify({ mentionsVipDelegate: true }),
        "0d6f0f4e-0000-4000-8000-000000000100",
      ],
    );
    // The event's public face: widgets on, automatic moderation, a few items already on its wall.
    await c.query(
      `insert into event_widgets (event_id, organization_id, public_key, enabled, moderation, filters)
       values ($1, $2, $3, true, 'automatic', $4) on conflict do nothing`,
      [EVENT_ID, DEMO_ORGANIZATION_ID, DEMO_EVENT_KEY, JSON.stringify(DEFAULT_WALL_FILTERS)],
    );
    await c.query("update delegates set featured = true where id = $1", [DELEGATES[2][0]]);
    for (const [index, [itemId, platform, kind, handle, name, text]] of WALL_ITEMS.entries()) {
      const at = new Date(Date.now() - (WALL_ITEMS.length - index) * 3_600_000).toISOString();
      const key = await c.query<{ item_id: string; received_at: string }>(
        `insert into inbound_item_keys (organization_id, platform, platform_item_id, received_at, observed_at)
         values ($1, $2, $3, $4, $4) on conflict do nothing returning item_id, received_at`,
        [DEMO_ORGANIZATION_ID, platform, itemId, at],
      );
      const row = key.rows[0];
      if (!row) continue;
      await c.query(
        `insert into inbound_items (id, received_at, organization_id, event_id, platform, kind, platform_item_id,
                                    author_handle, author_name, text, platform_created_at, observed_at, wall_status)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $2, $2, 'approved')`,
        [
          row.item_id,
          row.received_at,
          DEMO_ORGANIZATION_ID,
          EVENT_ID,
          platform,
          kind,
          itemId,
          handle,
          name,
          text,
        ],
      );
    }
    await seedDemoApiKey(c);
    await c.query("commit");
  });
}

const DEMO_API_KEY_ID = "0d6f0f4e-0000-4000-8000-000000000050";
/** The demo key itself, kept beside the other local secrets (git-ignored): only its hash is in the database. */
const DEMO_API_KEY_FILE = resolve(import.meta.dirname, "../../.data/demo-api-key");

/**
 * An API key of the demo organisation with a manager's permissions, so an integrator can call the API
 * at once. The same key every run while it works; a new one when it was revoked or the database no
 * longer knows it.
 */
async function seedDemoApiKey(c: pg.Client): Promise<void> {
  const kept = existsSync(DEMO_API_KEY_FILE) ? readFileSync(DEMO_API_KEY_FILE, "utf8").trim() : "";
  const { rows } = await c.query<{ secret_hash: string; revoked_at: Date | null }>(
    "select secret_hash, revoked_at from api_keys where id = $1",
    [DEMO_API_KEY_ID],
  );
  const row = rows[0];
  const usable =
    isWellFormedApiKey(kept) && (!row || (!row.revoked_at && row.secret_hash === (await hashApiKey(kept))));
  const key = usable ? kept : (await newApiKey()).key;
  if (!usable) {
    mkdirSync(dirname(DEMO_API_KEY_FILE), { recursive: true });
    writeFileSync(DEMO_API_KEY_FILE, `${key}\n`, { mode: 0o600 });
  }
  await c.query(
    `insert into api_keys (id, organization_id, name, prefix, secret_hash, permissions, created_by)
     values ($1, $2, 'Demo integration', $3, $4, $5, '0d6f0f4e-0000-4000-8000-000000000100')
     on conflict (id) do update set prefix = excluded.prefix, secret_hash = excluded.secret_hash, revoked_at = null
     where api_keys.secret_hash <> excluded.secret_hash`,
    [
      DEMO_API_KEY_ID,
      DEMO_ORGANIZATION_ID,
      key.slice(0, 16),
      await hashApiKey(key),
      rolePermissions("manager"),
    ],
  );
}

/** What `npm run dev` prints about the demo API key (the stack has seeded it by then). */
export function demoApiKeyLines(workerUrl: string): string[] {
  if (!existsSync(DEMO_API_KEY_FILE)) return [];
  const key = readFileSync(DEMO_API_KEY_FILE, "utf8").trim();
  return [
    "",
    "An API key of the demo organisation (a manager's permissions; see README, Integrating with Guddu):",
    `  ${key}`,
    `  curl -s ${workerUrl}/v1/events -H "authorization: Bearer ${key}"`,
  ];
}

/** Lines `npm run dev` prints about signing in. */
export const DEMO_CREDENTIALS: string[] = [
  "",
  `Sign in as any role of the demo organisation (password "${DEMO_PASSWORD}"):`,
  `  ${DEMO_ROLES.map(demoEmail).join(", ")}`,
];
