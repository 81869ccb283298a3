/**
 * Bluesky (AT Protocol, platforms.md §1): plain XRPC over fetch against the account's PDS, no SDK.
 * An app password opens a session (`createSession`); the refresh JWT renews it. A post is a record in
 * the account's repository: blobs first (`uploadBlob`), then `createRecord` with rich-text facets in
 * UTF-8 byte offsets and an embed.
 *
 * Never a duplicate: the record key is derived from our post id (`recordKeyFor`), so every attempt of a
 * post writes the same key. The repository refuses a second record at a taken key (the reference PDS
 * answers 500), so a failed or unanswered create is followed by a read of that key: our text there means
 * the post is already published. `findPublished` is that read alone. A thread's replies are records
 * with `reply: {root, parent}`, each at its own key derived the same way (post id + part number).
 *
 * Metrics come from `app.bsky.feed.getPosts`, asked of the PDS, which proxies it to its AppView as it
 * does for every Bluesky client; a PDS without an AppView (the local test PDS) gets nulls from the
 * record itself. Bluesky has no webhooks (mentions are read from the firehose), so `verifyWebhook`
 * always says no.
 */
import { decodeJwt } from "jose";
import {
  type AdapterOptions,
  asRecord,
  type CallKind,
  call,
  classifyStatus,
  DEFAULT_TIMEOUT_MS,
  isRecord,
  type Json,
  list,
  num,
  type PlatformResponse,
  responseRecord,
  retryAfterHeader,
  secondsUntil,
  str,
  trimBase,
  withQuery,
} from "./http.ts";
import {
  type AccountIdentity,
  type ConnectedAccount,
  PlatformError,
  type PostMetrics,
  type PublishedRef,
  type PublishMedia,
  type PublishProgress,
  type PublishRequest,
  type SocialAdapter,
  type TokenSet,
} from "./types.ts";

/** The entryway of Bluesky-hosted accounts; a self-hosted account names its PDS when connecting. */
const DEFAULT_SERVICE = "https://bsky.social";
const POST_COLLECTION = "app.bsky.feed.post";
/** §1.2: at most 4 images of at most 1,000,000 bytes each (enforced by the record's lexicon). */
const MAX_IMAGES = 4;
const MAX_IMAGE_BYTES = 1_000_000;
const MAX_VIDEO_BYTES = 300_000_000;
/** Uploads get the call timeout plus a second per megabyte (a slow link must not turn into a retry loop). */
const UPLOAD_MS_PER_MB = 1000;
/** The lexicon's tag limit (64 graphemes); like Bluesky's own client we count UTF-16 units. */
const MAX_TAG_LENGTH = 64;

/** Error names that mean "this session's token is no good": refresh once, then retry. */
const TOKEN_ERRORS = new Set(["ExpiredToken", "InvalidToken", "AuthenticationRequired", "AuthMissing"]);
/** A 401 that no new token fixes. */
const ACCOUNT_ERRORS = new Set(["AccountTakedown", "AccountDeactivated", "AccountNotFound"]);

const BASE32_SORTABLE = "234567abcdefghijklmnopqrstuvwxyz";
/** 2023-01-01T00:00:00Z in microseconds: the start of the window our keys' timestamps fall in. */
const KEY_EPOCH_US = 1_672_531_200_000_000n;
/** 45 bits of microseconds (~407 days) for the timestamp, 10 for the clock id: 55 bits from the hash. */
const KEY_TIME_BITS = 45n;

/**
 * The record key of our post `postId`: a valid TID (the key type of `app.bsky.feed.post`, platforms.md
 * §1.5), the same on every attempt, so a retry can only meet the record an earlier attempt wrote.
 *
 * A TID is a timestamp and a clock id; ours come from SHA-256 of the post id, with the timestamp inside
 * a fixed window of the past (2023-01-01 + ~407 days). Not "now" because nothing about a retry may
 * change the key; not the whole 53-bit range because far-future TIDs are what relays and readers
 * that sort by key treat as suspect. The window also fixes the first character (`3`), which keeps the
 * key clear of the PDS's start-anchored word filter. 55 bits per account make a collision between two
 * of our posts vanishingly rare, and a collision is still detected: the key holds a different text.
 */
