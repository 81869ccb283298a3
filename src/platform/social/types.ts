/**
 * The one interface every social platform adapter implements (Bluesky, X, Facebook Pages, Instagram,
 * LinkedIn, Threads). Adapters speak HTTP to the platform and nothing else: no database, no queue.
 * The publishing consumer decides what to do with a failure from its `kind`; the social-accounts
 * service stores what `connect`/`refresh` return (sealed). Base URLs come from configuration, so
 * tests point adapters at local fakes or, for Bluesky, at a real PDS.
 */
import type { Platform } from "../../db/schema/columns.ts";
import type { InboundObservation, ListenCursor, ListenPage } from "./inbound.ts";

/** Tokens as the platform issued them. Plaintext: only the social-accounts service sees these, and seals them. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  /** When the access token stops working; null when the platform says it does not expire. */
  expiresAt: Date | null;
}

/** Who the account is on the platform, as learnt when connecting. */
export interface AccountIdentity {
  platformUserId: string;
  username: string | null;
  /** Facts the adapter needs later, never secrets (Bluesky PDS URL, Facebook page id, …). */
  metadata: Record<string, unknown>;
}

/** An account ready to act: its identity and its current (opened) tokens. */
export interface ConnectedAccount extends AccountIdentity {
  tokens: TokenSet;
}

export interface PublishMedia {
  /** Our media asset id. */
  id: string;
  mimeType: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  altText: string | null;
  /** A signed, expiring public URL of the bytes, for platforms that fetch media themselves (Meta). */
  url: string;
  /** The bytes, for platforms that take uploads (Bluesky blobs, X media upload). */
  open(): Promise<ReadableStream<Uint8Array>>;
}

export interface PublishRequest {
  /**
   * Our `published_posts.id`: stable across every retry of this post, so adapters use it wherever the
   * platform offers idempotency (Bluesky record key) and to recognise their own post when reconciling.
   */
  postId: string;
  /** The text as the platform should show it (caption, hashtags appended), already within its limits. */
  text: string;
  hashtags: readonly string[];
  /** @handles found in the text, without the @. */
  mentions: readonly string[];
  /** A link to attach as a card where the platform has one. */
  link: string | null;
  media: readonly PublishMedia[];
  /**
   * The further posts of a thread (Bluesky, X, Threads), each published as a reply to the one before
   * it; the first post is `text`, with the media, link, hashtags and mentions above. A reply's own
   * rich text (links, mentions, tags) comes from its text, derived by the adapter where the platform
   * needs it (Bluesky facets). Progress is saved after each part, so a retry resumes after the last
   * saved one and never posts a part twice. `PublishedRef` is the thread's first post.
   */
  replies?: readonly string[];
}

/**
 * What an adapter remembers between attempts of one post (e.g. the Instagram container id): it calls
 * `save` before a step whose outcome it may need to find again; the next attempt receives it back.
 */
export interface PublishProgress {
  previous: Record<string, unknown> | null;
  save(state: Record<string, unknown>): Promise<void>;
}

export interface PublishedRef {
  platformPostId: string;
  url: string | null;
  /** The platform's answer (no tokens), kept on the attempt for the user to read. */
  response?: Record<string, unknown>;
}

/**
 * One measurement of one post. A metric the platform does not give is null, never 0
 * (docs/platform-contracts.md, each platform's Metrics).
 */
export interface PostMetrics {
  /** Views or impressions as the platform counts them (Instagram/Threads `views`, Facebook `post_media_view`, X and LinkedIn impressions). */
  impressions: number | null;
  /** Unique accounts reached (Instagram `reach`, Facebook `post_total_media_view_unique`, LinkedIn unique impressions). */
  reach: number | null;
  /** Likes or reactions. */
  likes: number | null;
  /** Replies or comments. */
  comments: number | null;
  /** Reposts, quotes and shares together. */
  shares: number | null;
  /** Saves and bookmarks (Instagram `saved`, Bluesky `bookmarkCount`, X `bookmark_count`). */
  saves: number | null;
  /** Link clicks. */
  clicks: number | null;
  /** What the platform answered for this post, no tokens. */
  raw: Record<string, unknown>;
}

/**
 * How the consumer must treat a failure:
 * - `rate_limited`: wait `retryAfterSeconds` (from the platform's reset headers or quota window);
 * - `transient`: retry with exponential backoff;
 * - `auth_expired`: refresh the token once, then retry;
 * - `permanent`: fail now with the platform's message (bad media, policy, a removed account);
 * - `duplicate`: the platform refuses the post as a duplicate (X 403, …): reconcile, never repost;
 * - `uncertain`: the request went out and no answer came back (timeout, dropped connection): the post
 *   may exist, so reconcile with `findPublished` before anything else.
 */
export type PlatformErrorKind =
  | "rate_limited"
  | "transient"
  | "auth_expired"
  | "permanent"
  | "duplicate"
  | "uncertain";

