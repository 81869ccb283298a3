/**
 * The organisation's settings: a declared shape, not a free-form bag, so every key has one meaning
 * and one validation. Stored in `organizations.settings` (jsonb); a PATCH merges the keys it sends.
 */
import { z } from "@hono/zod-openapi";
import { PLATFORMS } from "../../db/schema/columns.ts";
import { RetentionSettingsSchema } from "../retention/settings.ts";

/** An IANA zone name the runtime knows ("Africa/Nairobi", "UTC"), in its canonical spelling. */
export const TimeZoneSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, "an IANA time zone such as Africa/Nairobi")
  .transform((zone, ctx) => {
    try {
      return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      ctx.addIssue({ code: "custom", message: `Unknown time zone "${zone}".`, input: zone });
      return z.NEVER;
    }
  })
  .openapi({ type: "string", description: "An IANA time zone the runtime knows", example: "Africa/Nairobi" });

/** What protocol findings of severity error do (services/content/protocol-checks.ts); unset is "warn". */
export const PROTOCOL_CHECK_MODES = ["warn", "block"] as const;
export type ProtocolCheckMode = (typeof PROTOCOL_CHECK_MODES)[number];

export const OrganizationSettingsSchema = z
  .strictObject({
    default_timezone: TimeZoneSchema.optional(),
    default_platforms: z
      .array(z.enum(PLATFORMS))
      .max(PLATFORMS.length)
      .refine((list) => new Set(list).size === list.length, "List each platform once.")
      .openapi({ uniqueItems: true })
      .optional(),
    brand_hashtags: z
      .array(z.string().regex(/^#?[^\s#]{1,100}$/, "a hashtag: no spaces, at most one leading #"))
      .max(50)
      .optional(),
    require_approval: z.boolean().optional(),
    protocol_checks: z.enum(PROTOCOL_CHECK_MODES).optional().openapi({
      description:
        'Protocol checks on content that names a VIP delegate (title, handle, order of precedence). "warn" (the default): findings show in POST /v1/content/{id}/validate only; "block": a finding of severity error also refuses review, approval requests, scheduling and publish-now (422 protocol_check_failed)',
    }),
    retention: RetentionSettingsSchema.optional(),
  })
  .openapi("OrganizationSettings", {
    description: "Keys sent are merged into the current settings; keys left out keep their value.",
  });

export type OrganizationSettings = z.output<typeof OrganizationSettingsSchema>;
