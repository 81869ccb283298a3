/**
 * What the fake AppView holds and how it answers: posts (with their like, repost, reply and quote
 * counts) and notifications, indexed from the PDS's records or added as given, and the two listings
 * (`listNotifications` with keyset paging, `searchPosts` with offset cursors as the real one uses).
 */
import { randomBytes } from "node:crypto";
import {
  type Actor,
  actorView,
  type Counts,
  cdnUrl,
  earlier,
  isJson,
  type Json,
  notificationsFor,
  parseAtUri,
  postView,
  quotedUri,
  tagsOf,
} from "./views.ts";

interface Post {
  uri: string;
  cid: string;
  record: Json;
  author: Actor;
  indexedAt: string;
  /** The earlier of createdAt and indexedAt: what search sorts and `since` filters by. */
  sortAt: string;
  tags: string[];
}

interface Notification {
  recipient: string;
  view: Json;
}

/** The network the AppView indexes: the PDS holding the records and the PLC directory naming handles. */
export interface Peer {
  url: string;
  plcUrl: string;
  rateLimitBypassKey: string;
}

/** An XRPC answer: the body, or the lexicon error. */
export type Answer = { status: 200; body: Json } | { status: 400; body: { error: string; message: string } };

const invalid = (message: string): Answer => ({ status: 400, body: { error: "InvalidRequest", message } });
const fakeCid = () => `bafyrei${randomBytes(26).toString("hex").slice(0, 52)}`;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export class AppViewStore {
  peer: Peer | null = null;
  private posts = new Map<string, Post>();
  private counts = new Map<string, Counts>();
  private notifications: Notification[] = [];
  private lastStamp = 0;

  /** Strictly increasing, so two items indexed in the same millisecond still have an order. */
  private stamp(): string {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return new Date(this.lastStamp).toISOString();
  }

  private counter(uri: string): Counts {
    const found = this.counts.get(uri) ?? { likeCount: 0, repostCount: 0, replyCount: 0, quoteCount: 0 };
    this.counts.set(uri, found);
    return found;
  }

  view(uri: string): Json | undefined {
    const post = this.posts.get(uri);
    return (
      post &&
      postView(post, this.counter(uri), (quoted) => {
        const found = this.posts.get(quoted);
        return found && { view: postView(found, this.counter(quoted), () => undefined) };
      })
    );
  }

  private async pdsRead(nsid: string, query: Record<string, string>): Promise<Json | null> {
    if (!this.peer) throw new Error("the fake AppView has no PDS to read from yet");
    const url = new URL(`/xrpc/${nsid}`, this.peer.url);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const response = await fetch(url, { headers: { "x-ratelimit-bypass": this.peer.rateLimitBypassKey } });
    return response.ok ? ((await response.json()) as Json) : null;
  }

  private async actor(did: string): Promise<Actor> {
    // The handle is the DID document's, as the AppView's identity cache has it (the PDS's own
    // describeRepo cannot resolve DIDs on this loopback network).
    const doc = await fetch(new URL(`/${encodeURIComponent(did)}`, this.peer?.plcUrl)).then((r) =>
      r.ok ? (r.json() as Promise<unknown>) : null,
    );
    const aka = isJson(doc) ? list(doc.alsoKnownAs) : [];
    const handle = aka.find((a): a is string => typeof a === "string" && a.startsWith("at://"));
    const profile = await this.pdsRead("com.atproto.repo.getRecord", {
      repo: did,
      collection: "app.bsky.actor.profile",
      rkey: "self",
    });
    const value = isJson(profile?.value) ? profile.value : {};
    const avatar = isJson(value.avatar) && isJson(value.avatar.ref) ? value.avatar.ref.$link : null;
    return {
      did,
      handle: handle?.slice("at://".length) ?? "handle.invalid",
      ...(typeof value.displayName === "string" ? { displayName: value.displayName } : {}),
      ...(typeof avatar === "string" ? { avatar: cdnUrl("avatar", did, avatar) } : {}),
    };
  }

  /**
   * Reads the record at `uri` from the PDS and indexes it: its view, its counts, its notifications. A
   * post already indexed whose record is gone is dropped (the firehose's delete), so it has no view.
   */
  async index(uri: string): Promise<Json> {
    const ref = parseAtUri(uri);
    if (!ref) throw new Error(`not an at-uri: ${uri}`);
    const found = await this.pdsRead("com.atproto.repo.getRecord", {
      repo: ref.did,
      collection: ref.collection,
      rkey: ref.rkey,
    });
    if (!found && this.posts.delete(uri)) return { uri, deleted: true, notified: [] };
    if (!found || !isJson(found.value) || typeof found.cid !== "string") throw new Error(`no record ${uri}`);
    const record = found.value;
    const author = await this.actor(ref.did);
    const indexedAt = this.stamp();
    const createdAt = typeof record.createdAt === "string" ? record.createdAt : indexedAt;
    const subject =
      isJson(record.subject) && typeof record.subject.uri === "string" ? record.subject.uri : null;
    if (ref.collection === "app.bsky.feed.post") {
      const sortAt = earlier(createdAt, indexedAt);
      this.posts.set(uri, { uri, cid: found.cid, record, author, indexedAt, sortAt, tags: tagsOf(record) });
      const parent = isJson(record.reply) && isJson(record.reply.parent) ? record.reply.parent.uri : null;
      if (typeof parent === "string") this.counter(parent).replyCount++;
      const quoted = quotedUri(record);
      if (quoted) this.counter(quoted).quoteCount++;
    } else if (subject && ref.collection === "app.bsky.feed.like") {
      this.counter(subject).likeCount++;
    } else if (subject && ref.collection === "app.bsky.feed.repost") {
      this.counter(subject).repostCount++;
    }
    const notified = notificationsFor(ref, record);
    for (const { recipient, reason, reasonSubject } of notified) {
      const view = {
        uri,
        cid: found.cid,
        author: actorView(author),
        reason,
        ...(reasonSubject ? { reasonSubject } : {}),
        record,
        isRead: false,
        indexedAt,
        labels: [],
      };
      this.notifications.push({ recipient, view });
    }
    return { uri, indexedAt, notified: notified.map((n) => n.recipient) };
  }

  addNotifications(recipient: string, given: unknown[]): Json[] {
    return given.map((one) => {
      const view: Json = { cid: fakeCid(), isRead: false, indexedAt: this.stamp(), labels: [], record: {} };
      Object.assign(view, isJson(one) ? one : {});
      this.notifications.push({ recipient, view });
      return view;
    });
  }

  addPosts(given: unknown[]): Json[] {
    return given.filter(isJson).map((one) => {
      const record = isJson(one.record) ? one.record : {};
      const indexedAt = typeof one.indexedAt === "string" ? one.indexedAt : this.stamp();
      const createdAt = typeof record.createdAt === "string" ? record.createdAt : indexedAt;
      const author = isJson(one.author) ? one.author : {};
      const post: Post = {
        uri: String(one.uri),
        cid: typeof one.cid === "string" ? one.cid : fakeCid(),
        record,
        author: { did: String(author.did ?? ""), handle: String(author.handle ?? "handle.invalid") },
        indexedAt,
        sortAt: earlier(createdAt, indexedAt),
        tags: tagsOf(record),
      };
      this.posts.set(post.uri, post);
      return { uri: post.uri, indexedAt };
    });
  }

  /** Newest first, keyset-paged on (indexedAt, uri): items arriving meanwhile never shift a page. */
  listNotifications(me: string, params: URLSearchParams): Answer {
    const limit = Number(params.get("limit") ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return invalid("limit must be 1 to 100");
    const reasons = params.getAll("reasons");
    const key = (n: Notification) => `${String(n.view.indexedAt)}|${String(n.view.uri)}`;
    const after = params.get("cursor");
    const mine = this.notifications
      .filter((n) => n.recipient === me && (reasons.length === 0 || reasons.includes(String(n.view.reason))))
      .sort((a, b) => (key(a) < key(b) ? 1 : -1))
      .filter((n) => after === null || key(n) < after);
    const page = mine.slice(0, limit);
    const last = page.at(-1);
    const cursor = mine.length > limit && last ? { cursor: key(last) } : {};
    return { status: 200, body: { notifications: page.map((n) => n.view), ...cursor, priority: false } };
  }

  /**
   * `q` is required: its `#words` are tags, its other words must be in the text; `tag` (repeated)
   * must all be on the post; `since` (inclusive) and `until` bound its sort time.
   */
  searchPosts(params: URLSearchParams): Answer {
    const q = params.get("q")?.toLowerCase();
    if (!q) return invalid('Error: Params must have the property "q"');
    const limit = Number(params.get("limit") ?? 25);
    const offset = Number(params.get("cursor") ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100 || !Number.isInteger(offset) || offset < 0) {
      return invalid("limit must be 1 to 100 and cursor an offset");
    }
    const terms = q.split(/\s+/).filter(Boolean);
    const tags = [
      ...params.getAll("tag").map((t) => t.toLowerCase()),
      ...terms.filter((t) => t.startsWith("#") && t.length > 1).map((t) => t.slice(1)),
    ];
    const words = terms.filter((t) => !t.startsWith("#"));
    const time = (name: string) => {
      const value = params.get(name);
      return value ? new Date(value).toISOString() : null;
    };
    const since = time("since");
    const until = time("until");
    const author = params.get("author");
    const hits = [...this.posts.values()]
      .filter((p) => tags.every((t) => p.tags.includes(t)))
      .filter((p) =>
        words.every((w) =>
          String(p.record.text ?? "")
            .toLowerCase()
            .includes(w),
        ),
      )
      .filter((p) => !author || p.author.did === author || p.author.handle === author)
      .filter((p) => (!since || p.sortAt >= since) && (!until || p.sortAt < until))
      .sort((a, b) => (a.sortAt < b.sortAt ? 1 : -1));
    const page = hits.slice(offset, offset + limit).flatMap((p) => this.view(p.uri) ?? []);
    const cursor = offset + limit < hits.length ? { cursor: String(offset + limit) } : {};
    return { status: 200, body: { posts: page, ...cursor, hitsTotal: hits.length } };
  }
}
