import { relations, sql } from "drizzle-orm";
import { check, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { approvalWorkflows } from "./approval-workflows.ts";
import { auditLogs } from "./audit-logs.ts";
import { campaigns } from "./campaigns.ts";
import { lifecycleColumns, sqlList } from "./columns.ts";
import { content } from "./content.ts";
import { contentTemplates } from "./content-templates.ts";
import { events } from "./events.ts";
import { mediaAssets } from "./media-assets.ts";
import { socialAccounts } from "./social-accounts.ts";
import { users } from "./users.ts";

/** `closing`: its owner asked to close it; frozen for the grace period, then purged (README, "Closing an organisation"). */
export const ORGANIZATION_STATUSES = ["active", "suspended", "archived", "closing"] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

/** Statuses whose members may still sign in and read: a closing organisation's people take their data with them. */
export const SIGN_IN_STATUSES: readonly string[] = ["active", "closing"];

export const organizations = pgTable(
  "organizations",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    slug: text().notNull(),
    description: text(),
    logoUrl: text(),
    /** ISO 3166-1 alpha-2. */
    countryCode: text(),
    settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: text().$type<OrganizationStatus>().notNull().default("active"),
    ...lifecycleColumns(),
  },
  (t) => [
    uniqueIndex("organizations_slug_key").on(t.slug),
    check("organizations_status_check", sql`${t.status} in (${sqlList(ORGANIZATION_STATUSES)})`),
    check("organizations_country_code_check", sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
  ],
);

export const organizationsRelations = relations(organizations, ({ many }) => ({
  users: many(users),
  events: many(events),
  campaigns: many(campaigns),
  content: many(content),
  mediaAssets: many(mediaAssets),
  contentTemplates: many(contentTemplates),
  socialAccounts: many(socialAccounts),
  approvalWorkflows: many(approvalWorkflows),
  auditLogs: many(auditLogs),
}));

export type Organization = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
