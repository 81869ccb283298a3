/**
 * The only reader of bindings and vars. Everything is parsed once per bindings object (an isolate
 * sees the same object for its lifetime), secrets included (the signing keys, the token keyring, the
 * webhook secrets, the platform clients), so a misconfigured deployment fails loudly on its first
 * request with one `ConfigError` naming every problem instead of deep inside a handler. Services and
 * routes reach bindings only through the parsed `Config` (`ctx.config`).
 */
import { z } from "zod";
import { PLATFORMS, type Platform } from "./db/schema/columns.ts";
import { ConfigError } from "./errors.ts";
import { loadKeyring } from "./platform/secret-box.ts";
import { parseSigningKeys } from "./platform/signing-keys.ts";
import type { IngestMessage } from "./queues/ingest/message.ts";
import type { LifecycleMessage } from "./queues/lifecycle/message.ts";
import type { MediaMessage } from "./queues/media/message.ts";
import type { MetricsMessage } from "./queues/metrics/message.ts";
import type { PublishMessage } from "./queues/publish/message.ts";
import type { WebhookMessage } from "./queues/webhooks/message.ts";

/** What wrangler.toml (and `wrangler secret put`) gives the Worker. */
export interface Bindings {
  APP_ENV: string;
  LOG_LEVEL?: string;
  PUBLIC_BASE_URL: string;
  MAX_JSON_BODY_BYTES?: string;
  DATABASE_URL: string;
  /** A Neon read replica's connection string: analytics read there when it is set. */
  DATABASE_URL_READ?: string;
  /** Local only: `host:port` of the local Neon proxy (scripts/lib/neon-proxy.ts). */
  NEON_LOCAL_PROXY?: string;
  JWT_PRIVATE_KEYS: string;
  TOKEN_ENCRYPTION_KEYS: string;
  /** JSON `{platform: {secrets: [current, previous?], verify_token?}}`: webhook signing secrets. */
  WEBHOOK_SECRETS?: string;
  /** JSON `{platform: origin}` overriding a platform's API origin (local fakes, a self-hosted PDS). */
  PLATFORM_BASE_URLS?: string;
  /** JSON `{platform: {client_id, client_secret}}`: the OAuth apps registered with each platform. */
  PLATFORM_CLIENTS?: string;
  /** The Bluesky AppView for reads without an account (hashtag search); `https://public.api.bsky.app` by default. */
  BLUESKY_APPVIEW_URL?: string;
  /** The PLC directory did:plc documents are read from; `https://plc.directory` by default. */
  BLUESKY_PLC_URL?: string;
  /** How long a call to a platform may take before its outcome counts as uncertain (ms). */
  PLATFORM_TIMEOUT_MS?: string;
  /** First retry delay of a failed publish, doubled per attempt (seconds). */
  PUBLISH_RETRY_BASE_SECONDS?: string;
  /** First retry delay of a failed outbound webhook delivery, doubled per attempt (seconds). */
  WEBHOOK_RETRY_BASE_SECONDS?: string;
  /** How long an organisation's webhook endpoint may take to answer a delivery (ms). */
  WEBHOOK_TIMEOUT_MS?: string;
  /** The DNS-over-HTTPS JSON endpoint outbound webhook hosts are resolved with before each attempt. */
  WEBHOOK_DNS_RESOLVER?: string;
  /** Widgets allowed on one event's live channel, and per client address (defaults 5,000 and 10). */
  LIVE_MAX_CONNECTIONS_PER_EVENT?: string;
  LIVE_MAX_CONNECTIONS_PER_CLIENT?: string;
  /** Requests one API key may make per minute (default 600). */
  API_KEY_RATE_LIMIT?: string;
  MEDIA: R2Bucket;
  /** Retention archives (`archives/`) and exports (`exports/`): services/retention, services/exports. */
  ARCHIVES: R2Bucket;
  /** Rows per chunk of the data lifecycle: per archive part, export part and delete (default 5,000). */
  LIFECYCLE_CHUNK_ROWS?: string;
  /** Public reads that reach the database, per client address (wrangler.toml `[[ratelimits]]`). */
  PUBLIC_RATE_LIMITER: RateLimit;
  /** The static files of `public/` (the embed script, the sentiment lexicon). */
  ASSETS: Fetcher;
  /**
   * Workers AI, for sentiment (src/platform/sentiment). Optional and not in wrangler.toml, so local
   * development stays offline; without it the lexicon engine judges (docs/sentiment.md).
   */
  AI?: Ai;
  PUBLISH_QUEUE: Queue<PublishMessage>;
  INGEST_QUEUE: Queue<IngestMessage>;
  MEDIA_QUEUE: Queue<MediaMessage>;
  METRICS_QUEUE: Queue<MetricsMessage>;
  WEBHOOKS_QUEUE: Queue<WebhookMessage>;
  LIFECYCLE_QUEUE: Queue<LifecycleMessage>;
  APPROVAL_REQUEST: DurableObjectNamespace<DurableObjectClasses["ApprovalRequest"]>;
  EVENT_LIVE: DurableObjectNamespace<DurableObjectClasses["EventLive"]>;
  LOGIN_THROTTLE: DurableObjectNamespace<DurableObjectClasses["LoginThrottle"]>;
}

/**
 * The Durable Object classes, by name. Filled in by src/worker-types.d.ts (declaration merging), so
 * the namespaces are typed while this file imports no class: layers point one way (a class imports
 * services, which import the configuration).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging
export interface DurableObjectClasses {}

const binding = <T>(name: string, method: string) =>
  z.custom<T>(
    (value) => typeof value === "object" && value !== null && method in value,
    `${name} binding is missing`,
  );

/** An optional JSON object of platform → value, parsed once with the rest of the configuration. */
const jsonRecord = <T extends z.ZodType>(value: T, message: string) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (!text) return {} as Partial<Record<Platform, z.output<T>>>;
      try {
        return z.partialRecord(z.enum(PLATFORMS), value).parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
    });

