/**
 * `<guddu-wall event="…" limit="20">`: the moderated social wall, as a WAI-ARIA feed. New posts come
 * in live and are announced politely; a reader can pause them (WCAG 2.2.2), and hidden posts leave at
 * once even while paused, since moderation wins over a reader's pause.
 */
import { readJson } from "./api.ts";
import { h } from "./dom.ts";
import { type Context, GudduElement } from "./element.ts";
import { dateFormat, POSTED } from "./format.ts";
import type { LiveMessage, PublicEvent, WallItem, WallPage } from "./types.ts";
import css from "./wall.css";
import { handleOf, renderItem } from "./wall-item.ts";

/** Pinned posts first, then newest first: the API's order. */
const before = (a: WallItem, b: WallItem) => (a.pinned !== b.pinned ? a.pinned : a.posted_at > b.posted_at);

export class GudduWall extends GudduElement {
  protected readonly defaultHeading = "Live from the event";
  private items: WallItem[] = [];
  /** Each shown post's node, and the JSON it was rendered from (an edit renders it again). */
  private readonly nodes = new Map<string, { node: HTMLElement; json: string }>();
  private held: WallItem[] = [];
  /** Posts that came in since the last render: they get the entrance animation. */
  private readonly arriving = new Set<string>();
  private cursor: string | null = null;
  private version = -1;
  private posted: Intl.DateTimeFormat | null = null;
  private paused = false;
  private readonly feed = h("div", { role: "feed", class: "feed", "aria-labelledby": "heading" });
  private readonly announcer = h("div", { class: "sr", "aria-live": "polite" });
  private readonly pause = h(
    "button",
    { type: "button", class: "quiet", "aria-pressed": "false" },
    "Pause updates",
  );
  private readonly showHeld = h("button", { type: "button", hidden: true });
  private readonly more = h("button", { type: "button", class: "quiet", hidden: true }, "Load older posts");
  private readonly empty = h("p", { class: "muted", hidden: true }, "No posts yet.");

  constructor() {
    super(css);
    this.controls.append(this.pause);
    this.root.append(this.announcer);
    this.pause.addEventListener("click", () => this.setPaused(!this.paused));
    this.showHeld.addEventListener("click", () => this.flush());
    this.more.addEventListener("click", () => void this.loadOlder());
    this.feed.addEventListener("keydown", (event) => this.pageThrough(event));
  }

  protected override stopped(): void {
    this.items = [];
    this.held = [];
    this.nodes.clear();
    this.feed.replaceChildren();
    this.version = -1;
  }

  private limit(): number {
    const limit = Number(this.getAttribute("limit") ?? 20);
    return Number.isInteger(limit) ? Math.min(Math.max(limit, 1), 50) : 20;
  }

  protected async read(ctx: Context): Promise<() => void> {
    const [about, page] = await Promise.all([
      readJson<PublicEvent>(ctx.base),
      readJson<WallPage>(`${ctx.base}/wall?limit=${this.limit()}`),
    ]);
    return () => {
      if (!this.getAttribute("heading")) {
        const tag = about.event.hashtags[0];
        this.heading.textContent = tag ? `Live from ${tag}` : about.event.name;
      }
      this.posted = dateFormat(ctx.lang, about.event.timezone, POSTED);
      if (!this.body.contains(this.feed))
        this.body.replaceChildren(this.showHeld, this.feed, this.empty, this.more);
      this.merge(page);
    };
  }

  override live(message: LiveMessage): void {
    if (message.type === "item") {
      if (this.upsert(message.item)) this.announce([message.item]);
    } else if (message.type === "remove") {
      this.drop(message.id);
    } else if (message.version !== this.version) {
      // Before the first read has answered there is nothing to catch up on: that read is the latest.
      if (this.version >= 0) void this.reload();
      return;
    }
    // Before the first read, its answer sets the version (an older one must still be rendered).
    if (this.version >= 0) this.version = Math.max(this.version, message.version);
    this.render();
  }

  protected override status(): string {
    const paused = this.paused ? "Paused. " : "";
    const since = this.updatedAt ? `; last updated ${this.clock(this.updatedAt)}` : "";
    const every = this.liveEvery / 1000;
    if (this.liveNow === "live") return this.paused ? "Live updates paused" : "Live";
    if (this.liveNow === "polling") return `${paused}Checking for new posts every ${every} s${since}`;
    if (this.liveNow === "offline") return `${paused}Offline, trying again in ${every} s${since}`;
    return "Connecting…";
  }

  /** A fresh first page replaces the top of the wall; older posts loaded below it stay when they join up. */
  private merge(page: WallPage): void {
    if (page.version < this.version) return;
    const first = this.version < 0;
    this.version = page.version;
    const fresh = new Set(page.data.map((item) => item.id));
    const last = page.data.at(-1);
    const at = last ? this.items.findIndex((item) => item.id === last.id) : -1;
    let items = page.data;
    if (page.next_cursor === null) this.cursor = null;
    else if (at >= 0) items = [...items, ...this.items.slice(at + 1).filter((item) => !fresh.has(item.id))];
    else this.cursor = page.next_cursor;
    if (first) {
      this.items = items;
    } else {
      const shown = new Set(this.items.map((item) => item.id));
      const added = items.filter((item) => !shown.has(item.id));
      // A held post gone from a complete first page was hidden meanwhile.
      this.held = this.held.filter((item) => fresh.has(item.id) || page.next_cursor !== null);
      if (this.paused) {
        const arriving = new Set(added.map((item) => item.id));
        this.items = items.filter((item) => !arriving.has(item.id));
        for (const item of added) this.hold(item);
      } else {
        this.items = items;
        this.announce(added);
      }
    }
    this.render();
  }

