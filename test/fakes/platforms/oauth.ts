/**
 * The OAuth pieces every fake shares: the registered clients, the authorize endpoint (which consents
 * at once, as a new user of that platform, and redirects back with a code), and code redemption with
 * client and PKCE checks.
 */
import {
  type FakeCode,
  type FakePlatform,
  type FakeRequest,
  type FakeState,
  json,
  pkceMatches,
  type Reply,
  token,
} from "./core.ts";

/** The OAuth apps the fakes know. `PLATFORM_CLIENTS` points the Worker at these in tests and dev. */
export const FAKE_CLIENTS: Record<FakePlatform, { client_id: string; client_secret: string }> = {
  x: { client_id: "fake-x-client", client_secret: "fake-x-secret" },
  facebook: { client_id: "100000000000001", client_secret: "fake-facebook-secret" },
  instagram: { client_id: "100000000000002", client_secret: "fake-instagram-secret" },
  linkedin: { client_id: "fake-linkedin-client", client_secret: "fake-linkedin-secret" },
  threads: { client_id: "100000000000003", client_secret: "fake-threads-secret" },
};

const CODE_TTL_MS = 10 * 60_000;

/**
 * `GET …authorize?response_type=code&client_id&redirect_uri&state&scope&code_challenge&code_challenge_method`:
 * consents at once as a new user and answers 302 to `redirect_uri?code=…&state=…`. With
 * `fake_user=<id>` it signs in as that existing user (to reconnect the same account).
 */
export function authorize(
  state: FakeState,
  request: FakeRequest,
  options: { pkceRequired: boolean; scopeSeparator: RegExp },
): Reply {
  const q = request.query;
  const clientId = q.get("client_id");
  const redirectUri = q.get("redirect_uri");
  if (
    clientId !== FAKE_CLIENTS[request.platform].client_id ||
    !redirectUri ||
    !/^https?:\/\//.test(redirectUri)
  ) {
    // No trustworthy redirect: the platform shows an error page instead of redirecting.
    return json(400, {
      error: "invalid_request",
      error_description: "unknown client_id or bad redirect_uri",
    });
  }
  const back = new URL(redirectUri);
  const fail = (error: string, description: string): Reply => {
    back.searchParams.set("error", error);
    back.searchParams.set("error_description", description);
    if (q.get("state")) back.searchParams.set("state", q.get("state") ?? "");
    return { status: 302, headers: { location: back.toString() } };
  };
  if (q.get("response_type") !== "code")
    return fail("unsupported_response_type", "response_type must be code");
  const challenge = q.get("code_challenge");
  const method = challenge ? (q.get("code_challenge_method") ?? "plain") : null;
  if (options.pkceRequired && !challenge) return fail("invalid_request", "code_challenge is required");
  if (method && method !== "S256" && method !== "plain")
    return fail("invalid_request", "bad code_challenge_method");
  const existing = q.get("fake_user");
  const user = (existing && state.user(request.platform, existing)) || state.createUser(request.platform);
  const code: FakeCode = {
    value: token("fake-code-"),
    platform: request.platform,
    clientId,
    redirectUri,
    userId: user.id,
    scopes: (q.get("scope") ?? "").split(options.scopeSeparator).filter(Boolean),
    challenge,
    challengeMethod: method,
    expiresAt: Date.now() + CODE_TTL_MS,
    used: false,
  };
  state.codes.set(code.value, code);
  back.searchParams.set("code", code.value);
  if (q.get("state") !== null) back.searchParams.set("state", q.get("state") ?? "");
  return { status: 302, headers: { location: back.toString() } };
}

export type Redeemed =
  | FakeCode
  | { error: "invalid_client" | "invalid_grant" | "invalid_request"; description: string };

/** Checks the client, the code (single use, unexpired, same redirect URI) and the PKCE verifier. */
export function redeemCode(
  state: FakeState,
  platform: FakePlatform,
  given: {
    code: string | null;
    clientId: string | null;
    clientSecret: string | null;
    redirectUri: string | null;
    verifier: string | null;
  },
): Redeemed {
  const client = FAKE_CLIENTS[platform];
  if (given.clientId !== client.client_id || given.clientSecret !== client.client_secret) {
    return { error: "invalid_client", description: "Client authentication failed" };
  }
  if (!given.code) return { error: "invalid_request", description: "Missing required parameter [code]" };
  const code = state.codes.get(given.code);
  if (!code || code.platform !== platform || code.clientId !== given.clientId) {
    return { error: "invalid_grant", description: "Invalid authorization code" };
  }
  if (code.used) return { error: "invalid_grant", description: "Authorization code has already been used" };
  if (code.expiresAt <= Date.now())
    return { error: "invalid_grant", description: "Authorization code expired" };
  if (code.redirectUri !== given.redirectUri)
    return { error: "invalid_grant", description: "redirect_uri does not match" };
  if (code.challenge) {
    if (!given.verifier) return { error: "invalid_request", description: "Missing code_verifier" };
    if (!pkceMatches(given.verifier, code.challenge, code.challengeMethod)) {
      return { error: "invalid_grant", description: "code_verifier does not match the code_challenge" };
    }
  }
  code.used = true;
  return code;
}

/** `Authorization: Basic base64(id:secret)` → [id, secret]. */
export function basicCredentials(header: string | undefined): [string, string] | null {
  const match = /^Basic\s+(.+)$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const at = decoded.indexOf(":");
  return at < 0 ? null : [decoded.slice(0, at), decoded.slice(at + 1)];
}
