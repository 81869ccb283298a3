/**
 * What the three widgets share: a shadow root with adopted styles, the `event` and `api` attributes,
 * reading and re-reading (with backoff after a failure, saying so on screen rather than going stale
 * in silence) and joining the event's live channel.
 */
import { apiOrigin, EVENT_KEY, ReadError } from "./api.ts";
import base from "./base.css";
import { joinChannel, type LiveListener, type LiveState } from "./channel.ts";
import { h, sheet } from "./dom.ts";
import { CLOCK, dateFormat } from "./format.ts";
import type { LiveMessage } from "./types.ts";

export interface Context {
  api: string;
  /** `<api>/public/v1/events/<key>` */
  base: string;
  key: string;
  lang: string;
}

const RETRY_MIN_MS = 5_000;
const RETRY_MAX_MS = 60_000;
let baseSheet: CSSStyleSheet | undefined;

export abstract class GudduElement extends HTMLElement implements LiveListener {
  static observedAttributes = ["event", "api", "heading", "limit"];

  protected readonly root = this.attachShadow({ mode: "open" });
  protected readonly heading = h("h2", { id: "heading", part: "heading" });
  protected readonly controls = h("div", { class: "controls" });
  protected readonly body = h("div", { class: "body", "aria-busy": "true" }, "Loading…");
  protected readonly note = h("p", { class: "note", part: "status" });
  protected ctx: Context | null = null;
  protected updatedAt: Date | null = null;
  /** The live channel's state, and how long until its next poll or retry. */
  protected liveNow: LiveState = "connecting";
  protected liveEvery = 0;
  private failure: string | null = null;
  private retryDelay = RETRY_MIN_MS;
  private retryTimer = 0;
  private leave: (() => void) | null = null;
  private generation = 0;
  private restarting = false;
  private reading = false;
  private readAgain = false;

  protected abstract readonly defaultHeading: string;
  /** Reads what the widget shows; returns the function that renders it (skipped if the widget restarted meanwhile). */
  protected abstract read(ctx: Context): Promise<() => void>;

  constructor(css: string) {
    super();
    baseSheet ??= sheet(base);
    this.root.adoptedStyleSheets = [baseSheet, sheet(css)];
    this.root.append(
      h(
        "section",
        { "aria-labelledby": "heading", part: "widget" },
        h("header", {}, this.heading, this.controls),
        this.body,
        this.note,
      ),
    );
  }

  connectedCallback(): void {
    this.restart();
  }

  disconnectedCallback(): void {
    this.restart();
  }

  attributeChangedCallback(): void {
    this.restart();
  }

  /** Agenda and speakers read again on any news; the wall overrides this. */
  live(message: LiveMessage): void {
    if (message.type === "hello" || message.type === "refresh") void this.reload();
  }

  liveState(state: LiveState, every: number): void {
    this.liveNow = state;
    this.liveEvery = every;
    this.showNote();
  }

  /** Once per task, however many attributes changed: the parser sets them before connecting. */
  private restart(): void {
    if (this.restarting) return;
    this.restarting = true;
    queueMicrotask(() => {
      this.restarting = false;
      this.generation++;
      this.leave?.();
      this.leave = null;
      clearTimeout(this.retryTimer);
      this.stopped();
      if (this.isConnected) this.start();
    });
  }

  /** A widget's own timers end here. */
  protected stopped(): void {}

  private start(): void {
    this.heading.textContent = this.getAttribute("heading") || this.defaultHeading;
    const key = this.getAttribute("event") ?? "";
    if (!EVENT_KEY.test(key)) {
      this.body.textContent = "This widget needs the event's public key in its event attribute.";
      return;
    }
    const api = apiOrigin(this.getAttribute("api"));
    const lang = this.closest("[lang]")?.getAttribute("lang") || navigator.language;
    this.ctx = { api, key, lang, base: `${api}/public/v1/events/${key}` };
    void this.reload();
    this.leave = joinChannel(api, key, this);
  }

  /** Reads and renders; one read at a time, and one more if news came in meanwhile. */
  protected async reload(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    const generation = this.generation;
    try {
      const ctx = this.ctx;
      if (!ctx) return;
      const render = await this.read(ctx);
      if (generation !== this.generation) return;
      render();
      this.body.removeAttribute("aria-busy");
      this.updatedAt = new Date();
      this.failure = null;
      this.retryDelay = RETRY_MIN_MS;
    } catch (error) {
      if (generation === this.generation) this.failed(error);
    } finally {
      this.reading = false;
      if (this.readAgain) {
        this.readAgain = false;
        void this.reload();
      }
    }
    this.showNote();
  }

  private failed(error: unknown): void {
    if (error instanceof ReadError && error.status === 404) {
      // No such key, or the organisers switched the widgets off: nothing to retry.
      this.leave?.();
      this.leave = null;
      this.body.removeAttribute("aria-busy");
      this.body.textContent = "This event's widgets are not available.";
      return;
    }
    const retryAfter = error instanceof ReadError && error.retryAfter ? error.retryAfter * 1000 : 0;
    const wait = Math.max(this.retryDelay, retryAfter);
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
    clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => void this.reload(), wait);
    const since = this.updatedAt ? ` Showing what was read at ${this.clock(this.updatedAt)}.` : "";
    this.failure = `Could not load the latest updates.${since} Trying again in ${wait / 1000} s.`;
  }

  /** The widget's live status; the wall says more than this. */
  protected status(): string {
    return "";
  }

  private showNote(): void {
    const status = this.status();
    this.note.textContent = this.failure ?? status;
    this.note.className = `note ${this.failure ? "offline" : status ? this.liveNow : ""}`;
  }

  protected clock(at: Date): string {
    return dateFormat(this.ctx?.lang ?? "", Intl.DateTimeFormat().resolvedOptions().timeZone, CLOCK).format(
      at,
    );
  }
}

/** Defines an element once, even if a page loads the script twice. */
export function define(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
