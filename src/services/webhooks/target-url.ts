/**
 * Where a webhook may be sent: checked when an endpoint is created or its URL changed, and again before
 * every attempt (a stored URL is not trusted because it passed once). The rules are those of every
 * address a caller names (platform/public-url.ts: https, a public host name, no IP literal, no
 * loopback, private, link-local or metadata name, no credentials; loopback on the local stack), plus
 * names that spell a private IPv4 address for wildcard DNS services (`10.0.0.1.nip.io`,
 * `127-0-0-1.sslip.io`). Before every attempt the name is also resolved (DNS over HTTPS: Workers have
 * no DNS API of their own) and refused when any address it resolves to is private, loopback,
 * link-local or a metadata address; a resolver that does not answer fails the attempt (retried).
 * Redirects are never followed (send-delivery.ts).
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

/** ::, ::1, fc00::/7, fe80::/10, ff00::/8, and IPv4 mapped or translated into IPv6. */
function isPrivateIpv6(address: string): boolean {
  const lower = address.toLowerCase();
  const mapped = /^(?:::ffff:|64:ff9b::)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(lower);
  if (mapped) return isPrivateIpv4(mapped.slice(1, 5).map(Number));
  return (
    lower === "::" || lower === "::1" || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || /^ff/.test(lower)
  );
}

interface DnsAnswer {
  type: number;
  data: string;
}

/**
 * Why `host` must not be called, from what it resolves to (A and AAAA records, through the DNS-over-HTTPS
 * JSON API at `resolver`); null when every address is public. Throws when the resolver cannot answer.
 */
export async function resolvedAddressProblem(host: string, resolver: string): Promise<string | null> {
  const answers = await Promise.all(
    ["A", "AAAA"].map(async (type) => {
      const url = `${resolver}?${new URLSearchParams({ name: host, type })}`;
      const response = await fetch(url, { headers: { accept: "application/dns-json" } });
      if (!response.ok) throw new Error(`the DNS resolver answered ${response.status} for ${host}`);
      const body = (await response.json()) as { Status?: number; Answer?: DnsAnswer[] };
      return body.Answer ?? [];
    }),
  );
  for (const answer of answers.flat()) {
    const ipv4 = answer.type === 1 ? answer.data.split(".").map(Number) : null;
    if ((ipv4 && isPrivateIpv4(ipv4)) || (answer.type === 28 && isPrivateIpv6(answer.data))) {
      return `${host} resolves to a private address (${answer.data}).`;
    }
  }
  return null;
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
