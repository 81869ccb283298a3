/**
 * Altering signed tokens in tests. A signature is altered in its decoded bytes, never in its text:
 * the last base64url character of an Ed25519 signature carries only two bits, so swapping text
 * characters can decode to the very same bytes and the "altered" token would still verify.
 */

const toBytes = (text: string) =>
  Uint8Array.from(atob(text.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0));

const toText = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

/** The compact JWS `token` with one bit of its signature flipped. */
export function withAlteredSignature(token: string): string {
  const [header, payload, signature] = token.split(".");
  const bytes = toBytes(signature ?? "");
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
  return `${header}.${payload}.${toText(bytes)}`;
}
