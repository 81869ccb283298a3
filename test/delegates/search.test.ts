import { describe, expect, it } from "vitest";
import { createDelegate } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, type TestUser } from "../support/tenants.ts";

interface DelegateBody {
  id: string;
  first_name: string;
  last_name: string | null;
  delegate_type: string;
  vip_tier: number;
  country: string | null;
  auto_tag: boolean;
}

interface Page {
  data: DelegateBody[];
  next_cursor: string | null;
}

async function list(user: TestUser, eventId: string, query: string): Promise<Page> {
  const response = await call(`/v1/events/${eventId}/delegates?${query}`, { headers: user.headers });
  expect(response.status, query).toBe(200);
  return (await response.json()) as Page;
}

/** Every page of a list, following next_cursor; each page costs one round trip. */
async function walk(
  user: TestUser,
  eventId: string,
  query: string,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const path: string = `/v1/events/${eventId}/delegates?${query}${cursor ? `&cursor=${cursor}` : ""}`;
    const { response, roundTrips } = await measure(path, { headers: user.headers });
    expect(roundTrips).toBe(1);
    const page = (await response.json()) as Page;
    ids.push(...page.data.map((d) => d.id));
    cursor = page.next_cursor;
    pages++;
  } while (cursor);
  return { ids, pages };
}

describe("searching delegates", () => {
  it('"energy minister" ranks the Minister of Energy first, and finds only people matching both words', async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const org = owner.organizationId;
    const amina = await createDelegate(org, event.id, {
      firstName: "Amina",
      lastName: "Odhiambo",
      designation: "Minister of Energy",
      organization: "Ministry of Energy",
    });
    const kwame = await createDelegate(org, event.id, {
      firstName: "Kwame",
      lastName: "Mensah",
      designation: "Special Adviser to the Minister",
      organization: "Energy Regulatory Commission",
    });
    await createDelegate(org, event.id, {
      firstName: "Lena",
      lastName: "Fischer",
      designation: "Energy Economist",
      organization: "Nordwind",
    });
    await createDelegate(org, event.id, {
      firstName: "Rahul",
      lastName: "Iyer",
      designation: "Founder",
      organization: "SolarGrid Labs",
    });
    const otherEvent = await createEvent(org);
    await createDelegate(org, otherEvent.id, {
      firstName: "Zed",
      designation: "Minister of Energy",
      organization: "Ministry of Energy",
    });

    const { response, roundTrips } = await measure(`/v1/events/${event.id}/delegates?q=energy%20minister`, {
      headers: owner.headers,
    });
    expect(roundTrips).toBe(1);
    const page = (await response.json()) as Page;
    expect(page.data.map((d) => d.id)).toEqual([amina.id, kwame.id]);

    const byName = await list(owner, event.id, "q=fischer");
    expect(byName.data.map((d) => d.first_name)).toEqual(["Lena"]);
    const either = await list(owner, event.id, `q=${encodeURIComponent("solargrid or nordwind")}`);
    expect(either.data.map((d) => d.first_name).sort()).toEqual(["Lena", "Rahul"]);
    const without = await list(owner, event.id, `q=${encodeURIComponent("energy -minister")}`);
    expect(without.data.map((d) => d.first_name)).toEqual(["Lena"]);
    expect((await list(owner, event.id, "q=nobody")).data).toEqual([]);
  });

  it("pages search results by relevance without gaps or repeats", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const created = await Promise.all(
      Array.from({ length: 23 }, (_, i) =>
        createDelegate(owner.organizationId, event.id, {
          firstName: `Person${i}`,
          // Rank by how often "solar" appears; several share a rank, so the id tiebreaker is exercised.
          designation: Array.from({ length: 1 + (i % 4) }, () => "solar").join(" "),
          organization: `Org ${i}`,
        }),
      ),
    );
    await createDelegate(owner.organizationId, event.id, { firstName: "Unrelated", designation: "Wind" });
    const { ids, pages } = await walk(owner, event.id, "q=solar&limit=5");
    expect(pages).toBe(5);
    expect(ids).toHaveLength(23);
    expect(new Set(ids)).toEqual(new Set(created.map((d) => d.id)));
    const solarCount = new Map(created.map((d) => [d.id, d.designation?.split(" ").length ?? 0]));
    const counts = ids.map((id) => solarCount.get(id) ?? 0);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("a search sorted by a field pages by that field instead", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    for (const name of ["Cleo", "Abel", "Bea"]) {
      await createDelegate(owner.organizationId, event.id, {
        firstName: name,
        designation: "Solar engineer",
      });
    }
    const page = await list(owner, event.id, "q=solar&sort=first_name&limit=2");
    expect(page.data.map((d) => d.first_name)).toEqual(["Abel", "Bea"]);
    const next = await list(owner, event.id, `q=solar&sort=first_name&limit=2&cursor=${page.next_cursor}`);
    expect(next.data.map((d) => d.first_name)).toEqual(["Cleo"]);
    expect(next.next_cursor).toBeNull();
  });

  it("refuses a cursor of another ordering, or a forged one", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    for (let i = 0; i < 3; i++)
      await createDelegate(owner.organizationId, event.id, { designation: "Solar" });
    const byRank = await list(owner, event.id, "q=solar&limit=1");
    await expectProblem(
      await call(`/v1/events/${event.id}/delegates?limit=1&cursor=${byRank.next_cursor}`, {
        headers: owner.headers,
      }),
      400,
      "invalid_cursor",
    );
    await expectProblem(
      await call(`/v1/events/${event.id}/delegates?q=solar&cursor=bm9wZQ`, { headers: owner.headers }),
      400,
      "invalid_cursor",
    );
  });
});

