import { relations, sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { lifecycleColumns } from "./columns.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

export const contentTemplates = pgTable(
  "content_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    contentType: text().notNull(),
    templateData: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    thumbnailUrl: text(),
    usageCount: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...lifecycleColumns(),
  },
  (t) => [
    index("content_templates_organization_id_idx").on(t.organizationId),
    index("content_templates_created_by_idx").on(t.createdBy),
    check("content_templates_usage_count_check", sql`${t.usageCount} >= 0`),
  ],
);

export const contentTemplatesRelations = relations(contentTemplates, ({ one }) => ({
  organization: one(organizations, {
    fields: [contentTemplates.organizationId],
    references: [organizations.id],
  }),
  creator: one(users, { fields: [contentTemplates.createdBy], references: [users.id] }),
}));

export type ContentTemplate = typeof contentTemplates.$inferSelect;
export type NewContentTemplate = typeof contentTemplates.$inferInsert;
