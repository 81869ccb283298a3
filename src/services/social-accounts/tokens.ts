/**
 * Platform tokens at rest: each sealed on its own (AES-256-GCM, the current key, the account row's id
 * as additional data), so a sealed value copied onto another account does not open there. Only this
 * folder opens them; nothing outside it ever sees a plaintext token.
 */
import type { SocialAccount } from "../../db/schema/social-accounts.ts";
import { type Keyring, needsReseal, open, seal } from "../../platform/secret-box.ts";
import type { ConnectedAccount, TokenSet } from "../../platform/social/types.ts";

export interface SealedTokens {
  accessToken: string;
  refreshToken: string | null;
  tokenExpiresAt: Date | null;
}

/** The columns to write for `tokens` on the row `rowId` (choose the id before inserting). */
export async function sealTokens(keyring: Keyring, rowId: string, tokens: TokenSet): Promise<SealedTokens> {
  return {
    accessToken: await seal(keyring, tokens.accessToken, rowId),
    refreshToken: tokens.refreshToken === null ? null : await seal(keyring, tokens.refreshToken, rowId),
    tokenExpiresAt: tokens.expiresAt,
  };
}

type TokenColumns = Pick<SocialAccount, "id" | "accessToken" | "refreshToken" | "tokenExpiresAt">;

export async function openTokens(keyring: Keyring, row: TokenColumns): Promise<TokenSet> {
  return {
    accessToken: await open(keyring, row.accessToken, row.id),
    refreshToken: row.refreshToken === null ? null : await open(keyring, row.refreshToken, row.id),
    expiresAt: row.tokenExpiresAt,
  };
}

/** True when a token of the row was sealed with another key than the current one (a rotation). */
export function tokensNeedReseal(keyring: Keyring, row: TokenColumns): boolean {
  return (
    needsReseal(keyring, row.accessToken) ||
    (row.refreshToken !== null && needsReseal(keyring, row.refreshToken))
  );
}

/** The account as an adapter takes it: who it is, and its opened tokens. */
export async function connectedAccountOf(keyring: Keyring, row: SocialAccount): Promise<ConnectedAccount> {
  return {
    platformUserId: row.platformUserId,
    username: row.username,
    metadata: row.metadata,
    tokens: await openTokens(keyring, row),
  };
}
