/**
 * Signing outbound webhooks as the Standard Webhooks specification says: a secret is `whsec_` and the
 * base64 of random bytes (the HMAC key is those bytes), and a delivery carries `webhook-id`,
 * `webhook-timestamp` (Unix seconds) and `webhook-signature`: `v1,` and the base64 HMAC-SHA256 of
 * `{id}.{timestamp}.{body}`, one such entry per valid secret separated by spaces (two while a rotated
 * secret is still valid). WebCrypto only: the spec's own package is for receivers to verify with.
 */
import { decodeBase64, encodeBase64 } from "hono/utils/encode";

export const SECRET_PREFIX = "whsec_";
/** The spec asks for 24 to 64 bytes. */
const SECRET_BYTES = 32;
const encoder = new TextEncoder();

/** A new signing secret, `whsec_<base64 of 32 random bytes>`. */
export function generateWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(SECRET_BYTES));
  return `${SECRET_PREFIX}${encodeBase64(bytes.buffer)}`;
}

function keyBytes(secret: string): Uint8Array {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error("a webhook secret starts with whsec_");
  return decodeBase64(secret.slice(SECRET_PREFIX.length));
}

/** `v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")>` for one secret. */
export async function signatureOf(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    keyBytes(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(`${id}.${timestamp}.${body}`));
  return `v1,${encodeBase64(mac)}`;
}

/** The three headers of one delivery attempt, signed with every secret given (current first). */
export async function signedHeaders(
  secrets: readonly string[],
  id: string,
  at: Date,
  body: string,
): Promise<Record<string, string>> {
  const timestamp = Math.floor(at.getTime() / 1000);
  const signatures = await Promise.all(secrets.map((secret) => signatureOf(secret, id, timestamp, body)));
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signatures.join(" "),
  };
}
