/**
 * What the Meta fakes (Facebook Pages, Instagram, Threads) share (docs/platform-contracts.md, Meta Graph API):
 * Graph error bodies and codes, usage headers on throttling, the token taken from `access_token` or a
 * bearer header, the request context every Graph route starts from, and the token endpoints of
 * Instagram and Threads (code exchange, long-lived tokens and their refresh).
 */
import { randomBytes } from "node:crypto";
import {
  accepted,
  bearer,
  type FakeCode,
  type FakePlatform,
  type FakeRequest,
  type FakeState,
  type FakeToken,
  type Fault,
  json,
  type Operation,
  params,
  type Reply,
  rejects,
  text,
} from "../core.ts";
import { FAKE_CLIENTS, redeemCode } from "../oauth.ts";

export function graphError(
  code: number,
  message: string,
  options: {
    subcode?: number;
    status?: number;
    type?: string;
    transient?: boolean;
    headers?: Record<string, string>;
  } = {},
): Reply {
  return json(
    options.status ?? 400,
    {
      error: {
        message,
        type: options.type ?? "OAuthException",
        code,
        ...(options.subcode ? { error_subcode: options.subcode } : {}),
        ...(options.transient ? { is_transient: true } : {}),
        fbtrace_id: randomBytes(8).toString("base64url"),
      },
    },
    options.headers ?? {},
  );
}

export const invalidToken = () => graphError(190, "Invalid OAuth access token - Cannot parse access token");
export const expiredToken = () =>
  graphError(190, `Error validating access token: Session has expired on ${new Date().toUTCString()}.`, {
    subcode: 463,
  });
export const missingParam = (message: string) => graphError(100, `(#100) ${message}`);

/** Graph's answer for an object that does not exist or is not the caller's. */
export const unsupportedObject = (id: string, verb = "get") =>
  graphError(
    100,
    `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    { subcode: 33, type: "GraphMethodException" },
  );

/** Business-use-case usage saying access returns in `minutes`. */
const bucHeader = (objectId: string, type: string, minutes: number) => ({
  "x-business-use-case-usage": JSON.stringify({
    [objectId]: [
      { type, call_count: 100, total_cputime: 40, total_time: 60, estimated_time_to_regain_access: minutes },
    ],
  }),
});

/** The Graph answer to an injected fault (null for faults that do not reject). */
export function metaFaultReply(
  platform: FakePlatform,
  fault: Fault,
  operation: Operation,
  objectId: string,
): Reply | null {
  switch (fault) {
    case "rate_limit":
      if (platform === "facebook") {
        return graphError(32, "Page request limit reached", { headers: bucHeader(objectId, "pages", 5) });
      }
      if (platform === "instagram" && operation === "publish") {
        return graphError(9, "Application request limit reached", {
          subcode: 2207042,
          headers: bucHeader(objectId, "instagram", 60),
        });
      }
      return graphError(4, "(#4) Application request limit reached", {
        headers: { "x-app-usage": JSON.stringify({ call_count: 100, total_time: 35, total_cputime: 30 }) },
      });
    case "server_error":
      return graphError(2, "An unexpected error has occurred. Please retry your request later.", {
        status: 500,
        transient: true,
      });
    case "expired_token":
      return expiredToken();
    case "duplicate":
      return graphError(506, "(#506) Duplicate status message");
    default:
      return null;
  }
}

export const isReply = (value: unknown): value is Reply =>
  value === "hang" || value === "drop" || (typeof value === "object" && value !== null && "status" in value);

/** A Graph request whose token checked out: who it acts for, its parameters, and its fault. */
export interface GraphRequest {
  me: FakeToken;
  /** Query, form and JSON parameters as one map. */
  p: Record<string, unknown>;
  /**
   * The fault this `operation` suffers, if any, and the Graph answer when it rejects; `objectId`
   * (default: the caller) is what usage headers name.
   */
  fault(operation: Operation, objectId?: string): { f: Fault | null; reject: Reply | null };
}

/** The token from `access_token` or `Authorization: Bearer`, checked: the request context, or the refusal. */
export function graphRequest(
  state: FakeState,
  request: FakeRequest,
  platform: FakePlatform,
): GraphRequest | Reply {
  const p = params(request);
  const found = state.access(platform, text(p.access_token) ?? bearer(request));
  if (found === "invalid") return invalidToken();
  if (found === "expired") return expiredToken();
  const me = found;
  // A Facebook Page token acts for its user and its Page: faults scoped to either strike it.
  const accounts = [me.userId, ...(me.pageId ? [me.pageId] : [])];
  return {
    me,
    p,
    fault(operation, objectId = me.userId) {
      const f = state.takeFault(platform, operation, accounts);
      return { f, reject: f && rejects(f) ? metaFaultReply(platform, f, operation, objectId) : null };
    },
  };
}

/**
 * `{data:[{name, period, values:[{value}], title, description, id}]}` for the metrics asked, each
 * from `values`; a metric that is not among them is refused with Graph's invalid-metric error (the
 * whole request fails, as Graph does), naming the valid ones.
 */
export function insights(postId: string, metrics: string[], values: Record<string, number>): Reply {
  const unknown = metrics.find((name) => !(name in values));
  if (unknown !== undefined || metrics.length === 0) {
    return graphError(
      100,
      `(#100) metric[${Math.max(0, metrics.indexOf(unknown ?? ""))}] must be one of the following values: ${Object.keys(values).join(", ")}`,
    );
  }
  return json(200, {
    data: metrics.map((name) => ({
      name,
      period: "lifetime",
      values: [{ value: values[name] ?? 0 }],
      title: name,
      description: `${name} (fake)`,
      id: `${postId}/insights/${name}/lifetime`,
    })),
  });
}

