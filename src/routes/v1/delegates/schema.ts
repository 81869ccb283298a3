import { z } from "@hono/zod-openapi";
import { DELEGATE_TYPES, type Delegate, MAX_PRECEDENCE, MAX_VIP_TIER } from "../../../db/schema/delegates.ts";
import { COUNTRY_CODES } from "../../../platform/countries.ts";
import { IdParams, SocialHandlesSchema } from "../common.ts";

export const DelegateParams = IdParams.extend({
  delegate_id: z
    .uuid()
    .openapi({ param: { name: "delegate_id", in: "path" }, example: "0d6f0f4e-0000-4000-8000-000000000031" }),
});

export const DelegateTypeSchema = z.enum(DELEGATE_TYPES).openapi({ example: "minister" });

/** ISO 3166-1 alpha-2, any case in, upper case out ("ke" is KE). */
export const CountrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(z.enum(COUNTRY_CODES, { error: "not an ISO 3166-1 alpha-2 country code (such as KE or GB)" }))
  .openapi({ example: "KE" });

export const VipTierSchema = z
  .number()
  .int()
  .min(0)
  .max(MAX_VIP_TIER)
  .openapi({ description: `0 is everyone; 1–${MAX_VIP_TIER} mark protocol rank`, example: 1 });

export const PrecedenceSchema = z
  .number()
  .int()
  .min(1)
  .max(MAX_PRECEDENCE)
  .openapi({
    description: `The organiser's order of precedence at the event (1–${MAX_PRECEDENCE}): content naming several ranked delegates names the lower number first; null is not ranked`,
    example: 1,
  });

const text = (max: number) => z.string().trim().min(1).max(max);

/** The rules of every delegate field: the JSON create and update, and each row of a CSV import. */
export const DelegateFields = {
  title: text(50).nullable().openapi({ example: "H.E." }),
  first_name: text(100).openapi({ example: "Amina" }),
  last_name: text(100).nullable().openapi({ example: "Odhiambo" }),
  designation: text(200).nullable().openapi({ example: "Cabinet Secretary for Energy" }),
  organization: text(200)
    .nullable()
    .openapi({ description: "The delegate's own organisation", example: "Ministry of Energy" }),
  country: CountrySchema.nullable(),
  delegate_type: DelegateTypeSchema,
  vip_tier: VipTierSchema,
  precedence: PrecedenceSchema.nullable(),
  auto_tag: z.boolean().openapi({ description: "Tag the delegate's handles in content that mentions them" }),
  email: z.email().max(254).nullable().openapi({ example: "amina.odhiambo@energy.go.ke" }),
  social_handles: SocialHandlesSchema,
};

/** What the public speakers widget shows of a delegate: JSON only (not CSV columns). */
const PublicFaceFields = {
  featured: z.boolean().openapi({ description: "Shown by the public speakers widget (VIPs always are)" }),
  photo_media_id: z.uuid().nullable().openapi({
    description: "An image of the organisation's media library: the photo the speakers widget shows",
  }),
};

/** Every field optional (the update body; the create body less its required name). */
function optional<T extends Record<string, z.ZodType>>(fields: T) {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };
}

export const CreateDelegateBody = z
  .strictObject({
    ...optional(DelegateFields),
    ...optional(PublicFaceFields),
    first_name: DelegateFields.first_name,
  })
  .openapi("CreateDelegateRequest", {
    example: {
      title: "H.E.",
      first_name: "Amina",
      last_name: "Odhiambo",
      designation: "Cabinet Secretary for Energy",
      organization: "Ministry of Energy",
      country: "KE",
      delegate_type: "minister",
      vip_tier: 1,
      precedence: 1,
      auto_tag: true,
      social_handles: { x: "@AminaOdhiambo" },
    },
  });

export const UpdateDelegateBody = z
  .strictObject({ ...optional(DelegateFields), ...optional(PublicFaceFields) })
  .openapi("UpdateDelegateRequest", {
    example: { designation: "Minister of Energy and Petroleum", vip_tier: 1 },
  });

export const DelegateSchema = z
  .object({
    id: z.uuid(),
    event_id: z.uuid(),
    title: z.string().nullable(),
    first_name: z.string(),
    last_name: z.string().nullable(),
    designation: z.string().nullable(),
    organization: z.string().nullable(),
    country: z.string().nullable(),
    delegate_type: DelegateTypeSchema,
    vip_tier: z.number().int(),
    precedence: z.number().int().nullable(),
    auto_tag: z.boolean(),
    email: z.string().nullable(),
    social_handles: z.record(z.string(), z.string()),
    featured: z.boolean(),
    photo_media_id: z.uuid().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("Delegate");

export function toDelegate(row: Delegate): z.infer<typeof DelegateSchema> {
  return {
    id: row.id,
    event_id: row.eventId,
    title: row.title,
    first_name: row.firstName,
    last_name: row.lastName,
    designation: row.designation,
    organization: row.organization,
    country: row.country,
    delegate_type: row.delegateType,
    vip_tier: row.vipTier,
    precedence: row.precedence,
    auto_tag: row.autoTag,
    email: row.email,
    social_handles: row.socialHandles as Record<string, string>,
    featured: row.featured,
    photo_media_id: row.photoMediaId,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
