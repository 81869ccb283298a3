/** X's webhook signature and CRC check (Account Activity API): both HMAC-SHA256 with the consumer secret. */
import { afterPrefix, fromBase64, hmacSha256, hmacVerify, jsonAnswer, toBase64 } from "../signatures.ts";

/** `x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256(consumer secret, raw body)>`. */
export async function verifyXSignature(
  headers: Headers,
  rawBody: ArrayBuffer,
  secret: string,
): Promise<boolean> {
  const signature = afterPrefix(headers.get("x-twitter-webhooks-signature"), "sha256=");
  return hmacVerify(secret, rawBody, signature ? fromBase64(signature) : null);
}

/** `?crc_token=…` → `{response_token: "sha256=" + base64 HMAC(consumer secret, crc_token)}`. */
export async function answerXCrc(query: URLSearchParams, secret: string): Promise<Response | null> {
  const crc = query.get("crc_token");
  if (crc === null) return null;
  return jsonAnswer({ response_token: `sha256=${toBase64(await hmacSha256(secret, crc))}` });
}
