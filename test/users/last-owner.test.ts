import { describe, expect, it } from "vitest";
import { auditRows } from "../support/audit.ts";
import { call, expectProblem } from "../support/http.ts";
import { createTenant, createUser } from "../support/tenants.ts";

const patch = (id: string, body: unknown, headers: Record<string, string>) =>
  call(`/v1/users/${id}`, {
    method: "PATCH",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("the organisation keeps an active owner under concurrency", () => {
  it("two owners demoting each other at once: exactly one succeeds, the other is refused", async () => {
    for (let round = 0; round < 5; round++) {
      const { organization, owner: first } = await createTenant();
      const second = await createUser(organization.id, { role: "owner" });

      const responses = await Promise.all([
        patch(second.id, { role: "admin" }, first.headers),
        patch(first.id, { role: "admin" }, second.headers),
      ]);
      const winner = responses[0]!.status === 200 ? first : second;
      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
      // The loser is refused either way: by the last-owner rule (409) when its write raced the
      // winner's, or as a demoted user (401 token_revoked) once the winner's change was committed.
      const refused = responses.find((r) => r.status !== 200)!;
      const { code } = (await refused.clone().json()) as { code: string };
      if (refused.status === 409) expect(code).toBe("last_owner");
      else await expectProblem(refused, 401, "token_revoked");

      const owners = await call("/v1/users?role=owner&is_active=true", { headers: winner.headers });
      expect(((await owners.json()) as { data: Array<{ id: string }> }).data.map((u) => u.id)).toEqual([
        winner.id,
      ]);
      const updates = (await auditRows(organization.id)).filter((r) => r.action === "user.update");
      expect(updates).toHaveLength(1);
    }
  });

  it("two owners deactivating themselves at once: exactly one succeeds", async () => {
    for (let round = 0; round < 5; round++) {
      const { organization, owner: first } = await createTenant();
      const second = await createUser(organization.id, { role: "owner" });
      const responses = await Promise.all([
        call(`/v1/users/${first.id}`, { method: "DELETE", headers: first.headers }),
        call(`/v1/users/${second.id}`, { method: "DELETE", headers: second.headers }),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([204, 409]);
      expect((await auditRows(organization.id)).filter((r) => r.action === "user.deactivate")).toHaveLength(
        1,
      );
    }
  });
});