export class PlatformError extends Error {
  override name = "PlatformError";
  readonly kind: PlatformErrorKind;
  readonly status: number | null;
  /** The platform's own error code or name (e.g. `ExpiredToken`, `190`, `DUPLICATE_POST`). */
  readonly code: string | null;
  readonly retryAfterSeconds: number | null;
  readonly response: Record<string, unknown> | null;

  constructor(
    kind: PlatformErrorKind,
    message: string,
    details: {
      status?: number | null;
      code?: string | null;
      retryAfterSeconds?: number | null;
      response?: Record<string, unknown> | null;
    } = {},
  ) {
    super(message);
    this.kind = kind;
    this.status = details.status ?? null;
    this.code = details.code ?? null;
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
    this.response = details.response ?? null;
  }
}

export interface OAuthClient {
  clientId: string;
  clientSecret: string | null;
}

export interface AuthorizeParams {
  client: OAuthClient;
  redirectUri: string;
  state: string;
  /** S256 of the verifier. */
  codeChallenge: string;
}

export interface ExchangeParams {
  client: OAuthClient;
  redirectUri: string;
  code: string;
  codeVerifier: string;
}

export interface SocialAdapter {
  readonly platform: Platform;
  /** The platform's API origin in use (configurable). */
  readonly baseUrl: string;

  /** OAuth 2.0 (authorization code + PKCE) where the platform uses it. */
  readonly oauth?: {
    authorizeUrl(params: AuthorizeParams): string;
    /** Code → tokens → who the account is. */
    exchangeCode(params: ExchangeParams): Promise<{ tokens: TokenSet; identity: AccountIdentity }>;
  };
  /**
   * App-password login where the platform uses one (Bluesky). `service` is the caller's choice of
   * server (a PDS), checked before it is called; without it the adapter finds the account's server.
   */
  passwordLogin?(
    identifier: string,
    password: string,
    service?: string,
  ): Promise<{ tokens: TokenSet; identity: AccountIdentity }>;

  /** New tokens from the refresh token; `auth_expired`/`permanent` when the platform refuses. */
  refreshToken(account: ConnectedAccount, client: OAuthClient | null): Promise<TokenSet>;
  /**
   * Revokes the account's tokens at the platform (its grant to our app), where the platform offers a
   * way; absent where it does not (Instagram, Threads). `auth_expired` when the platform says the
   * token no longer works: nothing is left to revoke.
   */
  revokeToken?(account: ConnectedAccount, client: OAuthClient | null): Promise<void>;

  publish(account: ConnectedAccount, post: PublishRequest, progress: PublishProgress): Promise<PublishedRef>;
  /**
   * After an uncertain outcome: the post if the platform has it (matched by the platform's idempotency
   * means or by our text among the account's recent posts), else null. Never creates anything.
   */
  findPublished(
    account: ConnectedAccount,
    post: PublishRequest,
    progress: PublishProgress,
  ): Promise<PublishedRef | null>;
  /** Removes the post; a post that is already gone counts as removed. */
  deletePost(account: ConnectedAccount, platformPostId: string): Promise<void>;
  /**
   * Measures several of the account's posts at once: at most `metricsBatchSize` ids (the caller
   * splits), each answered in the map — its metrics, or null when the platform says the post is gone
   * (deleted, not found). What concerns the whole call (rate limit, expired token, 5xx) is thrown as
   * a `PlatformError`, as publishing does.
   */
  fetchMetrics(
    account: ConnectedAccount,
    platformPostIds: readonly string[],
  ): Promise<Map<string, PostMetrics | null>>;
  /** How many post ids one `fetchMetrics` call takes (the platform's batch size). */
  readonly metricsBatchSize: number;
  /** Checks a webhook's signature over the raw body (and answers nothing itself). */
  verifyWebhook(headers: Headers, rawBody: ArrayBuffer, secret: string): Promise<boolean>;
  /**
   * The answer to the platform's webhook check (X `crc_token`, Meta `hub.challenge` with the verify
   * token as `secret`, LinkedIn `challengeCode`); null when the query is not such a check.
   */
  answerWebhookChallenge?(query: URLSearchParams, secret: string): Promise<Response | null>;
  /**
   * A verified delivery read into observations (src/platform/social/inbound.ts). Pure: no I/O. Events
   * that are not items (likes, follows, insights) are skipped; a payload of the wrong shape yields none.
   */
  readWebhook?(payload: unknown): InboundObservation[];
  /** Listening where the platform is asked rather than delivering: Bluesky, hashtag search. */
  readonly listen?: {
    /** Mentions, replies, quotes and reposts of the account since the cursor (null: the latest page). */
    notifications?(account: ConnectedAccount, cursor: ListenCursor | null): Promise<ListenPage>;
    /** Recent public posts with the hashtag (without #) since the cursor; `account` asks where the platform needs one. */
    hashtag?(account: ConnectedAccount | null, tag: string, cursor: ListenCursor | null): Promise<ListenPage>;
  };
}
