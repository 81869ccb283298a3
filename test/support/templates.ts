/** Template factories, written like the Worker writes (application role, tenant set), and calls on them. */
import { contentTemplates } from "../../src/db/schema/content-templates.ts";
import { inTenant } from "../../src/db/tenant.ts";
import type { TemplateData } from "../../src/services/templates/templates.ts";
import { postJson } from "./http.ts";
import { type TestUser, testDb } from "./tenants.ts";

export interface TemplateBody {
  id: string;
  name: string;
  content_type: string;
  template_data: TemplateData;
  thumbnail_url: string | null;
  usage_count: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export async function createTemplate(
  organizationId: string,
  overrides: { name?: string; contentType?: string; templateData?: TemplateData; deleted?: boolean } = {},
) {
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(contentTemplates)
      .values({
        organizationId,
        name: overrides.name ?? `Template ${crypto.randomUUID().slice(0, 8)}`,
        contentType: overrides.contentType ?? "post",
        templateData: { ...(overrides.templateData ?? { caption: "See you at {{event.name}}!" }) },
        deletedAt: overrides.deleted ? new Date() : null,
      })
      .returning(),
  }));
  return inserted[0]!;
}

export const renderAs = (user: TestUser, templateId: string, body: unknown) =>
  postJson(`/v1/templates/${templateId}/render`, body, { headers: user.headers });
