/** LinkedIn's webhook signature and `challengeCode` validation (docs/platform-contracts.md, LinkedIn › Webhooks). */
import { afterPrefix, fromHex, hmacSha256, hmacVerify, jsonAnswer, toHex } from "../signatures.ts";

/**
 * `X-LI-Signature`, computed with the client secret. The docs read both ways: hex HMAC over
 * "hmacsha256=" + body, or "hmacsha256=" + hex HMAC over the body; either is accepted.
 */
export async function verifyLinkedInSignature(
  headers: Headers,
  rawBody: ArrayBuffer,
  secret: string,
): Promise<boolean> {
  const header = headers.get("x-li-signature");
  if (!header) return false;
  const body = new Uint8Array(rawBody);
  const prefixed = new Uint8Array([...new TextEncoder().encode("hmacsha256="), ...body]);
  const bare = afterPrefix(header, "hmacsha256=");
  const [literal, prefixedHeader] = await Promise.all([
    hmacVerify(secret, prefixed, fromHex(header)),
    hmacVerify(secret, body, bare ? fromHex(bare) : null),
  ]);
  return literal || prefixedHeader;
}

/** `?challengeCode=…` → `{challengeCode, challengeResponse: hex HMAC(client secret, challengeCode)}`. */
export async function answerLinkedInChallenge(
  query: URLSearchParams,
  secret: string,
): Promise<Response | null> {
  const challengeCode = query.get("challengeCode");
  if (challengeCode === null) return null;
  return jsonAnswer({ challengeCode, challengeResponse: toHex(await hmacSha256(secret, challengeCode)) });
}
