/**
 * The no-duplicates proof, with sessions moving (issue #18): posts scheduled relative to sessions are
 * claimed by the real cron and published through the real queue and consumer to the platform fakes
 * and the real local Bluesky PDS, while the sessions are moved again and again, earlier, later and
 * into the past, and some messages are delivered twice. Every post must end published exactly once
 * on its platform, never before the time its last move gave it, or held (its time moved into the past)
 * and never published.
 *
 * A move reports, per content item, whether its post moved (it was still waiting) or not (already
 * claimed: in flight). Each content item has one post, so the test knows each post's final time: the
 * time of the last move that moved it. Moves of one session are made one after another; sessions move
 * at the same time as each other and as the cron's claims. Seeded (PUBLISH_FAULT_SEED replays one).
 */
import { env } from "cloudflare:workers";
import { inArray } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Platform } from "../../src/db/schema/columns.ts";
import { content } from "../../src/db/schema/content.ts";
import { publishAttempts } from "../../src/db/schema/publish-attempts.ts";
import { publishedPosts } from "../../src/db/schema/published-posts.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { createPdsAccount, postRecords } from "../support/bluesky.ts";
import { clearFaults, fakePosts } from "../support/fake-platforms.ts";
import { connectedAccount, publishMessage, runDispatchCron } from "../support/publishing.ts";
import { createAgenda, createSession, type FollowedBody, moveSession } from "../support/sessions.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, testDb } from "../support/tenants.ts";

const SEED =
  Number((globalThis as { process?: { env?: Record<string, string> } }).process?.env?.PUBLISH_FAULT_SEED) ||
  Math.floor(Math.random() * 2 ** 31);

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Half the proof's posts: 24 in `npm test`, 500 in `npm run soak`. */
const POSTS = Math.max(12, Math.floor((Number(env.PROOF_POSTS) || 48) / 2));
const POSTS_PER_SESSION = 6;
const SESSIONS = Math.ceil(POSTS / POSTS_PER_SESSION);
/** One set of accounts per this many posts, so no account meets its platform's posting cap. */
const POSTS_PER_ACCOUNT_SET = 60;
/** How many times each session moves, and how often a move sends it into the past. */
const MOVE_ROUNDS = 5;
const INTO_THE_PAST = 0.12;
const HOUR = 3_600_000;
/** The cron's clock (the database's) and the consumer's (the Worker's) are the same machine's. */
const CLOCK_SLACK_MS = 250;

interface Target {
  platform: Platform;
  accountId: string;
  key: string;
}

const fakeAccounts: Array<{ platform: Exclude<Platform, "bluesky">; account: string }> = [];
afterAll(async () => {
  for (const scope of fakeAccounts) await clearFaults(scope);
});

