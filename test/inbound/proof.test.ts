/**
 * The listening proof: several hundred deliveries from five platforms, built and signed the way each
 * platform builds and signs them, sent through the real `/webhooks/{platform}` endpoint, the real
 * `guddu-ingest` queue and its consumer, with duplicates, shuffled order, late replays, edits,
 * deletions and forged signatures. The store must end up holding exactly the valid items, each once,
 * in its latest state (a deleted one without its text, or never stored when its deletion came
 * first), and nothing forged. The seed is printed, so a failure can be replayed with GUDDU_PROOF_SEED.
 */
import { describe, expect, it, vi } from "vitest";
import type { FakePlatform } from "../fakes/platforms/core.ts";
import {
  buildWebhookPayload,
  signWebhook,
  type WebhookAction,
  type WebhookEvent,
  type WebhookKind,
} from "../fakes/platforms/webhook-payloads.ts";
import { callWithEnv, envWith } from "../support/http.ts";
import { inboundItemsOf } from "../support/inbound.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createOrganization } from "../support/tenants.ts";

const PLATFORMS = ["x", "facebook", "instagram", "threads", "linkedin"] as const;
type WebhookPlatform = (typeof PLATFORMS)[number];
const secretOf = (platform: WebhookPlatform) => `proof-${platform}-secret`;
const bindings = envWith({
  WEBHOOK_SECRETS: JSON.stringify(
    Object.fromEntries(PLATFORMS.map((p) => [p, { secrets: [secretOf(p)], verify_token: "proof" }])),
  ),
});

/** mulberry32: small, seeded, good enough to shuffle and choose. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(values: readonly T[]): T => values[int(values.length)] as T;
  const shuffle = <T>(values: T[]): T[] => {
    for (let i = values.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [values[i], values[j]] = [values[j] as T, values[i] as T];
    }
    return values;
  };
  return { next, int, pick, shuffle };
}

/** What each platform delivers (the fakes' contract): kinds, and whether it reports edits and deletions. */
const DELIVERS: Record<
  WebhookPlatform,
  { kinds: WebhookKind[]; edits: WebhookKind[]; deletes: WebhookKind[] }
> = {
  x: {
    kinds: ["mention", "reply", "quote"],
    edits: ["mention", "reply", "quote"],
    deletes: ["mention", "reply", "quote"],
  },
  facebook: {
    kinds: ["comment", "reply", "mention"],
    edits: ["comment", "reply", "mention"],
    deletes: ["comment", "reply", "mention"],
  },
  instagram: { kinds: ["comment", "reply"], edits: [], deletes: [] },
  threads: { kinds: ["reply", "mention"], edits: [], deletes: ["reply", "mention"] },
  linkedin: { kinds: ["comment"], edits: ["comment"], deletes: ["comment"] },
};

interface Truth {
  platform: WebhookPlatform;
  itemId: string;
  /** The text of the latest state, or null when the item was deleted. */
  text: string | null;
}

interface Delivery {
  platform: WebhookPlatform;
  body: string;
  headers: Record<string, string>;
  forged: boolean;
}

const seed = Number(process.env.GUDDU_PROOF_SEED ?? Date.now() % 1_000_000);