/** Instagram and Threads: where the token endpoints live and how each refuses a bad code exchange. */
export interface LoginDialect {
  platform: "instagram" | "threads";
  /** `ig` or `th`: the grant types are `<prefix>_exchange_token` and `<prefix>_refresh_token`. */
  prefix: "ig" | "th";
  /** The answer to a wrong grant type, a wrong client, or a bad code. */
  refuse(reason: "grant_type" | "invalid_client" | "invalid_code", description: string): Reply;
  /** The body of a successful code exchange. */
  exchanged(token: FakeToken, code: FakeCode): Record<string, unknown>;
}

const SHORT_LIVED_SECONDS = 3600;
const LONG_LIVED_SECONDS = 5_184_000;
const REFRESHABLE_AFTER_MS = 24 * 3_600_000;

/** `POST /oauth/access_token` (form) → a short-lived (1 h) token. */
export function exchangeCode(state: FakeState, request: FakeRequest, dialect: LoginDialect): Reply {
  const { platform } = dialect;
  const form = new URLSearchParams(request.body.toString("utf8"));
  const code = state.codes.get(form.get("code") ?? "");
  const f = state.takeFault(platform, "token", code ? [code.userId] : []);
  if (f && rejects(f))
    return metaFaultReply(platform, f, "token", code?.userId ?? "0") ?? graphError(1, "error");
  if (form.get("grant_type") !== "authorization_code")
    return dialect.refuse("grant_type", "Invalid grant_type");
  const redeemed = redeemCode(state, platform, {
    code: form.get("code"),
    clientId: form.get("client_id"),
    clientSecret: form.get("client_secret"),
    redirectUri: form.get("redirect_uri"),
    verifier: form.get("code_verifier"),
  });
  if ("error" in redeemed) {
    return dialect.refuse(
      redeemed.error === "invalid_client" ? "invalid_client" : "invalid_code",
      redeemed.description,
    );
  }
  const issued = state.issue(platform, redeemed.userId, "access", SHORT_LIVED_SECONDS, redeemed.scopes);
  return accepted(f, json(200, dialect.exchanged(issued, redeemed)));
}

/**
 * Long-lived tokens: `GET /access_token?grant_type=<prefix>_exchange_token&client_secret&access_token`
 * (short → 60 days) and `GET /refresh_access_token?grant_type=<prefix>_refresh_token&access_token` (a
 * long-lived token at least 24 h old and unexpired → a new 60-day one). Null for other requests.
 */
export function longLivedTokens(state: FakeState, request: FakeRequest, dialect: LoginDialect): Reply | null {
  const { platform, prefix } = dialect;
  const q = request.query;
  const exchange = request.path === "/access_token";
  if (!(exchange || request.path === "/refresh_access_token") || request.method !== "GET") return null;
  const current = state.access(platform, q.get("access_token"));
  if (current === "invalid") return invalidToken();
  if (current === "expired") return expiredToken();
  const fault = state.takeFault(platform, "token", [current.userId]);
  if (fault && rejects(fault)) return metaFaultReply(platform, fault, "token", current.userId);
  if (exchange) {
    if (q.get("grant_type") !== `${prefix}_exchange_token`)
      return missingParam(`grant_type must be ${prefix}_exchange_token`);
    if (q.get("client_secret") !== FAKE_CLIENTS[platform].client_secret)
      return graphError(101, "Error validating client secret.");
  } else {
    if (q.get("grant_type") !== `${prefix}_refresh_token`)
      return missingParam(`grant_type must be ${prefix}_refresh_token`);
    if (
      current.expiresAt === null ||
      current.expiresAt - current.issuedAt < LONG_LIVED_SECONDS * 1000 - 60_000
    ) {
      return missingParam("only long-lived tokens can be refreshed");
    }
    if (Date.now() - current.issuedAt < REFRESHABLE_AFTER_MS) {
      return missingParam("the token must be at least 24 hours old to be refreshed");
    }
  }
  const issued = state.issue(platform, current.userId, "access", LONG_LIVED_SECONDS, current.scopes);
  return accepted(
    fault,
    json(200, { access_token: issued.value, token_type: "bearer", expires_in: LONG_LIVED_SECONDS }),
  );
}
