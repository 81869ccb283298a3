/**
 * Platform webhooks, as they arrive: the subscription checks the platforms make before they deliver,
 * and deliveries verified over their raw bytes and handed to the `guddu-ingest` queue. Nothing here
 * touches the database, so a burst of deliveries never waits on it and the platforms' answer windows
 * (3 seconds for LinkedIn's check; X and Meta retry slow answers) always hold.
 *
 * Secrets come from `WEBHOOK_SECRETS` (src/env.ts): per platform one or two `secrets` (the app or
 * consumer or client secret the platform signs with; during a rotation both verify) and, for Meta's
 * and Threads' check, the `verify_token` typed into the app dashboard.
 */
import type { Config } from "../../env.ts";
import { BadRequestError, ForbiddenError, NotFoundError, UnauthorizedError } from "../../errors.ts";
import { adapterFor } from "../../platform/social/registry.ts";
import { toHex } from "../../platform/social/signatures.ts";
import type { IngestMessage } from "../../queues/ingest/message.ts";

/** The platforms that deliver webhooks (Bluesky has none: it is listened to instead). */
export const WEBHOOK_PLATFORMS = ["facebook", "instagram", "threads", "x", "linkedin"] as const;
export type WebhookPlatform = (typeof WEBHOOK_PLATFORMS)[number];

/** Cloudflare Queues take messages of at most 128 KB; this leaves room for the envelope. */
export const MAX_WEBHOOK_BODY_BYTES = 120_000;

/** Meta and Threads check with a verify token of ours; X and LinkedIn with the signing secret. */
const CHECKED_WITH_VERIFY_TOKEN: ReadonlySet<WebhookPlatform> = new Set(["facebook", "instagram", "threads"]);

function secretsOf(config: Config, platform: WebhookPlatform) {
  const configured = config.WEBHOOK_SECRETS[platform];
  if (!configured) {
    throw new NotFoundError("webhook_not_configured", `Webhooks from ${platform} are not set up here.`);
  }
  return configured;
}

/** The answer to a platform's subscription check (Meta `hub.challenge`, X `crc_token`, LinkedIn `challengeCode`). */
export async function answerWebhookCheck(
  config: Config,
  platform: WebhookPlatform,
  query: URLSearchParams,
): Promise<{ body: string; contentType: string }> {
  const { secrets, verify_token } = secretsOf(config, platform);
  const byVerifyToken = CHECKED_WITH_VERIFY_TOKEN.has(platform);
  const secret = byVerifyToken ? verify_token : secrets[0];
  if (!secret) {
    throw new NotFoundError("webhook_not_configured", `No verify token is set for ${platform} webhooks.`);
  }
  const answer = await adapterFor(platform, config).answerWebhookChallenge?.(query, secret);
  if (!answer) throw new BadRequestError("webhook_check_invalid", `This is not a ${platform} webhook check.`);
  if (answer.status === 403) {
    throw new ForbiddenError("webhook_verify_token_mismatch", "The verify token does not match ours.");
  }
  return { body: await answer.text(), contentType: answer.headers.get("content-type") ?? "text/plain" };
}

/**
 * A delivery: its signature checked against each configured secret (any may match, so secrets rotate
 * without downtime), its body parsed, then one queue send. Refused deliveries are never queued.
 * The delivery id is the SHA-256 of the raw bytes, so a redelivery of the same bytes has the same id.
 */
export async function acceptWebhookDelivery(
  config: Config,
  platform: WebhookPlatform,
  delivery: { headers: Headers; body: ArrayBuffer; receivedAt: Date },
): Promise<{ deliveryId: string }> {
  const { secrets } = secretsOf(config, platform);
  const adapter = adapterFor(platform, config);
  const verified = await Promise.all(
    secrets.map((secret) => adapter.verifyWebhook(delivery.headers, delivery.body, secret)),
  );
  if (!verified.includes(true)) {
    throw new UnauthorizedError("webhook_signature_invalid", "The delivery's signature does not verify.");
  }
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder().decode(delivery.body));
  } catch {
    throw new BadRequestError("malformed_json", "The delivery is not valid JSON.");
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new BadRequestError("webhook_payload_invalid", "A delivery is a JSON object.");
  }
  const deliveryId = toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", delivery.body)));
  const message: IngestMessage = {
    type: "delivery",
    platform,
    delivery_id: deliveryId,
    received_at: delivery.receivedAt.toISOString(),
    payload,
  };
  await config.INGEST_QUEUE.send(message, { contentType: "json" });
  return { deliveryId };
}