describe("no post doubled or early while its session moves", () => {
  it(
    `publishes ${POSTS} posts relative to ${SESSIONS} sessions that move while the cron claims (seed printed on failure)`,
    async () => {
      const where = `seed ${SEED}`;
      const random = seeded(SEED);
      const { owner } = await createTenant();
      const targets: Target[] = [];
      for (let set = 0; set < Math.ceil(POSTS / POSTS_PER_ACCOUNT_SET); set++) {
        for (const platform of ["x", "facebook", "linkedin"] as const) {
          const account = await connectedAccount(owner, platform);
          fakeAccounts.push({ platform, account: account.key });
          targets.push({ platform, accountId: account.row.id, key: account.key });
        }
        const pds = await createPdsAccount("moves");
        const bluesky = await createSocialAccount(owner, {
          platform: "bluesky",
          platformUserId: pds.did,
          username: pds.handle,
          tokens: { accessToken: pds.accessJwt, refreshToken: pds.refreshJwt, expiresAt: null },
          metadata: { pds: env.BLUESKY_PDS_URL },
        });
        targets.push({ platform: "bluesky", accountId: bluesky.id, key: pds.did });
      }

      const now = Date.now();
      const {
        event,
        phase,
        session: first,
      } = await createAgenda(owner.organizationId, {
        event: { startDate: new Date(now - HOUR), endDate: new Date(now + HOUR) },
        phase: { startsAt: new Date(now - HOUR), endsAt: new Date(now + HOUR) },
        session: { startsAt: new Date(now + 4_000), endsAt: new Date(now + 4_000 + HOUR / 4) },
      });
      const sessions = [first];
      for (let i = 1; i < SESSIONS; i++) {
        const start = new Date(now + 4_000 + i * 1_000);
        sessions.push(
          await createSession(owner.organizationId, event.id, phase.id, {
            startsAt: start,
            endsAt: new Date(start.getTime() + HOUR / 4),
          }),
        );
      }

      // Scheduled content at its session's start, one post each, as scheduling relative to it leaves them.
      const plan = Array.from({ length: POSTS }, (_, i) => ({
        session: sessions[i % SESSIONS]!,
        target: targets[Math.floor(random() * targets.length)]!,
        caption: `Moving proof ${i + 1} of run ${SEED} ${crypto.randomUUID().slice(0, 8)}`,
      }));
      const { rows } = await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
        rows: db
          .insert(content)
          .values(
            plan.map((p) => ({
              organizationId: owner.organizationId,
              eventId: event.id,
              contentType: "post",
              caption: p.caption,
              targetPlatforms: [p.target.platform],
              workflowStatus: "scheduled" as const,
              scheduledFor: p.session.startsAt,
              relativeSessionId: p.session.id,
              relativeEdge: "start" as const,
              relativeOffsetMinutes: 0,
            })),
          )
          .returning({ id: content.id }),
      }));
      const { posts } = await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
        posts: db
          .insert(publishedPosts)
          .values(
            plan.map((p, i) => ({
              organizationId: owner.organizationId,
              contentId: rows[i]!.id,
              socialAccountId: p.target.accountId,
              platform: p.target.platform,
              publishStatus: "pending" as const,
              nextAttemptAt: p.session.startsAt,
            })),
          )
          .returning({ id: publishedPosts.id, contentId: publishedPosts.contentId }),
      }));
      const items = plan.map((p, i) => ({ ...p, contentId: rows[i]!.id, postId: posts[i]!.id }));

      /** Per content item, what each move that moved its post said: its new time and whether it is held. */
      const moved = new Map<string, Array<{ to: Date; held: boolean }>>();
      let movesMade = 0;
      let inFlight = 0;
      let cronRuns = 0;
      /** Posts the cron has taken so far (claimed, publishing or done), and whether any still wait. */
      let taken = 0;
      let waiting = POSTS;
      let moving = true;

      const mover = async () => {
        let takenBefore = 0;
        for (let round = 0; round < MOVE_ROUNDS; round++) {
          // Paced by the cron, not by a clock: a round starts once the cron has taken more posts (so
          // the moves meet posts in flight), or once nothing is left waiting.
          await vi.waitFor(
            () => {
              if (cronRuns < 2 || (taken <= takenBefore && waiting > 0))
                throw new Error("waiting for the cron");
            },
            { timeout: 30_000, interval: 10 },
          );
          takenBefore = taken;
          await Promise.all(
            sessions.map(async (session) => {
              // Just ahead, so claims and moves meet (under load a move may land after its time, and
              // then holds its posts too, as it should); the last round moves ahead, and further.
              const last = round === MOVE_ROUNDS - 1;
              const past = !last && random() < INTO_THE_PAST;
              const offset = past ? -(500 + random() * 1_500) : (last ? 2_000 : 500) + random() * 3_000;
              const response = await moveSession(owner, session.id, {
                starts_at: new Date(Date.now() + offset).toISOString(),
              });
              expect(response.status, `${where}: move`).toBe(200);
              const body = (await response.json()) as { followed: FollowedBody };
              movesMade++;
              inFlight += body.followed.posts.in_flight;
              for (const entry of body.followed.content) {
                if (entry.posts.moved === 0) continue;
                const list = moved.get(entry.id) ?? [];
                list.push({ to: new Date(entry.scheduled_for.to), held: entry.posts.held > 0 });
                moved.set(entry.id, list);
              }
            }),
          );
        }
        moving = false;
      };

      const ids = items.map((item) => item.postId);
      const cron = async () =>
        vi.waitFor(
          async () => {
            await runDispatchCron();
            cronRuns++;
            // A quarter of the posts' messages again, as a redelivery would bring them.
            const again = ids.filter(() => random() < 0.25).slice(0, 4);
            for (const id of again) {
              await env.PUBLISH_QUEUE.send(publishMessage(owner.organizationId, id), { contentType: "json" });
            }
            const current = await outbox(owner.organizationId, ids);
            taken = current.filter((p) => !["pending", "held"].includes(p.publishStatus)).length;
            waiting = current.filter((p) => p.publishStatus === "pending").length;
            const open = current.filter((p) => !["published", "failed", "held"].includes(p.publishStatus));
            if (moving || open.length > 0) {
              throw new Error(
                `${where}: ${open.length} posts not settled (${moving ? "still moving" : "moves done"})`,
              );
            }
            return current;
          },
          { timeout: 120_000 + POSTS * 400, interval: 100 },
        );
      const [, settled] = await Promise.all([mover(), cron()]);

      const attempts = await attemptRows(owner.organizationId, ids);
      const onPlatform = new Map<string, Array<{ id: string; text: string }>>();
      for (const target of targets) {
        onPlatform.set(
          target.key,
          target.platform === "bluesky"
            ? (await postRecords(target.key)).map((r) => ({ id: r.uri, text: String(r.value.text) }))
            : (await fakePosts(target.platform as Exclude<Platform, "bluesky">, target.key)).map((p) => ({
                id: p.id,
                text: p.text,
              })),
        );
      }
      let published = 0;
      let failed = 0;
      let held = 0;
      let movedPosts = 0;
      for (const item of items) {
        const row = settled.find((r) => r.id === item.postId)!;
        const copies = onPlatform.get(item.target.key)!.filter((p) => p.text === item.caption);
        const history = moved.get(item.contentId) ?? [];
        const last = history.at(-1);
        const final = last?.to ?? item.session.startsAt;
        if (history.length > 0) movedPosts++;
        const label = `${where}: post ${item.postId} to ${item.target.platform} (${row.publishStatus}, final time ${final.toISOString()}, ${history.length} moves)`;
        if (last?.held) {
          held++;
          expect(row.publishStatus, label).toBe("held");
          expect(copies, label).toHaveLength(0);
          continue;
        }
        if (row.publishStatus === "published") {
          published++;
          expect(copies, label).toHaveLength(1);
          expect(row.platformPostId, label).toBe(copies[0]!.id);
          // Never before the time its last move gave it.
          const firstAttempt = attempts.find(
            (a) => a.publishedPostId === item.postId && a.attemptNumber === 1,
          );
          expect(firstAttempt, label).toBeDefined();
          expect(firstAttempt!.startedAt.getTime(), label).toBeGreaterThanOrEqual(
            final.getTime() - CLOCK_SLACK_MS,
          );
        } else {
          failed++;
          expect(row.publishStatus, label).toBe("failed");
          expect(copies, label).toHaveLength(0);
          expect(row.lastError, label).toMatch(/\S/);
        }
      }
      const ours = new Set(
        settled.filter((r) => r.publishStatus === "published").map((r) => r.platformPostId),
      );
      for (const [key, stored] of onPlatform) {
        for (const post of stored.filter((p) => p.text.includes(`run ${SEED} `)))
          expect(ours.has(post.id), `${where}: stray post ${post.id} on ${key}`).toBe(true);
      }
      // The run exercised what it claims to (moves that moved posts), and with no faults injected
      // every post not held went out.
      expect(movesMade, where).toBe(MOVE_ROUNDS * SESSIONS);
      expect(movedPosts, where).toBeGreaterThan(0);
      expect(failed, where).toBe(0);
      expect(published, where).toBeGreaterThan(0);
      expect(published + held, where).toBe(POSTS);
      console.info(
        `moves-while-publishing ${where}: ${published}/${POSTS} published, ${held} held, ${failed} failed, ${movedPosts} moved at least once, ${movesMade} moves over ${cronRuns} cron runs, ${inFlight} posts found in flight by a move`,
      );
    },
    240_000 + POSTS * 600,
  );
});

async function outbox(organizationId: string, ids: string[]) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.select().from(publishedPosts).where(inArray(publishedPosts.id, ids)),
  }));
  return rows;
}

async function attemptRows(organizationId: string, ids: string[]) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.select().from(publishAttempts).where(inArray(publishAttempts.publishedPostId, ids)),
  }));
  return rows;
}
