import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { ApprovalRequest } from "../../src/durable-objects/approval-request/object.ts";

describe("ApprovalRequest", () => {
  it("answers 404 for a request Postgres does not have, and stores nothing", async () => {
    const requestId = crypto.randomUUID();
    const stub = env.APPROVAL_REQUEST.get(env.APPROVAL_REQUEST.idFromName(requestId));
    const reply = await stub.inspect({ requestId, organizationId: crypto.randomUUID() });
    expect(reply).toMatchObject({ ok: false, problem: { status: 404, code: "approval_request_not_found" } });
    const stored = await runInDurableObject(stub, async (_instance: ApprovalRequest, state) =>
      state.storage.list(),
    );
    expect(stored.size).toBe(0);
  });
});
