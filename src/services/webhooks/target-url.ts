/**
 * Where a webhook may be sent: checked when an endpoint is created or its URL changed, and again before
 * every attempt (a stored URL is not trusted because it passed once). The rules are those of every
 * address a caller names (platform/public-url.ts: https, a public host name, no IP literal, no
 * loopback, private, link-local or metadata name, no credentials; loopback on the local stack), plus
 * names that spell a private IPv4 address for wildcard DNS services (`10.0.0.1.nip.io`,
 * `127-0-0-1.sslip.io`). What a public name resolves to cannot be checked: Workers have no DNS API.
 * A Worker's fetch reaches the public internet only, and redirects are never followed (deliver.ts).
 */
import { callerUrlProblem, isLoopbackHost } from "../../platform/public-url.ts";

export const MAX_URL_LENGTH = 2048;

/** Dotted or dashed IPv4 inside a host name, as wildcard DNS services read it. */
const EMBEDDED_IPV4 = /(?:^|[.-])(\d{1,3})[.-](\d{1,3})[.-](\d{1,3})[.-](\d{1,3})(?=[.-]|$)/g;

/** 0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.0.0/24, 192.168/16, 198.18/15, 224/3. */
function isPrivateIpv4([a, b, c]: number[]): boolean {
  if (a === undefined || b === undefined || c === undefined) return false;
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 0 && c === 0) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19))
  );
}

/** Why a webhook must not be sent to `address`, as a sentence; null when it may. */
export function webhookUrlProblem(address: string, options: { allowLoopback: boolean }): string | null {
  if (address.length > MAX_URL_LENGTH) return `The address is longer than ${MAX_URL_LENGTH} characters.`;
  const problem = callerUrlProblem(address, options);
  if (problem) return problem;
  const host = new URL(address).hostname.toLowerCase();
  if (options.allowLoopback && isLoopbackHost(host)) return null;
  for (const match of host.matchAll(EMBEDDED_IPV4)) {
    const octets = match.slice(1, 5).map(Number);
    if (octets.every((o) => o <= 255) && isPrivateIpv4(octets)) {
      return `${host} names a private address (${octets.join(".")}).`;
    }
  }
  return null;
}
