/**
 * HMAC-SHA256 for webhook signatures and challenges. Verification goes through
 * `crypto.subtle.verify`, which compares in constant time, so a signature is never compared as a string.
 */
import { decodeBase64, encodeBase64 } from "hono/utils/encode";

const encoder = new TextEncoder();

/** Imported keys by usage and secret: every delivery is verified with the same few secrets. */
const keys = new Map<string, Promise<CryptoKey>>();
const MAX_KEYS = 64;

function hmacKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  const id = `${usage}:${secret}`;
  let key = keys.get(id);
  if (!key) {
    if (keys.size >= MAX_KEYS) keys.clear();
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      usage,
    ]);
    keys.set(id, key);
  }
  return key;
}

const bytesOf = (data: ArrayBuffer | Uint8Array | string): Uint8Array =>
  typeof data === "string" ? encoder.encode(data) : data instanceof Uint8Array ? data : new Uint8Array(data);

export async function hmacSha256(
  secret: string,
  data: ArrayBuffer | Uint8Array | string,
): Promise<Uint8Array> {
  const key = await hmacKey(secret, "sign");
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, bytesOf(data)));
}

/** True when `signature` is HMAC-SHA256(secret, data). */
export async function hmacVerify(
  secret: string,
  data: ArrayBuffer | Uint8Array | string,
  signature: Uint8Array | null,
): Promise<boolean> {
  if (signature?.length !== 32) return false;
  const key = await hmacKey(secret, "verify");
  return crypto.subtle.verify("HMAC", key, signature, bytesOf(data));
}

export const toHex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

export const toBase64 = (bytes: Uint8Array) => encodeBase64(bytes.buffer as ArrayBuffer);

/** Hex to bytes; null when it is not hex. */
export function fromHex(hex: string): Uint8Array | null {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex)) return null;
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

/** Base64 to bytes; null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  try {
    return decodeBase64(text);
  } catch {
    return null;
  }
}

/** The part after `prefix` (case-insensitive), or null. */
export function afterPrefix(value: string | null, prefix: string): string | null {
  if (!value || value.length <= prefix.length) return null;
  return value.slice(0, prefix.length).toLowerCase() === prefix ? value.slice(prefix.length) : null;
}

/** Meta (Facebook, Instagram, Threads): `X-Hub-Signature-256: sha256=<hex HMAC(app secret, raw body)>`. */
export async function verifyMetaSignature(headers: Headers, rawBody: ArrayBuffer, secret: string) {
  const hex = afterPrefix(headers.get("x-hub-signature-256"), "sha256=");
  return hmacVerify(secret, rawBody, hex ? fromHex(hex) : null);
}

/** A JSON answer to a webhook challenge. */
export const jsonAnswer = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/**
 * Meta's subscription check (`hub.mode=subscribe&hub.challenge=…&hub.verify_token=…`): the raw
 * challenge when the verify token matches, else 403; null when the query is not a challenge.
 */
export async function answerMetaChallenge(
  query: URLSearchParams,
  verifyToken: string,
): Promise<Response | null> {
  const challenge = query.get("hub.challenge");
  if (query.get("hub.mode") !== "subscribe" || challenge === null) return null;
  const given = query.get("hub.verify_token") ?? "";
  // HMAC(token, given) checked against HMAC(token, token): a constant-time comparison of the two.
  const matches = await hmacVerify(verifyToken, given, await hmacSha256(verifyToken, verifyToken));
  return matches
    ? new Response(challenge, { status: 200, headers: { "content-type": "text/plain" } })
    : new Response("forbidden", { status: 403 });
}