  /** Shows a post, in place when it is shown already; true when it is new on screen. */
  private upsert(item: WallItem): boolean {
    const index = this.items.findIndex((shown) => shown.id === item.id);
    if (index >= 0) {
      this.items[index] = item;
      return false;
    }
    if (this.paused) {
      this.hold(item);
      return false;
    }
    const at = this.items.findIndex((shown) => before(item, shown));
    // Older than everything shown while more pages remain: it belongs to a page not loaded yet.
    if (at < 0 && this.cursor) return false;
    this.items.splice(at < 0 ? this.items.length : at, 0, item);
    return true;
  }

  private hold(item: WallItem): void {
    this.held = [...this.held.filter((held) => held.id !== item.id), item];
  }

  private drop(id: string): void {
    this.items = this.items.filter((item) => item.id !== id);
    this.held = this.held.filter((item) => item.id !== id);
  }

  private setPaused(paused: boolean): void {
    this.paused = paused;
    this.pause.setAttribute("aria-pressed", String(paused));
    if (!paused) this.flush();
    this.liveState(this.liveNow, this.liveEvery);
  }

  /** Shows the posts held while paused; a reader who asked with the button goes on at the first of them. */
  private flush(): void {
    const asked = this.root.activeElement === this.showHeld;
    const held = this.held;
    this.held = [];
    const paused = this.paused;
    this.paused = false;
    const shown = held.filter((item) => this.upsert(item));
    this.announce(shown);
    this.paused = paused;
    this.render();
    const first = this.items.find((item) => shown.includes(item));
    if (asked && first) this.nodes.get(first.id)?.node.focus();
  }

  private announce(added: WallItem[]): void {
    const [one] = added;
    if (!one) return;
    const text =
      added.length === 1 && (one.author.name || one.author.handle)
        ? `New post from ${one.author.name || handleOf(one)}`
        : `${added.length} new post${added.length === 1 ? "" : "s"}`;
    this.announcer.replaceChildren(h("p", {}, text));
    for (const item of added) this.arriving.add(item.id);
  }

  /** Puts the nodes in the order of `items`, moving only those out of place so focus stays where it is. */
  private render(): void {
    const posted = this.posted;
    const ctx = this.ctx;
    if (!posted || !ctx) return;
    const listed = new Set(this.items.map((item) => item.id));
    for (const [id, { node }] of this.nodes) {
      if (listed.has(id)) continue;
      this.nodes.delete(id);
      this.leaving(node);
    }
    const setSize = this.cursor ? -1 : this.items.length;
    this.items.forEach((item, index) => {
      const json = JSON.stringify(item);
      let entry = this.nodes.get(item.id);
      if (entry?.json !== json) {
        const node = renderItem(item, ctx.api, posted);
        if (entry) {
          const focused = entry.node.contains(this.root.activeElement);
          entry.node.replaceWith(node);
          if (focused) node.focus();
        } else if (this.arriving.has(item.id)) {
          node.classList.add("new");
        }
        entry = { node, json };
        this.nodes.set(item.id, entry);
      }
      entry.node.setAttribute("aria-posinset", String(index + 1));
      entry.node.setAttribute("aria-setsize", String(setSize));
      const there = this.feed.children[index] ?? null;
      if (there !== entry.node) this.feed.insertBefore(entry.node, there);
    });
    this.empty.hidden = this.items.length > 0;
    this.arriving.clear();
    this.more.hidden = !this.cursor;
    this.showHeld.hidden = this.held.length === 0;
    this.showHeld.textContent = `Show ${this.held.length} new post${this.held.length === 1 ? "" : "s"}`;
  }

  /** Takes a post off the wall; a reader focused on it moves to its neighbour, not to the page's top. */
  private leaving(node: HTMLElement): void {
    const focused = node.contains(this.root.activeElement);
    const next = (node.nextElementSibling ?? node.previousElementSibling) as HTMLElement | null;
    node.remove();
    if (focused) (next ?? this.pause).focus();
  }

  private async loadOlder(): Promise<void> {
    const ctx = this.ctx;
    const cursor = this.cursor;
    if (!ctx || !cursor) return;
    try {
      const page = await readJson<WallPage>(
        `${ctx.base}/wall?limit=${this.limit()}&cursor=${encodeURIComponent(cursor)}`,
      );
      if (this.cursor !== cursor) return;
      const shown = new Set(this.items.map((item) => item.id));
      const added = page.data.filter((item) => !shown.has(item.id));
      this.items.push(...added);
      this.cursor = page.next_cursor;
      this.render();
      // The button may now be gone: the reader goes on at the first post it brought.
      const firstAdded = added[0];
      (firstAdded ? this.nodes.get(firstAdded.id)?.node : this.more)?.focus();
    } catch {
      this.note.textContent = "Could not load older posts. Try again.";
    }
  }

  /** The feed pattern's keys: Page Down / Page Up go to the next or previous post. */
  private pageThrough(event: KeyboardEvent): void {
    if (event.key !== "PageDown" && event.key !== "PageUp") return;
    const article = (event.target as HTMLElement).closest("article");
    const next = event.key === "PageDown" ? article?.nextElementSibling : article?.previousElementSibling;
    if (next instanceof HTMLElement) {
      event.preventDefault();
      next.focus();
    }
  }
}