describe("the listening proof", () => {
  it("500+ deliveries with duplicates, reordering, replays, edits, deletions and forgeries: exactly the valid items, in their latest state", async () => {
    console.info(`listening proof seed ${seed} (GUDDU_PROOF_SEED=${seed} replays it)`);
    const rng = random(seed);
    const org = await createOrganization();
    const run = crypto.randomUUID().slice(0, 8);
    const accounts: Record<WebhookPlatform, string> = {
      x: `x-${run}`,
      facebook: `page-${run}`,
      instagram: `ig-${run}`,
      threads: `threads-${run}`,
      linkedin: `urn:li:organization:${run}`,
    };
    for (const platform of PLATFORMS) {
      await createSocialAccount(
        org.id,
        platform === "linkedin"
          ? { platform, platformUserId: `person-${run}`, metadata: { authorUrn: accounts.linkedin } }
          : { platform, platformUserId: accounts[platform] },
      );
    }

    const truths: Truth[] = [];
    const events: Array<{ platform: WebhookPlatform; event: WebhookEvent }> = [];
    const start = Date.UTC(2026, 11, 4, 9, 0);
    for (const platform of PLATFORMS) {
      for (let n = 0; n < 48; n++) {
        const kind = rng.pick(DELIVERS[platform].kinds);
        const itemId = `${platform === "linkedin" ? "urn:li:comment:(urn:li:share:1," : ""}${run}${n}${rng.int(1_000_000)}${platform === "linkedin" ? ")" : ""}`;
        const base = {
          account: accounts[platform],
          item_id: itemId,
          kind,
          in_reply_to: `post-${run}-${rng.int(5)}`,
          author: { id: `author-${rng.int(50)}`, handle: `fan${rng.int(50)}`, name: "A Fan" },
        };
        let at = start + n * 60_000;
        let text = `Item ${n} on ${platform}: see you at the summit`;
        const say = (action: WebhookAction, words: string) =>
          events.push({ platform, event: { ...base, action, text: words, at: new Date(at) } });
        say("create", text);
        const edits = DELIVERS[platform].edits.includes(kind) ? rng.int(3) : 0;
        for (let e = 1; e <= edits; e++) {
          at += 1_000 + rng.int(60_000);
          text = `Item ${n} on ${platform}, edit ${e}`;
          say("edit", text);
        }
        const deleted = DELIVERS[platform].deletes.includes(kind) && rng.next() < 0.25;
        if (deleted) {
          at += 1_000 + rng.int(60_000);
          say("delete", text);
        }
        truths.push({ platform, itemId, text: deleted ? null : text });
      }
    }

    // Deliveries: 1–2 shuffled events of one platform each (Meta, LinkedIn and X batch them).
    const deliveries: Delivery[] = [];
    for (const platform of PLATFORMS) {
      const own = rng.shuffle(events.filter((e) => e.platform === platform).map((e) => e.event));
      while (own.length > 0) {
        const batch = own.splice(0, 1 + rng.int(2));
        const body = JSON.stringify(buildWebhookPayload(platform as FakePlatform, batch));
        deliveries.push({
          platform,
          body,
          headers: await signWebhook(platform, secretOf(platform), body),
          forged: false,
        });
      }
    }
    // Forgeries: a stranger's secret, and a valid signature over a body altered afterwards.
    const forgedIds: string[] = [];
    for (let n = 0; n < 40; n++) {
      const platform = rng.pick(PLATFORMS);
      const kind = DELIVERS[platform].kinds[0] as WebhookKind;
      const itemId = `forged${run}${n}`;
      forgedIds.push(itemId);
      const event: WebhookEvent = {
        account: accounts[platform],
        item_id: itemId,
        action: "create",
        kind,
        text: "forged",
        in_reply_to: `post-${run}-0`,
        at: new Date(start),
      };
      const body = JSON.stringify(buildWebhookPayload(platform as FakePlatform, [event]));
      const headers =
        n % 2 === 0
          ? await signWebhook(platform, "not-the-platform", body)
          : await signWebhook(platform, secretOf(platform), body.replace("forged", "f0rged"));
      deliveries.push({ platform, body, headers, forged: true });
    }
    // Each valid delivery 1–3 times (the platforms' retries), all shuffled, then late replays.
    const sends = rng.shuffle(
      deliveries.flatMap((d) => Array.from({ length: d.forged ? 1 : 1 + rng.int(3) }, () => d)),
    );
    const valid = deliveries.filter((d) => !d.forged);
    for (let n = 0; n < 30; n++) sends.push(rng.pick(valid));
    expect(sends.length).toBeGreaterThanOrEqual(500);

    const statuses = new Map<number, number>();
    for (let i = 0; i < sends.length; i += 10) {
      const answers = await Promise.all(
        sends.slice(i, i + 10).map(async (d) => {
          const response = await callWithEnv(bindings, `/webhooks/${d.platform}`, {
            method: "POST",
            headers: { "content-type": "application/json", ...d.headers },
            body: d.body,
          });
          await response.arrayBuffer();
          expect(response.status, `${d.platform} forged=${d.forged}`).toBe(d.forged ? 401 : 200);
          return response.status;
        }),
      );
      for (const status of answers) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }

    const expected = (items: Awaited<ReturnType<typeof inboundItemsOf>>) => {
      const held = new Map(items.map((i) => [`${i.platform} ${i.platformItemId}`, i]));
      const wrong: string[] = [];
      if (held.size !== items.length) wrong.push("an item is held twice");
      for (const truth of truths) {
        const item = held.get(`${truth.platform} ${truth.itemId}`);
        held.delete(`${truth.platform} ${truth.itemId}`);
        if (truth.text === null) {
          if (item && (item.text !== null || item.deletedAt === null))
            wrong.push(`${truth.itemId} not erased`);
        } else if (!item) {
          wrong.push(`${truth.itemId} missing`);
        } else if (item.text !== truth.text || item.deletedAt !== null) {
          wrong.push(`${truth.itemId}: ${item.text} instead of ${truth.text}`);
        }
      }
      for (const extra of held.keys()) wrong.push(`${extra} should not be held`);
      return wrong;
    };
    const items = await vi.waitFor(
      async () => {
        const held = await inboundItemsOf(org.id);
        const wrong = expected(held);
        if (wrong.length > 0)
          throw new Error(`${wrong.length} differences, e.g. ${wrong.slice(0, 3).join("; ")}`);
        return held;
      },
      { timeout: 90_000, interval: 250 },
    );
    expect(items.filter((i) => forgedIds.includes(i.platformItemId))).toEqual([]);
    expect(items.every((i) => i.text === null || !i.text.includes("f0rged"))).toBe(true);
    console.info(
      `listening proof: ${sends.length} deliveries sent (${statuses.get(200)} accepted, ${statuses.get(401)} forged refused), ${events.length} events of ${truths.length} items, ${items.length} items held (${items.filter((i) => i.deletedAt).length} erased)`,
    );
  }, 150_000);
});