/** A zod transform through a parser that throws an `Error` naming the problem (never the secret). */
const parsedBy =
  <T>(parse: (text: string) => T) =>
  (text: string, ctx: z.RefinementCtx): T => {
    try {
      return parse(text);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  };

const configSchema = z.object({
  APP_ENV: z.enum(["production", "staging", "development", "test"]),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  PUBLIC_BASE_URL: z.url(),
  MAX_JSON_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "DATABASE_URL must be a postgres:// connection string"),
  // Analytics read here when set (a Neon read replica); from DATABASE_URL otherwise.
  DATABASE_URL_READ: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "DATABASE_URL_READ must be a postgres:// connection string")
    .optional(),
  NEON_LOCAL_PROXY: z
    .string()
    .regex(/^[\w.-]+:\d+$/, "NEON_LOCAL_PROXY must be host:port")
    .optional(),
  JWT_PRIVATE_KEYS: z
    .string()
    .min(1, "JWT_PRIVATE_KEYS is required (a JSON array of private JWKs)")
    .transform(parsedBy(parseSigningKeys)),
  TOKEN_ENCRYPTION_KEYS: z
    .string()
    .min(1, "TOKEN_ENCRYPTION_KEYS is required (JSON {kid: base64 key})")
    .transform(parsedBy((json: string) => loadKeyring(json))),
  WEBHOOK_SECRETS: jsonRecord(
    z.strictObject({
      secrets: z.array(z.string().min(1)).min(1).max(2),
      verify_token: z.string().min(1).optional(),
    }),
    "WEBHOOK_SECRETS must be JSON {platform: {secrets: [current, previous?], verify_token?}}",
  ),
  PLATFORM_BASE_URLS: jsonRecord(z.url(), "PLATFORM_BASE_URLS must be JSON {platform: url}"),
  PLATFORM_CLIENTS: jsonRecord(
    z.strictObject({ client_id: z.string().min(1), client_secret: z.string().min(1).nullable().optional() }),
    "PLATFORM_CLIENTS must be JSON {platform: {client_id, client_secret}}",
  ),
  // Unset: the adapter's default, Bluesky's own public AppView (as PLATFORM_BASE_URLS leaves origins).
  BLUESKY_APPVIEW_URL: z.url().optional(),
  BLUESKY_PLC_URL: z.url().optional(),
  PLATFORM_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  PUBLISH_RETRY_BASE_SECONDS: z.coerce.number().int().positive().default(30),
  WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().int().positive().default(30),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  WEBHOOK_DNS_RESOLVER: z.url().default("https://cloudflare-dns.com/dns-query"),
  LIVE_MAX_CONNECTIONS_PER_EVENT: z.coerce.number().int().positive().default(5000),
  LIVE_MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().positive().default(10),
  API_KEY_RATE_LIMIT: z.coerce.number().int().positive().default(600),
  MEDIA: binding<Bindings["MEDIA"]>("MEDIA", "put"),
  ARCHIVES: binding<Bindings["ARCHIVES"]>("ARCHIVES", "put"),
  LIFECYCLE_CHUNK_ROWS: z.coerce.number().int().min(10).max(50_000).default(5000),
  PUBLIC_RATE_LIMITER: binding<Bindings["PUBLIC_RATE_LIMITER"]>("PUBLIC_RATE_LIMITER", "limit"),
  ASSETS: binding<Bindings["ASSETS"]>("ASSETS", "fetch"),
  AI: binding<Ai>("AI", "run").optional(),
  PUBLISH_QUEUE: binding<Bindings["PUBLISH_QUEUE"]>("PUBLISH_QUEUE", "send"),
  INGEST_QUEUE: binding<Bindings["INGEST_QUEUE"]>("INGEST_QUEUE", "send"),
  MEDIA_QUEUE: binding<Bindings["MEDIA_QUEUE"]>("MEDIA_QUEUE", "send"),
  METRICS_QUEUE: binding<Bindings["METRICS_QUEUE"]>("METRICS_QUEUE", "send"),
  WEBHOOKS_QUEUE: binding<Bindings["WEBHOOKS_QUEUE"]>("WEBHOOKS_QUEUE", "send"),
  LIFECYCLE_QUEUE: binding<Bindings["LIFECYCLE_QUEUE"]>("LIFECYCLE_QUEUE", "send"),
  APPROVAL_REQUEST: binding<Bindings["APPROVAL_REQUEST"]>("APPROVAL_REQUEST", "idFromName"),
  EVENT_LIVE: binding<Bindings["EVENT_LIVE"]>("EVENT_LIVE", "idFromName"),
  LOGIN_THROTTLE: binding<Bindings["LOGIN_THROTTLE"]>("LOGIN_THROTTLE", "idFromName"),
});

/** The parsed configuration: secrets as the parsed keys (`JWT_PRIVATE_KEYS.signing`, …), bindings as given. */
export type Config = z.infer<typeof configSchema>;

/** `npm run dev` and the tests: servers a caller names may be on loopback (a local Bluesky PDS). */
export const isLocalStack = (config: Config) => config.APP_ENV === "development" || config.APP_ENV === "test";

const cache = new WeakMap<object, Config>();

/** Validated configuration for these bindings (memoised). Throws `ConfigError` naming every problem. */
export function loadConfig(bindings: Bindings): Config {
  const cached = cache.get(bindings);
  if (cached) return cached;
  const parsed = configSchema.safeParse(bindings);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`invalid Worker configuration: ${problems}`);
  }
  cache.set(bindings, parsed.data);
  return parsed.data;
}