export async function recordKeyFor(postId: string, part = 0): Promise<string> {
  // Part 0 (a post, or a thread's first post) keeps the key it always had; each reply has its own.
  const seed = part === 0 ? `guddu:bluesky:${postId}` : `guddu:bluesky:${postId}:${part}`;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(seed)));
  let bits = 0n;
  for (const byte of digest.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  const clockId = bits & 0x3ffn;
  const micros = KEY_EPOCH_US + ((bits >> 10n) & ((1n << KEY_TIME_BITS) - 1n));
  let value = (micros << 10n) | clockId;
  let key = "";
  for (let i = 0; i < 13; i++) {
    key = BASE32_SORTABLE[Number(value & 31n)] + key;
    value >>= 5n;
  }
  return key;
}

interface Facet {
  index: { byteStart: number; byteEnd: number };
  features: Json[];
}

/** A facet before mentions are resolved: a `handle` still needs its DID. */
type Span = { start: number; end: number } & ({ feature: Json } | { handle: string });

const URL_PATTERN = /(^|[\s(])(https?:\/\/\S+)/g;
const MENTION_PATTERN = /(^|[\s(])@([a-zA-Z0-9.-]+)\b/g;
const HANDLE = /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
/** What ends a tag: space, soft hyphen, word joiner, zero-width spaces and joiners, U+20E2. */
const TAG_END = "\\s\\u00ad\\u2060\\u200a-\\u200d\\u20e2";
/**
 * `#` and a tag with at least one character that is not a digit or punctuation (`#1` is no tag); not
 * `#` followed by U+FE0F (the keycap emoji).
 */
const TAG_PATTERN = new RegExp(
  `(^|\\s)[#＃]((?!\\ufe0f)[^${TAG_END}]*[^\\d\\p{P}${TAG_END}][^${TAG_END}]*)`,
  "gu",
);

/** A URL as written, without the punctuation that ends its sentence or an unbalanced closing bracket. */
function trimUrl(url: string): string {
  let trimmed = url;
  for (;;) {
    if (/[.,;:!?'"]$/.test(trimmed)) trimmed = trimmed.slice(0, -1);
    else if (trimmed.endsWith(")") && !trimmed.includes("(")) trimmed = trimmed.slice(0, -1);
    else return trimmed;
  }
}

/** Links, @mentions and #tags in `text`, as UTF-16 spans (mentions not resolved yet), never overlapping. */
export function findRichText(text: string): Span[] {
  const spans: Span[] = [];
  const add = (span: Span) => {
    if (spans.every((other) => span.end <= other.start || span.start >= other.end)) spans.push(span);
  };
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index + (match[1]?.length ?? 0);
    const uri = trimUrl(match[2] ?? "");
    if (!URL.canParse(uri)) continue;
    add({ start, end: start + uri.length, feature: { $type: "app.bsky.richtext.facet#link", uri } });
  }
  for (const match of text.matchAll(MENTION_PATTERN)) {
    const handle = match[2] ?? "";
    if (!HANDLE.test(handle) || handle.length > 253) continue;
    const start = match.index + (match[1]?.length ?? 0);
    add({ start, end: start + 1 + handle.length, handle: handle.toLowerCase() });
  }
  for (const match of text.matchAll(TAG_PATTERN)) {
    const tag = (match[2] ?? "").replace(/\p{P}+$/u, "");
    if (tag.length === 0 || tag.length > MAX_TAG_LENGTH) continue;
    const start = match.index + (match[1]?.length ?? 0);
    add({ start, end: start + 1 + tag.length, feature: { $type: "app.bsky.richtext.facet#tag", tag } });
  }
  return spans.sort((a, b) => a.start - b.start);
}

const utf8 = new TextEncoder();
/** Facet indexes are UTF-8 byte offsets (platforms.md §1.2): "✨" is one UTF-16 unit and 3 bytes. */
const byteOffset = (text: string, index: number) => utf8.encode(text.slice(0, index)).length;

/**
 * Classifies an XRPC error answer (`{error, message}`, platforms.md §1.4): 429 waits until
 * `ratelimit-reset` (epoch seconds); a bad or expired token is `auth_expired` (the reference PDS says
 * so with a 400); a taken-down or deactivated account is permanent; the rest as every platform.
 */
function blueskyError(response: PlatformResponse, kind: CallKind, nsid: string): PlatformError {
  const body = asRecord(response.body);
  const code = str(body.error);
  const message = `Bluesky ${nsid}: ${str(body.message) ?? code ?? `HTTP ${response.status}`}`;
  const details = { status: response.status, response: responseRecord(response), code };
  if (response.status === 429) {
    const reset = num(response.headers.get("ratelimit-reset"));
    const retryAfterSeconds =
      reset !== null ? secondsUntil(reset) : (retryAfterHeader(response.headers) ?? 60);
    return new PlatformError("rate_limited", message, { ...details, retryAfterSeconds });
  }
  if (code !== null && ACCOUNT_ERRORS.has(code)) return new PlatformError("permanent", message, details);
  if ((code !== null && TOKEN_ERRORS.has(code)) || response.status === 401) {
    return new PlatformError("auth_expired", message, details);
  }
  return classifyStatus(response, kind, message, details);
}

const isNotFound = (error: unknown) => error instanceof PlatformError && error.code === "RecordNotFound";

function tokensFrom(body: Json, nsid: string): TokenSet {
  const accessToken = str(body.accessJwt);
  const refreshToken = str(body.refreshJwt);
  if (!accessToken || !refreshToken) {
    throw new PlatformError("permanent", `Bluesky ${nsid} answered without a session`, {
      code: "no_session",
    });
  }
  return { accessToken, refreshToken, expiresAt: expiryOf(accessToken) };
}

/** The access JWT's own `exp` (120 minutes on the reference PDS); null when it does not say. */
function expiryOf(jwt: string): Date | null {
  try {
    const { exp } = decodeJwt(jwt);
    return typeof exp === "number" ? new Date(exp * 1000) : null;
  } catch {
    return null;
  }
}

const pdsOf = (account: ConnectedAccount, fallback: string) => {
  const pds = str(account.metadata.pds);
  return pds ? trimBase(pds) : fallback;
};

interface RecordRef {
  did: string;
  collection: string;
  rkey: string;
}

function parseAtUri(uri: string): RecordRef {
  const match = /^at:\/\/(did:[a-z]+:[a-zA-Z0-9._:%-]+)\/([a-zA-Z0-9.-]+)\/([a-zA-Z0-9._:~-]+)$/.exec(uri);
  if (!match) throw new PlatformError("permanent", `not a Bluesky post URI: ${uri}`, { code: "invalid_uri" });
  return { did: match[1]!, collection: match[2]!, rkey: match[3]! };
}

const postUrl = (did: string, rkey: string) => `https://bsky.app/profile/${did}/post/${rkey}`;

/** A post we published, from its saved URI and CID. */
const refOf = (did: string, uri: string, cid: unknown): PublishedRef => ({
  platformPostId: uri,
  url: postUrl(did, uri.split("/").at(-1) ?? ""),
  response: { uri, cid },
});

/** The `{uri, cid}` a reply names its root and parent by. */
function strongRef(ref: PublishedRef): { uri: string; cid: string } {
  const cid = str(ref.response?.cid);
  if (!cid) throw new PlatformError("transient", `Bluesky post ${ref.platformPostId} has no CID to reply to`);
  return { uri: ref.platformPostId, cid };
}

export function createBlueskyAdapter(options: AdapterOptions = {}): SocialAdapter {
  const baseUrl = trimBase(options.baseUrl ?? DEFAULT_SERVICE);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function xrpc(
    service: string,
    nsid: string,
    kind: CallKind,
    init: {
      token?: string;
      query?: Record<string, string>;
      json?: unknown;
      body?: BodyInit;
      contentType?: string;
      timeoutMs?: number;
    } = {},
  ): Promise<Json> {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const body = init.json !== undefined ? JSON.stringify(init.json) : (init.body ?? null);
    if (init.json !== undefined) headers["content-type"] = "application/json";
    else if (init.contentType) headers["content-type"] = init.contentType;
    const response = await call(withQuery(`${service}/xrpc/${nsid}`, init.query ?? {}), {
      method: body === null ? "GET" : "POST",
      headers,
      body,
      kind,
      timeoutMs: init.timeoutMs ?? timeoutMs,
    });
    if (response.status < 200 || response.status >= 300) throw blueskyError(response, kind, nsid);
    return asRecord(response.body);
  }

  /** What the repository holds at our key: nothing, our post, or (a key collision) someone else's record. */
  async function recordAt(
    pds: string,
    did: string,
    rkey: string,
    text: string,
  ): Promise<{ ours: PublishedRef } | "absent" | "foreign"> {
    try {
      const body = await xrpc(pds, "com.atproto.repo.getRecord", "read", {
        query: { repo: did, collection: POST_COLLECTION, rkey },
      });
      if (str(asRecord(body.value).text) !== text) return "foreign";
      const uri = str(body.uri) ?? `at://${did}/${POST_COLLECTION}/${rkey}`;
      return { ours: { platformPostId: uri, url: postUrl(did, rkey), response: { uri, cid: body.cid } } };
    } catch (error) {
      if (isNotFound(error)) return "absent";
      throw error;
    }
  }

  const collision = (rkey: string) =>
    new PlatformError("permanent", `Bluesky record key ${rkey} already holds a different post`, {
      code: "record_key_collision",
    });

  async function uploadBlob(pds: string, token: string, media: PublishMedia): Promise<Json> {
    let source: ReadableStream<Uint8Array>;
    try {
      source = await media.open();
    } catch (error) {
      throw new PlatformError("transient", `media ${media.id} could not be opened: ${String(error)}`, {
        code: "media_read",
      });
    }
    // A known length, so the PDS reads a plain body and can refuse an oversized one up front.
    const fixed = new FixedLengthStream(media.sizeBytes);
    const stopPiping = new AbortController();
    const piping = source.pipeTo(fixed.writable, { signal: stopPiping.signal });
    piping.catch(() => {});
    let body: Json;
    try {
      body = await xrpc(pds, "com.atproto.repo.uploadBlob", "write", {
        token,
        body: fixed.readable,
        contentType: media.mimeType,
        timeoutMs: timeoutMs + Math.ceil(media.sizeBytes / 1_000_000) * UPLOAD_MS_PER_MB,
      });
    } catch (error) {
      stopPiping.abort();
      throw error;
    }
    await piping.catch((error: unknown) => {
      throw new PlatformError("transient", `media ${media.id} could not be read: ${String(error)}`, {
        code: "media_read",
      });
    });
    if (!isRecord(body.blob)) {
      throw new PlatformError("transient", "Bluesky uploadBlob answered without a blob", { code: "no_blob" });
    }
    return body.blob;
  }

  const aspectRatio = (media: PublishMedia) =>
    media.width && media.height ? { aspectRatio: { width: media.width, height: media.height } } : {};

  /** Refuses what Bluesky cannot show, before any upload (the platform rules should have caught it). */
  function checkMedia(media: readonly PublishMedia[]): "images" | "video" | null {
    if (media.length === 0) return null;
    const refuse = (message: string) =>
      new PlatformError("permanent", message, { code: "unsupported_media" });
    const videos = media.filter((m) => m.mimeType.startsWith("video/"));
    if (videos.length > 0) {
      if (media.length > 1) throw refuse("Bluesky takes one video alone, without other media");
      const [video] = videos;
      if (video!.mimeType !== "video/mp4") throw refuse(`Bluesky videos must be MP4, not ${video!.mimeType}`);
      if (video!.sizeBytes > MAX_VIDEO_BYTES)
        throw refuse(`Bluesky videos are at most ${MAX_VIDEO_BYTES} bytes`);
      return "video";
    }
    if (media.length > MAX_IMAGES) throw refuse(`Bluesky takes at most ${MAX_IMAGES} images`);
    for (const item of media) {
      if (!item.mimeType.startsWith("image/")) throw refuse(`Bluesky cannot attach ${item.mimeType}`);
      if (item.sizeBytes > MAX_IMAGE_BYTES) {
        throw refuse(`Bluesky images are at most ${MAX_IMAGE_BYTES} bytes; ${item.id} has ${item.sizeBytes}`);
      }
    }
    return "images";
  }

  /**
   * Images (with alt text and aspect ratio), or a video, or else a link card for `post.link`. The card
   * carries the URL and its host as title: fetching the page's metadata from a Worker would mean
   * requesting arbitrary URLs while publishing, for a preview Bluesky's clients do without.
   */
  async function embedFor(pds: string, token: string, post: PublishRequest): Promise<Json | null> {
    const kind = checkMedia(post.media);
    if (kind === "video") {
      const video = post.media[0]!;
      const blob = await uploadBlob(pds, token, video);
      return {
        $type: "app.bsky.embed.video",
        video: blob,
        ...(video.altText ? { alt: video.altText } : {}),
        ...aspectRatio(video),
      };
    }
    if (kind === "images") {
      const images: Json[] = [];
      for (const image of post.media) {
        images.push({
          image: await uploadBlob(pds, token, image),
          alt: image.altText ?? "",
          ...aspectRatio(image),
        });
      }
      return { $type: "app.bsky.embed.images", images };
    }
    if (post.link && URL.canParse(post.link)) {
      const { host } = new URL(post.link);
      return { $type: "app.bsky.embed.external", external: { uri: post.link, title: host, description: "" } };
    }
    return null;
  }

  /** Facets for the links, mentions and tags of `text`; a handle nobody has stays plain text. */
  async function facetsFor(pds: string, text: string): Promise<Facet[]> {
    const spans = findRichText(text);
    const handles = [...new Set(spans.flatMap((span) => ("handle" in span ? [span.handle] : [])))];
    const dids = new Map<string, string>();
    for (const handle of handles) {
      try {
        const body = await xrpc(pds, "com.atproto.identity.resolveHandle", "read", { query: { handle } });
        const did = str(body.did);
        if (did) dids.set(handle, did);
      } catch (error) {
        // 400 HandleNotFound / InvalidRequest: no such account. Anything else (5xx, timeout) is retried.
        if (!(error instanceof PlatformError && error.status === 400)) throw error;
      }
    }
    const facets: Facet[] = [];
    for (const span of spans) {
      const did = "handle" in span ? dids.get(span.handle) : undefined;
      if ("handle" in span && !did) continue;
      facets.push({
        index: { byteStart: byteOffset(text, span.start), byteEnd: byteOffset(text, span.end) },
        features: ["feature" in span ? span.feature : { $type: "app.bsky.richtext.facet#mention", did }],
      });
    }
    return facets;
  }

  const facetsPart = async (pds: string, text: string) => {
    const facets = await facetsFor(pds, text);
    return facets.length > 0 ? { facets } : {};
  };

  /**
   * `createRecord` of `record` at our key `rkey`. A create that failed or went unanswered may have
   * landed (the key is taken by this very post): the key is read before failing. `resuming` (an earlier
   * attempt may have sent it) reads the key first instead.
   */
  async function createPost(
    pds: string,
    account: ConnectedAccount,
    rkey: string,
    text: string,
    resuming: boolean,
    record: Json,
    beforeCreate: () => Promise<void> = async () => {},
  ): Promise<PublishedRef> {
    const did = account.platformUserId;
    if (resuming) {
      const found = await recordAt(pds, did, rkey, text);
      if (found === "foreign") throw collision(rkey);
      if (found !== "absent") return found.ours;
    }
    await beforeCreate();
    try {
      const body = await xrpc(pds, "com.atproto.repo.createRecord", "create", {
        token: account.tokens.accessToken,
        json: { repo: did, collection: POST_COLLECTION, rkey, record, validate: true },
      });
      const uri = str(body.uri) ?? `at://${did}/${POST_COLLECTION}/${rkey}`;
      return {
        platformPostId: uri,
        url: postUrl(did, rkey),
        response: { uri, cid: body.cid, commit: body.commit, validationStatus: body.validationStatus },
      };
    } catch (error) {
      if (
        !(error instanceof PlatformError) ||
        error.kind === "auth_expired" ||
        error.kind === "rate_limited"
      ) {
        throw error;
      }
      const found = await recordAt(pds, did, rkey, text).catch(() => "absent" as const);
      if (found === "foreign") throw collision(rkey);
      if (found !== "absent") return found.ours;
      throw error;
    }
  }

  /** The first post (the only one unless a thread), with its media or link card. */
  async function publishFirst(
    pds: string,
    account: ConnectedAccount,
    post: PublishRequest,
    progress: PublishProgress,
  ): Promise<PublishedRef> {
    const did = account.platformUserId;
    const rkey = await recordKeyFor(post.postId);
    if (progress.previous) {
      // An earlier attempt sent the record: if it landed, we are done before uploading anything again.
      const found = await recordAt(pds, did, rkey, post.text);
      if (found === "foreign") throw collision(rkey);
      if (found !== "absent") return found.ours;
    }
    const embed = await embedFor(pds, account.tokens.accessToken, post);
    const record: Json = {
      $type: POST_COLLECTION,
      text: post.text,
      createdAt: new Date().toISOString(),
      ...(await facetsPart(pds, post.text)),
      ...(embed ? { embed } : {}),
    };
    return createPost(pds, account, rkey, post.text, false, record, () =>
      progress.save({ rkey, sentAt: Date.now() }),
    );
  }

  async function session(service: string, nsid: string, init: Parameters<typeof xrpc>[3]) {
    const body = await xrpc(service, nsid, "write", init);
    return { body, tokens: tokensFrom(body, nsid) };
  }

  return {
    platform: "bluesky",
    baseUrl,

    async passwordLogin(identifier, password, service) {
      const pds = trimBase(service ?? baseUrl);
      try {
        const { body, tokens } = await session(pds, "com.atproto.server.createSession", {
          json: { identifier: identifier.replace(/^@/, ""), password },
        });
        const did = str(body.did);
        if (!did) throw new PlatformError("permanent", "Bluesky createSession answered without a DID");
        const identity: AccountIdentity = {
          platformUserId: did,
          username: str(body.handle),
          metadata: { pds },
        };
        return { tokens, identity };
      } catch (error) {
        // Wrong identifier or password: nothing to refresh, and the same password will fail again.
        if (error instanceof PlatformError && error.kind === "auth_expired") {
          throw new PlatformError("permanent", error.message, {
            status: error.status,
            code: error.code,
            response: error.response,
          });
        }
        throw error;
      }
    },

    async refreshToken(account) {
      const token = account.tokens.refreshToken;
      if (!token) {
        throw new PlatformError("auth_expired", "Bluesky account has no refresh token; connect it again", {
          code: "no_refresh_token",
        });
      }
      const { tokens } = await session(pdsOf(account, baseUrl), "com.atproto.server.refreshSession", {
        token,
        body: "", // a procedure (POST) without input
      });
      return tokens;
    },

    async publish(account, post, progress) {
      const pds = pdsOf(account, baseUrl);
      const did = account.platformUserId;
      const replies = post.replies ?? [];
      // A thread's parts published so far (saved after each), first post first.
      const thread = list(progress.previous?.thread).map(asRecord);
      const savedRoot = thread[0];
      const root: PublishedRef = savedRoot
        ? refOf(did, str(savedRoot.uri) ?? "", savedRoot.cid)
        : await publishFirst(pds, account, post, progress);
      if (replies.length === 0) return root;
      const refs: PublishedRef[] = [
        root,
        ...thread.slice(1).map((saved) => refOf(did, str(saved.uri) ?? "", saved.cid)),
      ];
      const rkey = await recordKeyFor(post.postId);
      const sentAt = num(progress.previous?.sentAt) ?? Date.now();
      const save = () =>
        progress.save({
          rkey,
          sentAt,
          thread: refs.map((ref) => ({ uri: ref.platformPostId, cid: ref.response?.cid ?? null })),
        });
      await save();
      // Only the first part not saved yet may be out already (its answer lost): its key is read first.
      let resuming = progress.previous !== null;
      for (let part = refs.length; part <= replies.length; part++) {
        const text = replies[part - 1] ?? "";
        const parent = refs.at(-1) ?? root;
        const reply = { root: strongRef(root), parent: strongRef(parent) };
        refs.push(
          await createPost(pds, account, await recordKeyFor(post.postId, part), text, resuming, {
            $type: POST_COLLECTION,
            text,
            createdAt: new Date().toISOString(),
            ...(await facetsPart(pds, text)),
            reply,
          }),
        );
        resuming = false;
        await save();
      }
      return {
        ...root,
        response: { ...(root.response ?? {}), replies: refs.slice(1).map((r) => r.platformPostId) },
      };
    },

    async findPublished(account, post) {
      const found = await recordAt(
        pdsOf(account, baseUrl),
        account.platformUserId,
        await recordKeyFor(post.postId),
        post.text,
      );
      return typeof found === "object" ? found.ours : null;
    },

    async deletePost(account, platformPostId) {
      const ref = parseAtUri(platformPostId);
      if (ref.did !== account.platformUserId) {
        throw new PlatformError("permanent", `post ${platformPostId} is not in this account's repository`, {
          code: "not_this_account",
        });
      }
      try {
        await xrpc(pdsOf(account, baseUrl), "com.atproto.repo.deleteRecord", "write", {
          token: account.tokens.accessToken,
          json: { repo: ref.did, collection: ref.collection, rkey: ref.rkey },
        });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },

    async fetchMetrics(account, platformPostId): Promise<PostMetrics> {
      const pds = pdsOf(account, baseUrl);
      const ref = parseAtUri(platformPostId);
      try {
        const body = await xrpc(pds, "app.bsky.feed.getPosts", "read", {
          token: account.tokens.accessToken,
          query: { uris: platformPostId },
        });
        const view = asRecord(list(body.posts)[0]);
        const reposts = num(view.repostCount);
        const quotes = num(view.quoteCount);
        return {
          impressions: null,
          likes: num(view.likeCount),
          comments: num(view.replyCount),
          shares: reposts === null && quotes === null ? null : (reposts ?? 0) + (quotes ?? 0),
          clicks: null,
          raw: {
            likeCount: view.likeCount ?? null,
            replyCount: view.replyCount ?? null,
            repostCount: view.repostCount ?? null,
            quoteCount: view.quoteCount ?? null,
            bookmarkCount: view.bookmarkCount ?? null,
          },
        };
      } catch (error) {
        // A PDS with no AppView behind it answers "No service configured for app.bsky.feed.getPosts".
        if (!(error instanceof PlatformError && /no service configured/i.test(error.message))) throw error;
      }
      const body = await xrpc(pds, "com.atproto.repo.getRecord", "read", {
        query: { repo: ref.did, collection: ref.collection, rkey: ref.rkey },
      });
      return {
        impressions: null,
        likes: null,
        comments: null,
        shares: null,
        clicks: null,
        raw: { source: "record", uri: body.uri ?? platformPostId, cid: body.cid ?? null },
      };
    },

    async verifyWebhook() {
      return false;
    },
  };
}
