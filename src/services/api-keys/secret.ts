/**
 * The secret of an API key: `gk_live_` and 32 random bytes (base64url), 51 characters. 256 random
 * bits need no slow hash: the SHA-256 of the whole key is what is stored and looked up, and its
 * first 16 characters (`gk_live_` and 8 more) are the prefix people recognise it by.
 */
import { constantTimeEqual } from "../../platform/passwords.ts";
import { base64url, sha256Hex } from "../auth/tokens.ts";

export const API_KEY_PREFIX = "gk_live_";
const PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
const KEY_SHAPE = /^gk_live_[A-Za-z0-9_-]{43}$/;

/** A bearer token meant as an API key (`gk_…`), well formed or not: never checked as a JWT. */
export const isApiKeyToken = (token: string) => token.startsWith("gk_");

export const isWellFormedApiKey = (token: string) => KEY_SHAPE.test(token);

export interface NewApiKey {
  /** Shown once, in the answer that creates it. */
  key: string;
  prefix: string;
  hash: string;
}

export async function newApiKey(): Promise<NewApiKey> {
  const key = `${API_KEY_PREFIX}${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
  return { key, prefix: key.slice(0, PREFIX_LENGTH), hash: await hashApiKey(key) };
}

export const hashApiKey = (key: string): Promise<string> => sha256Hex(key);

/** The stored hash against the presented key's, in constant time. */
export function sameHash(stored: string, presented: string): boolean {
  const encoder = new TextEncoder();
  return constantTimeEqual(encoder.encode(stored), encoder.encode(presented));
}