describe("filtering delegates", () => {
  it("by type, minimum VIP tier, country and auto-tag, combined with search", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const org = owner.organizationId;
    await createDelegate(org, event.id, {
      firstName: "Amina",
      delegateType: "minister",
      vipTier: 1,
      country: "KE",
      autoTag: true,
      designation: "Energy",
    });
    await createDelegate(org, event.id, {
      firstName: "Kwame",
      delegateType: "speaker",
      vipTier: 2,
      country: "GH",
      autoTag: true,
    });
    await createDelegate(org, event.id, {
      firstName: "Lena",
      delegateType: "delegate",
      vipTier: 0,
      country: "DE",
      autoTag: false,
      designation: "Energy",
    });
    await createDelegate(org, event.id, {
      firstName: "Musa",
      delegateType: "minister",
      vipTier: 3,
      country: "KE",
      autoTag: false,
    });
    const names = async (query: string) =>
      (await list(owner, event.id, query)).data.map((d) => d.first_name).sort();
    expect(await names("delegate_type=minister")).toEqual(["Amina", "Musa"]);
    expect(await names("vip_tier_min=2")).toEqual(["Kwame", "Musa"]);
    expect(await names("country=KE")).toEqual(["Amina", "Musa"]);
    expect(await names("country=ke")).toEqual(["Amina", "Musa"]);
    expect(await names("auto_tag=true")).toEqual(["Amina", "Kwame"]);
    expect(await names("auto_tag=false&country=KE")).toEqual(["Musa"]);
    expect(await names("q=energy&delegate_type=minister")).toEqual(["Amina"]);
    expect(await names("")).toEqual(["Amina", "Kwame", "Lena", "Musa"]);
    await expectProblem(
      await call(`/v1/events/${event.id}/delegates?country=XX`, { headers: owner.headers }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await call(`/v1/events/${event.id}/delegates?vip_tier_min=6`, { headers: owner.headers }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await call(`/v1/events/${event.id}/delegates?delegate_type=king`, { headers: owner.headers }),
      400,
      "validation_failed",
    );
  });

  it("lists newest first by default, and walks a long list page by page", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const created = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        createDelegate(owner.organizationId, event.id, { firstName: `P${i}` }),
      ),
    );
    const { ids, pages } = await walk(owner, event.id, "limit=10");
    expect(pages).toBe(3);
    expect(new Set(ids)).toEqual(new Set(created.map((d) => d.id)));
    const byName = await walk(owner, event.id, "limit=10&sort=-first_name");
    const names = byName.ids.map((id) => created.find((d) => d.id === id)?.firstName ?? "");
    expect(names).toEqual([...names].sort().reverse());
  });
});
