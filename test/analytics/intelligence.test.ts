/**
 * Event intelligence over what really arrived (stored and judged through the store's path): the
 * sentiment timeline and totals, each official hashtag's health (small accounts, floods), and the
 * delegates talked about most — in one round trip.
 */
import { describe, expect, it } from "vitest";
import { storeObservations } from "../../src/services/inbound/ingest-delivery.ts";
import { systemContext } from "../support/content.ts";
import { createDelegate } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { observation } from "../support/inbound.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant } from "../support/tenants.ts";

type Observation = ReturnType<typeof observation>;

const said = (text: string, author: string, followers: number, hashtags: string[]): Observation =>
  observation({
    content: {
      text,
      hashtags,
      author: {
        platformId: author,
        handle: author,
        name: author,
        avatarUrl: null,
        followers,
        accountCreatedAt: null,
      },
    },
  });

interface Intelligence {
  totals: Record<string, number | null>;
  timeline: Array<Record<string, number | string | null>>;
  hashtags: Array<{
    hashtag: string;
    items: number;
    authors: number;
    new_or_small_share: number | null;
    flooded_items: number;
    floods: Array<{ text: string; accounts: number }>;
    hijacked: boolean;
  }>;
  delegates: Array<{ delegate_id: string; name: string; mentions: number; mean_score: number | null }>;
}

describe("event intelligence", () => {
  it("answers the timeline, hashtag health and the delegates talked about, in one round trip", async () => {
    const { owner } = await createTenant();
    const org = owner.organizationId;
    const event = await createEvent(org, {
      startDate: new Date(Date.now() - 86_400_000),
      endDate: new Date(Date.now() + 86_400_000),
      officialHashtags: ["#AES2027"],
    });
    const amina = await createDelegate(org, event.id, { firstName: "Amina", lastName: "Odhiambo" });
    const arrivals = [
      ...[1, 2, 3, 4].map((n) =>
        said(`Amina Odhiambo was brilliant and inspiring on the main stage today (${n})`, `fan${n}`, 900, [
          "AES2027",
        ]),
      ),
      // The same text from three small accounts: a flood.
      ...[1, 2, 3].map((n) => said("Register now for free tickets at the summit", `bot${n}`, 3, ["aes2027"])),
    ];
    await storeObservations(
      systemContext(org),
      arrivals.map((o) => ({ observation: o, socialAccountId: null, eventId: event.id })),
      new Date(),
    );
    const { response, roundTrips } = await measure(`/v1/events/${event.id}/intelligence?bucket=day`, {
      headers: owner.headers,
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    const body = (await response.json()) as Intelligence;
    expect(body.totals).toMatchObject({ items: 7, positive: 4 });
    expect(body.timeline).toHaveLength(1);
    expect(body.timeline[0]).toMatchObject({ positive: 4 });
    expect(body.hashtags).toEqual([
      expect.objectContaining({
        hashtag: "#AES2027",
        items: 7,
        authors: 7,
        new_or_small_share: 0.4286,
        flooded_items: 3,
        floods: [{ text: "register now for free tickets at the summit", accounts: 3 }],
        hijacked: false,
      }),
    ]);
    expect(body.delegates).toEqual([
      expect.objectContaining({ delegate_id: amina.id, name: "Amina Odhiambo", mentions: 4 }),
    ]);
    expect(body.delegates[0]?.mean_score).toBeGreaterThan(0);
  });
});
