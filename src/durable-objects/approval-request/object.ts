import { DurableObject } from "cloudflare:workers";
import { type Bindings, loadConfig } from "../../env.ts";
import { AppError, ServiceUnavailableError } from "../../errors.ts";
import { createLogger } from "../../platform/logger.ts";
import { dueTimer, nextDeadline } from "../../services/approvals/deadlines.ts";
import { act } from "../../services/approvals/machine.ts";
import {
  type ActInput,
  type ActionRecord,
  type ApprovalActor,
  type ApprovalWrite,
  type LinkGrant,
  type RequestState,
  type RequestView,
  type Transition,
  viewOf,
} from "../../services/approvals/request-state.ts";
import { approvalRequestNotFound, loadRequestState } from "../../services/approvals/requests.ts";
import { publishTimeOf, retimed, retimedWrite } from "../../services/approvals/retime.ts";
import { assertLinkUsable, assertMayInvite } from "../../services/approvals/who-may-act.ts";
import { MAX_WRITES_PER_BATCH, writeThrough } from "../../services/approvals/write-through.ts";
import { systemContext } from "../../services/context.ts";

/** Which request a caller means, and for which organisation (another tenant's id is a 404). */
export interface Address {
  requestId: string;
  organizationId: string;
}

/** A refusal, as plain data: errors lose their class and fields crossing an RPC boundary. */
export interface ProblemReply {
  status: number;
  code: string;
  detail: string;
  extras: Record<string, unknown>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; problem: ProblemReply };

export interface ActOutcome {
  action: ActionRecord;
  request: RequestView;
  /** False when Postgres did not take the write yet: it is kept and retried from the alarm. */
  written: boolean;
}

/** What the object stores, under one key, so every change is one atomic put. */
interface Stored {
  request: RequestState;
  /** Writes not yet in Postgres, oldest first. */
  outbox: ApprovalWrite[];
  retry: { attempts: number; at: number } | null;
}

const KEY = "state";
const SYSTEM = { type: "system", name: "approval-request" } as const;
/** First retry of a failed write-through after 2 s, doubling, at most every 10 minutes. */
const retryDelay = (attempts: number) => Math.min(1000 * 2 ** attempts, 600_000);

/**
 * One instance per approval request (named by its id): the request's state machine
 * (services/approvals/machine.ts, its clock deadlines.ts) applied one action at a time. Each change
 * is decided on the in-memory state without awaiting anything, stored, and then written through to
 * Postgres in one batch; a write Postgres refuses stays in the outbox and is retried from the alarm (with backoff)
 * until it lands, in order. The one alarm also drives the step's reminder, escalation and the
 * request's expiry: it is always set to the earliest of them.
 */
