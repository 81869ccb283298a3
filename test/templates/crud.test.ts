import { describe, expect, it } from "vitest";
import { auditRows } from "../support/audit.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTemplate, type TemplateBody } from "../support/templates.ts";
import { createTenant, type TestUser } from "../support/tenants.ts";

type Page = { data: TemplateBody[]; next_cursor: string | null };

const templateInput = (overrides: Record<string, unknown> = {}) => ({
  name: "Speaker spotlight",
  content_type: "post",
  template_data: {
    title: "Meet {{delegate.full_name}}",
    caption: "{{delegate.full_name}} speaks at {{event.name}} on {{event.start_date}}.",
    hashtags: ["{{event.hashtags}}", "Speakers"],
    target_platforms: ["x", "linkedin"],
  },
  ...overrides,
});

const create = (user: TestUser, overrides: Record<string, unknown> = {}) =>
  postJson("/v1/templates", templateInput(overrides), { headers: user.headers });

const patch = (user: TestUser, id: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/v1/templates/${id}`, {
    method: "PATCH",
    headers: { ...user.headers, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

const list = async (user: TestUser, query = ""): Promise<Page> =>
  (await (await call(`/v1/templates${query}`, { headers: user.headers })).json()) as Page;

describe("creating templates", () => {
  it("answers 201 with Location and ETag, usage_count 0, audited, in one round trip", async () => {
    const { owner } = await createTenant();
    const { response, roundTrips } = await measure("/v1/templates", {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify(templateInput()),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(1);
    const body = (await response.json()) as TemplateBody;
    expect(response.headers.get("location")).toBe(`/v1/templates/${body.id}`);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    expect(body).toMatchObject({
      name: "Speaker spotlight",
      content_type: "post",
      template_data: templateInput().template_data,
      usage_count: 0,
      thumbnail_url: null,
      created_by: owner.id,
    });
    const audit = await auditRows(owner.organizationId, body.id);
    expect(audit.map((a) => a.action)).toEqual(["template.create"]);
  });

  it("an unknown placeholder anywhere is 400 unknown_placeholder listing each once, and nothing is written", async () => {
    const { owner } = await createTenant();
    const problem = (await expectProblem(
      await create(owner, {
        template_data: {
          title: "{{event.venue}}",
          caption: "Hello {{ delegate.nickname }} at {{event.name}} and {{event.venue}}",
          hashtags: ["{{event.handle.myspace}}"],
        },
      }),
      400,
      "unknown_placeholder",
    )) as unknown as { placeholders: string[] };
    expect(problem.placeholders).toEqual(["event.venue", "delegate.nickname", "event.handle.myspace"]);
    expect((await list(owner)).data).toEqual([]);
  });

  it("template_data is declared: unknown keys, a missing caption, an unknown platform or type are 400", async () => {
    const { owner } = await createTenant();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ template_data: { caption: "x", media: [] } }, "json.template_data.media"],
      [{ template_data: { title: "x" } }, "json.template_data.caption"],
      [
        { template_data: { caption: "x", target_platforms: ["myspace"] } },
        "json.template_data.target_platforms.0",
      ],
      [{ content_type: "tweetstorm" }, "json.content_type"],
      [{ thumbnail_url: "http://insecure.example/a.png" }, "json.thumbnail_url"],
    ];
    for (const [overrides, path] of cases) {
      const problem = await expectProblem(await create(owner, overrides), 400, "validation_failed");
      expect(
        problem.errors?.map((e) => e.path),
        path,
      ).toContain(path);
    }
  });

  it("a viewer can read templates but not write them", async () => {
    const { owner, viewer } = await createTenant(["owner", "viewer"]);
    const template = await createTemplate(owner.organizationId);
    expect((await call(`/v1/templates/${template.id}`, { headers: viewer.headers })).status).toBe(200);
    await expectProblem(await create(viewer), 403, "missing_permission");
  });
});

describe("reading, listing, updating", () => {
  it("GET answers the template with its ETag in one round trip; another tenant's id is 404", async () => {
    const { owner } = await createTenant();
    const template = await createTemplate(owner.organizationId);
    const { response, roundTrips } = await measure(`/v1/templates/${template.id}`, {
      headers: owner.headers,
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    expect(((await response.json()) as TemplateBody).template_data).toEqual({
      caption: "See you at {{event.name}}!",
    });
    const other = await createTenant();
    await expectProblem(
      await call(`/v1/templates/${template.id}`, { headers: other.owner.headers }),
      404,
      "template_not_found",
    );
  });

  it("lists by content_type and name prefix (any case, wildcards literal), one round trip a page", async () => {
    const { owner } = await createTenant();
    const spotlight = await createTemplate(owner.organizationId, { name: "Speaker spotlight" });
    const story = await createTemplate(owner.organizationId, { name: "Speaker story", contentType: "story" });
    await createTemplate(owner.organizationId, { name: "Countdown" });
    await createTemplate(owner.organizationId, { name: "Speaker gone", deleted: true });
    await createTemplate(owner.organizationId, { name: "Spe%" });
    const names = async (query: string) => (await list(owner, query)).data.map((t) => t.name).sort();
    expect(await names("?q=speaker")).toEqual(["Speaker spotlight", "Speaker story"]);
    expect(await names("?q=spe%25")).toEqual(["Spe%"]);
    expect(await names("?content_type=story")).toEqual([story.name]);
    expect(await names("?q=Speaker&content_type=post")).toEqual([spotlight.name]);
    const { response, roundTrips } = await measure("/v1/templates?limit=2&sort=name", {
      headers: owner.headers,
    });
    expect(roundTrips).toBe(1);
    const first = (await response.json()) as Page;
    expect(first.data.map((t) => t.name)).toEqual(["Countdown", "Spe%"]);
    const second = await list(owner, `?limit=2&sort=name&cursor=${first.next_cursor}`);
    expect(second.data.map((t) => t.name)).toEqual(["Speaker spotlight", "Speaker story"]);
    expect(second.next_cursor).toBeNull();
    const other = await createTenant();
    expect((await list(other.owner)).data).toEqual([]);
  });

  it("PATCH replaces template_data, audits the diff, in two round trips; a stale If-Match is 412", async () => {
    const { owner } = await createTenant();
    const template = await createTemplate(owner.organizationId);
    const read = await call(`/v1/templates/${template.id}`, { headers: owner.headers });
    const etag = read.headers.get("etag")!;
    const { response, roundTrips } = await measure(`/v1/templates/${template.id}`, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json", "if-match": etag },
      body: JSON.stringify({ name: "Renamed", template_data: { caption: "Day one at {{event.name}}" } }),
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(2);
    expect(await response.json()).toMatchObject({
      name: "Renamed",
      template_data: { caption: "Day one at {{event.name}}" },
    });
    const audit = await auditRows(owner.organizationId, template.id);
    expect(audit.map((a) => a.action)).toEqual(["template.update"]);
    expect(audit[0]?.changes).toMatchObject({
      name: { from: template.name, to: "Renamed" },
      template_data: { to: { caption: "[withheld]" } },
    });
    await expectProblem(
      await patch(owner, template.id, { name: "Again" }, { "if-match": etag }),
      412,
      "precondition_failed",
    );
  });

  it("an unknown placeholder on update is 400 unknown_placeholder and changes nothing", async () => {
    const { owner } = await createTenant();
    const template = await createTemplate(owner.organizationId);
    const problem = (await expectProblem(
      await patch(owner, template.id, { template_data: { caption: "{{event.location}}" } }),
      400,
      "unknown_placeholder",
    )) as unknown as { placeholders: string[] };
    expect(problem.placeholders).toEqual(["event.location"]);
    const body = (await (
      await call(`/v1/templates/${template.id}`, { headers: owner.headers })
    ).json()) as TemplateBody;
    expect(body.template_data.caption).toBe("See you at {{event.name}}!");
  });

  it("DELETE hides it (restorable), audited; another tenant's id is 404", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const template = await createTemplate(owner.organizationId);
    const mine = { headers: owner.headers };
    await expectProblem(
      await call(`/v1/templates/${template.id}`, { method: "DELETE", headers: other.owner.headers }),
      404,
      "template_not_found",
    );
    expect((await call(`/v1/templates/${template.id}`, { method: "DELETE", ...mine })).status).toBe(204);
    await expectProblem(await call(`/v1/templates/${template.id}`, mine), 404, "template_not_found");
    expect((await list(owner)).data).toEqual([]);
    const restored = await call(`/v1/templates/${template.id}/restore`, { method: "POST", ...mine });
    expect(restored.status).toBe(200);
    expect((await list(owner)).data.map((t) => t.id)).toEqual([template.id]);
    const audit = await auditRows(owner.organizationId, template.id);
    expect(audit.map((a) => a.action)).toEqual(["template.delete", "template.restore"]);
  });
});
