import { DurableObject } from "cloudflare:workers";
import type { Bindings } from "../../env.ts";

/**
 * One instance per approval request: the multi-step state machine lives here so that two approvers
 * acting at once are serialised by the object. State is hydrated inside `blockConcurrencyWhile`.
 * The approval workflow itself arrives with the approvals issue; this is the binding and its storage.
 */
export class ApprovalRequest extends DurableObject<Bindings> {
  private requestId: string | undefined;

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      this.requestId = await ctx.storage.get<string>("request_id");
    });
  }

  /**
   * Binds this object to its Postgres approval request once. `attached` is false when it already
   * belongs to another request (a caller addressing the wrong object), and nothing changes.
   */
  async attach(requestId: string): Promise<{ attached: boolean; request_id: string }> {
    if (!this.requestId) {
      this.requestId = requestId;
      await this.ctx.storage.put("request_id", requestId);
    }
    return { attached: this.requestId === requestId, request_id: this.requestId };
  }
}
