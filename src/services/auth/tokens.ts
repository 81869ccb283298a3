/** Access and refresh tokens: what sign-in, refresh and sign-up hand out. */

import type { PermissionOverrides, UserRole } from "../../db/schema/users.ts";
import type { Config } from "../../env.ts";
import { signAccessToken } from "../../platform/jwt.ts";
import type { AccessWindow } from "./access.ts";

export const ACCESS_TOKEN_AUDIENCE = "guddu-api";
export const ACCESS_TOKEN_TTL_SECONDS = 900;
export const REFRESH_TOKEN_TTL_DAYS = 30;

export interface TokenPair {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
}

export const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

/** A new opaque refresh token (256 random bits) and the SHA-256 hex that is stored instead of it. */
export async function newRefreshToken(): Promise<{ token: string; hash: string }> {
  const token = `grt_${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
  return { token, hash: await hashRefreshToken(token) };
}

/** SHA-256 as hex: how opaque secrets (refresh tokens, API keys) are stored. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function hashRefreshToken(token: string): Promise<string> {
  return sha256Hex(token);
}

/**
 * 30 days, or less when the user's access ends at a fixed instant before that. An end that is an
 * event's is not a cap here: the event may move later, and every refresh reads the window anyway.
 */
export function refreshTokenExpiry(now: Date, access?: AccessWindow): Date {
  const expiry = new Date(now.getTime() + REFRESH_TOKEN_TTL_DAYS * 86_400_000);
  return access?.endsAt && !access.endsWithEvent && access.endsAt < expiry ? access.endsAt : expiry;
}

/** 15 minutes, or the seconds left of the user's access when fewer (at least 1). */
export function accessTokenLifetime(now: Date, access?: AccessWindow): number {
  if (!access?.endsAt) return ACCESS_TOKEN_TTL_SECONDS;
  const left = Math.ceil((access.endsAt.getTime() - now.getTime()) / 1000);
  return Math.max(1, Math.min(ACCESS_TOKEN_TTL_SECONDS, left));
}

/**
 * An access token for `user`; with their `access`, it carries the end of their access, the events
 * they are limited to and the access version (services/auth/access.ts), and expires by that end.
 */
export async function issueAccessToken(
  config: Config,
  user: { id: string; organizationId: string; role: UserRole; permissions: PermissionOverrides },
  options: { access?: AccessWindow; now?: Date } = {},
): Promise<string> {
  const add = user.permissions.grant ?? [];
  const remove = user.permissions.revoke ?? [];
  const { access } = options;
  const now = options.now ?? new Date();
  return signAccessToken(
    config.JWT_PRIVATE_KEYS,
    {
      sub: user.id,
      org: user.organizationId,
      role: user.role,
      ...(add.length || remove.length ? { perms: { add, remove } } : {}),
      ...(access?.endsAt ? { until: access.endsAt.getTime() / 1000 } : {}),
      ...(access?.eventIds ? { evs: access.eventIds } : {}),
      ...(access?.version ? { av: access.version } : {}),
    },
    {
      issuer: config.PUBLIC_BASE_URL,
      audience: ACCESS_TOKEN_AUDIENCE,
      ttlSeconds: accessTokenLifetime(now, access),
      now: now.getTime(),
    },
  );
}
