/**
 * The guard on every address a caller chooses and the Worker then calls (a Bluesky PDS given as
 * `service`, one named by a DID document, a did:web host): https with a public host name, so a
 * request cannot be aimed at loopback, private networks, link-local or cloud metadata addresses.
 * IP literals are refused whole rather than sorted into public and private ranges: a PDS has a name.
 * What a name resolves to is not checked here (Workers have no DNS API); a Worker's fetch reaches
 * only the public internet. The local stack (APP_ENV development or test) may also use loopback.
 */

/** Names that never lead to a public server (RFC 6761, 6762, 8375, 9476; common private suffixes). */
const PRIVATE_SUFFIXES = [
  "localhost",
  "local",
  "internal",
  "arpa",
  "test",
  "example",
  "invalid",
  "onion",
  "alt",
  "lan",
  "home",
  "corp",
  "intranet",
  "private",
];

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

export interface CallerUrlOptions {
  /** The local stack: http or https to loopback (localhost, 127.0.0.0/8, [::1]) is allowed too. */
  allowLoopback: boolean;
}

export const isLoopbackHost = (hostname: string) => LOOPBACK_HOSTS.test(hostname);

/** Why the Worker must not call `address` for a caller, as a sentence; null when it may. */
export function callerUrlProblem(address: string, options: CallerUrlOptions): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return `${address} is not a URL.`;
  }
  if (url.username || url.password) return "The address must not carry a user name or password.";
  const host = url.hostname.toLowerCase();
  if (options.allowLoopback && isLoopbackHost(host) && /^https?:$/.test(url.protocol)) return null;
  if (url.protocol !== "https:") return "The address must start with https://.";
  // URL has already turned every IPv4 spelling (0x7f.1, 2130706433 …) into dotted decimal.
  if (/^\d+(\.\d+){3}$/.test(host) || host.startsWith("[")) {
    return "The address must name a host, not an IP address.";
  }
  const labels = host.replace(/\.$/, "").split(".");
  if (labels.length < 2 || PRIVATE_SUFFIXES.includes(labels.at(-1) ?? "")) {
    return `${host} is not a public host name.`;
  }
  return null;
}
