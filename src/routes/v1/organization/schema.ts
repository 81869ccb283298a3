import { z } from "@hono/zod-openapi";
import type { Organization } from "../../../db/schema/organizations.ts";

export const OrganizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    description: z.string().nullable(),
    logo_url: z.string().nullable(),
    country_code: z.string().nullable(),
    settings: z.record(z.string(), z.unknown()),
    status: z.string(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("Organization");

export function toOrganization(row: Organization): z.infer<typeof OrganizationSchema> {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    logo_url: row.logoUrl,
    country_code: row.countryCode,
    settings: row.settings,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const SlugSchema = z
  .string()
  .min(3)
  .max(63)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase letters, digits and single dashes")
  .openapi({ example: "africa-energy-forum" });

/** ISO 3166-1 alpha-2, upper case. */
export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code such as KE")
  .openapi({ example: "KE" });