export class ApprovalRequest extends DurableObject<Bindings> {
  private stored: Stored | undefined;
  /** The write-throughs, one after the other (actions must land in the order they happened). */
  private flushing: Promise<void> = Promise.resolve();

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      this.stored = await ctx.storage.get<Stored>(KEY);
    });
  }

  /** Starts the object with the state the submission wrote. A started object keeps its state. */
  async start(state: RequestState): Promise<Reply<RequestView>> {
    if (!this.stored) {
      this.stored = { request: state, outbox: [], retry: null };
      await this.save();
    }
    return this.reply({ requestId: state.requestId, organizationId: state.organizationId }, async (s) =>
      viewOf(s.request),
    );
  }

  /** The request as the object holds it. */
  async inspect(address: Address): Promise<Reply<RequestView & { pendingWrites: number }>> {
    return this.reply(address, async (s) => ({ ...viewOf(s.request), pendingWrites: s.outbox.length }));
  }

  /** Applies an action (approve, reject, request changes, comment, cancel; or a link's decision). */
  async act(address: Address, input: ActInput): Promise<Reply<ActOutcome>> {
    return this.reply(address, async () => {
      // What the clock made due first: an alarm may lag, and nobody acts on an expired request.
      const now = new Date();
      this.applyTimers(now);
      let transition: Transition | undefined;
      let refusal: unknown;
      try {
        transition = act(this.current().request, input, now, crypto.randomUUID());
        this.commit(transition);
      } catch (error) {
        refusal = error;
      }
      await this.save();
      await this.drain();
      if (!transition) throw refusal;
      const { actionId } = transition.write;
      return {
        action: transition.state.actions.at(-1) as ActionRecord,
        // The request as this action left it (others may have moved it on since).
        request: viewOf(transition.state),
        written: !this.current().outbox.some((w) => w.actionId === actionId),
      };
    });
  }

  /** Whether an approval link can still be used (its request pending, on its step, not used). */
  async checkLink(address: Address, link: LinkGrant): Promise<Reply<RequestView>> {
    return this.reply(address, async (s) => {
      assertLinkUsable(s.request, link);
      return viewOf(s.request);
    });
  }

  /** Whether this user may send an approval link now; answers the step the link is for. */
  async authorizeLink(
    address: Address,
    actor: Extract<ApprovalActor, { type: "user" }>,
  ): Promise<Reply<RequestView>> {
    return this.reply(address, async (s) => {
      assertMayInvite(s.request, actor);
      return viewOf(s.request);
    });
  }

  /**
   * The content's publish time moved (its session moved): the request re-reads it from Postgres, where
   * the move wrote it, so the expiry and a deadline counted back from it follow, in whatever order
   * two moves' calls arrive. Whatever is now due (expiry of a time already passed) happens at once.
   */
  async retime(address: Address): Promise<Reply<RequestView>> {
    return this.reply(address, async (stored) => {
      const context = this.context(address.organizationId);
      const publishAt = await publishTimeOf(context, stored.request.contentId);
      const now = new Date();
      const current = this.current();
      const request = retimed(current.request, publishAt, now);
      this.stored = {
        ...current,
        request,
        outbox: current.outbox.map((write) => retimedWrite(write, request)),
      };
      this.applyTimers(now);
      await this.save();
      await this.drain();
      return viewOf(this.current().request);
    });
  }

  override async alarm(): Promise<void> {
    if (!this.stored) return;
    this.applyTimers();
    await this.save();
    await this.drain();
  }

  private current(): Stored {
    if (!this.stored) throw new Error("approval request object used before it was loaded");
    return this.stored;
  }

  /** Runs `fn` on the loaded state; a refusal (AppError) is answered as a problem. */
  private async reply<T>(address: Address, fn: (stored: Stored) => Promise<T>): Promise<Reply<T>> {
    try {
      const stored = await this.load(address);
      if (!stored) throw approvalRequestNotFound();
      return { ok: true, value: await fn(stored) };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return {
        ok: false,
        problem: { status: error.status, code: error.code, detail: error.message, extras: error.extras },
      };
    }
  }

  /**
   * The state, for this address only. An object that was never started (its start was lost after the
   * submission committed) rebuilds it from Postgres first, with nothing else running meanwhile.
   */
  private async load(address: Address): Promise<Stored | undefined> {
    if (!this.stored) {
      let failure: unknown;
      await this.ctx.blockConcurrencyWhile(async () => {
        if (this.stored) return;
        try {
          const request = await loadRequestState(this.context(address.organizationId), address.requestId);
          if (request) {
            this.stored = { request, outbox: [], retry: null };
            await this.save();
          }
        } catch (error) {
          failure = error;
        }
      });
      if (failure) {
        this.logger().error("could not load the approval request", { error: String(failure) });
        throw new ServiceUnavailableError("database_unavailable", "The database did not answer.");
      }
    }
    const stored = this.stored;
    if (stored?.request.requestId !== address.requestId) return undefined;
    return stored.request.organizationId === address.organizationId ? stored : undefined;
  }

  /** Records the reminders, escalation and expiry due by `now`, each like an action. */
  private applyTimers(now = new Date()): void {
    for (;;) {
      const transition = dueTimer(this.current().request, now, crypto.randomUUID());
      if (!transition) return;
      this.commit(transition);
    }
  }

  private commit(transition: Transition): void {
    const stored = this.current();
    this.stored = { ...stored, request: transition.state, outbox: [...stored.outbox, transition.write] };
  }

  /** Stores the state and sets the alarm to the earliest thing the object must do next. */
  private async save(): Promise<void> {
    const stored = this.current();
    await this.ctx.storage.put(KEY, stored);
    const deadline = nextDeadline(stored.request)?.getTime();
    const retry = stored.outbox.length > 0 ? (stored.retry?.at ?? Date.now()) : undefined;
    const times = [deadline, retry].filter((t): t is number => t !== undefined);
    if (times.length === 0) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(Math.min(...times));
  }

  /** Writes the outbox through, after any write-through already running. A failed write is kept, not thrown. */
  private drain(): Promise<void> {
    const run = this.flushing.then(() => this.flush());
    this.flushing = run.catch(() => undefined);
    return run;
  }

  private async flush(): Promise<void> {
    while (this.current().outbox.length > 0) {
      const writes = this.current().outbox.slice(0, MAX_WRITES_PER_BATCH);
      try {
        await writeThrough(this.context(this.current().request.organizationId), writes);
      } catch (error) {
        const attempts = (this.current().retry?.attempts ?? 0) + 1;
        this.stored = { ...this.current(), retry: { attempts, at: Date.now() + retryDelay(attempts) } };
        this.logger().warn("approval write-through failed; retrying from the alarm", {
          attempts,
          pending_writes: this.current().outbox.length,
          error: error instanceof Error ? error.message : String(error),
        });
        await this.save();
        return;
      }
      const landed = new Set(writes.map((w) => w.actionId));
      const stored = this.current();
      this.stored = { ...stored, outbox: stored.outbox.filter((w) => !landed.has(w.actionId)), retry: null };
      await this.save();
    }
  }

  /** A service context for the organisation; built per use, so it always reads the current bindings. */
  private context(organizationId: string) {
    return systemContext(loadConfig(this.env), organizationId, SYSTEM.name);
  }

  private logger() {
    return createLogger(loadConfig(this.env).LOG_LEVEL, {
      durable_object: "ApprovalRequest",
      approval_request_id: this.stored?.request.requestId,
    });
  }
}
