import { relations } from "drizzle-orm";
import { type AnyPgColumn, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

/**
 * Opaque refresh tokens, stored hashed and rotated on every use. Every token of one sign-in shares a
 * `familyId`; presenting a spent one (revoked or replaced) revokes the whole family.
 */
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** SHA-256 of the token (hex); the token itself is never stored. */
    tokenHash: text().notNull(),
    familyId: uuid().notNull(),
    expiresAt: timestamptz().notNull(),
    revokedAt: timestamptz(),
    /** The token this one was rotated into. */
    replacedBy: uuid().references((): AnyPgColumn => refreshTokens.id, { onDelete: "set null" }),
    userAgent: text(),
    ipAddress: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("refresh_tokens_token_hash_key").on(t.tokenHash),
    index("refresh_tokens_organization_id_idx").on(t.organizationId),
    index("refresh_tokens_user_id_idx").on(t.userId),
    index("refresh_tokens_family_id_idx").on(t.familyId),
    index("refresh_tokens_replaced_by_idx").on(t.replacedBy),
    index("refresh_tokens_expires_at_idx").on(t.expiresAt),
  ],
);

export const refreshTokensRelations = relations(refreshTokens, ({ one }) => ({
  organization: one(organizations, {
    fields: [refreshTokens.organizationId],
    references: [organizations.id],
  }),
  user: one(users, { fields: [refreshTokens.userId], references: [users.id] }),
}));

export type RefreshToken = typeof refreshTokens.$inferSelect;
export type NewRefreshToken = typeof refreshTokens.$inferInsert;
