/**
 * The only reader of bindings and vars. Everything is validated once per bindings object (an isolate
 * sees the same object for its lifetime), so a misconfigured deployment fails loudly on its first
 * request with a clear message instead of deep inside a handler.
 */
import { z } from "zod";
import { PLATFORMS, type Platform } from "./db/schema/columns.ts";
import type { ApprovalRequest } from "./durable-objects/approval-request/object.ts";
import type { EventLive } from "./durable-objects/event-live/object.ts";
import type { LoginThrottle } from "./durable-objects/login-throttle/object.ts";
import type { IngestMessage } from "./queues/ingest/message.ts";
import type { MediaMessage } from "./queues/media/message.ts";
import type { PublishMessage } from "./queues/publish/message.ts";

/** What wrangler.toml (and `wrangler secret put`) gives the Worker. */
export interface Bindings {
  APP_ENV: string;
  LOG_LEVEL?: string;
  PUBLIC_BASE_URL: string;
  MAX_JSON_BODY_BYTES?: string;
  DATABASE_URL: string;
  /** Local only: `host:port` of the local Neon proxy (scripts/lib/neon-proxy.ts). */
  NEON_LOCAL_PROXY?: string;
  JWT_PRIVATE_KEYS: string;
  TOKEN_ENCRYPTION_KEYS: string;
  WEBHOOK_SECRETS?: string;
  /** JSON `{platform: origin}` overriding a platform's API origin (local fakes, a self-hosted PDS). */
  PLATFORM_BASE_URLS?: string;
  /** JSON `{platform: {client_id, client_secret}}`: the OAuth apps registered with each platform. */
  PLATFORM_CLIENTS?: string;
  /** How long a call to a platform may take before its outcome counts as uncertain (ms). */
  PLATFORM_TIMEOUT_MS?: string;
  /** First retry delay of a failed publish, doubled per attempt (seconds). */
  PUBLISH_RETRY_BASE_SECONDS?: string;
  MEDIA: R2Bucket;
  PUBLISH_QUEUE: Queue<PublishMessage>;
  INGEST_QUEUE: Queue<IngestMessage>;
  MEDIA_QUEUE: Queue<MediaMessage>;
  APPROVAL_REQUEST: DurableObjectNamespace<ApprovalRequest>;
  EVENT_LIVE: DurableObjectNamespace<EventLive>;
  LOGIN_THROTTLE: DurableObjectNamespace<LoginThrottle>;
}

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {}
    interface GlobalProps {
      mainModule: typeof import("./index.ts");
      durableNamespaces: "ApprovalRequest" | "EventLive" | "LoginThrottle";
    }
  }
}

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

const configSchema = z.object({
  APP_ENV: z.enum(["production", "staging", "development", "test"]),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  PUBLIC_BASE_URL: z.url(),
  MAX_JSON_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "DATABASE_URL must be a postgres:// connection string"),
  NEON_LOCAL_PROXY: z
    .string()
    .regex(/^[\w.-]+:\d+$/, "NEON_LOCAL_PROXY must be host:port")
    .optional(),
  JWT_PRIVATE_KEYS: z.string().min(1, "JWT_PRIVATE_KEYS is required (a JSON array of private JWKs)"),
  TOKEN_ENCRYPTION_KEYS: z.string().min(1, "TOKEN_ENCRYPTION_KEYS is required (JSON {kid: base64 key})"),
  WEBHOOK_SECRETS: z.string().optional(),
  PLATFORM_BASE_URLS: jsonRecord(z.url(), "PLATFORM_BASE_URLS must be JSON {platform: url}"),
  PLATFORM_CLIENTS: jsonRecord(
    z.strictObject({ client_id: z.string().min(1), client_secret: z.string().min(1).nullable().optional() }),
    "PLATFORM_CLIENTS must be JSON {platform: {client_id, client_secret}}",
  ),
  PLATFORM_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  PUBLISH_RETRY_BASE_SECONDS: z.coerce.number().int().positive().default(30),
  MEDIA: binding<R2Bucket>("MEDIA", "put"),
  PUBLISH_QUEUE: binding<Queue<PublishMessage>>("PUBLISH_QUEUE", "send"),
  INGEST_QUEUE: binding<Queue<IngestMessage>>("INGEST_QUEUE", "send"),
  MEDIA_QUEUE: binding<Queue<MediaMessage>>("MEDIA_QUEUE", "send"),
  APPROVAL_REQUEST: binding<DurableObjectNamespace<ApprovalRequest>>("APPROVAL_REQUEST", "idFromName"),
  EVENT_LIVE: binding<DurableObjectNamespace<EventLive>>("EVENT_LIVE", "idFromName"),
  LOGIN_THROTTLE: binding<DurableObjectNamespace<LoginThrottle>>("LOGIN_THROTTLE", "idFromName"),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

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
