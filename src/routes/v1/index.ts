/**
 * Every operation of the API, registered in one place: a line per resource (or per concern of a big
 * one), in an order where a fixed path comes before a `{param}` one that could match it.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env.ts";
import { registerPublicMedia } from "../media-public.ts";
import { registerEmbed } from "../public/embed.ts";
import { registerPublic } from "../public/routes.ts";
import { registerWebhooks } from "../webhooks/routes.ts";
import { registerJwks } from "../well-known/jwks.ts";
import { registerAnalytics } from "./analytics/routes.ts";
import { registerApprovalLinks } from "./approval-links/routes.ts";
import { registerApprovalRequests } from "./approval-requests/routes.ts";
import { registerApprovalWorkflows } from "./approval-workflows/routes.ts";
import { registerAuditLogs } from "./audit-logs/routes.ts";
import { registerAuth } from "./auth/routes.ts";
import { registerCampaigns } from "./campaigns/routes.ts";
import { registerContent } from "./content/routes.ts";
import { registerContentVersions } from "./content/versions.ts";
import { registerContentWorkflow } from "./content/workflow.ts";
import { registerImportDelegates } from "./delegates/import.ts";
import { registerDelegates } from "./delegates/routes.ts";
import { registerEventPhases } from "./event-phases/routes.ts";
import { registerEventWidgets } from "./event-widgets/routes.ts";
import { registerEvents } from "./events/routes.ts";
import { registerInboundFailures } from "./inbound-failures/routes.ts";
import { registerInboundItems } from "./inbound-items/routes.ts";
import { registerMe } from "./me/routes.ts";
import { registerMedia } from "./media/routes.ts";
import { registerMediaUploads } from "./media/uploads.ts";
import { registerNotifications } from "./notifications/routes.ts";
import { registerOrganization } from "./organization/routes.ts";
import { registerPublishedPosts } from "./published-posts/routes.ts";
import { registerPublishing } from "./publishing/routes.ts";
import { registerSocialAccountConnections } from "./social-accounts/connect.ts";
import { registerSocialAccounts } from "./social-accounts/routes.ts";
import { registerTemplates } from "./templates/routes.ts";
import { registerUsers } from "./users/routes.ts";

export function registerV1(app: OpenAPIHono<AppEnv>) {
  registerJwks(app);
  registerAuth(app);
  registerMe(app);
  registerOrganization(app);
  registerUsers(app);
  registerAuditLogs(app);
  registerEvents(app);
  registerImportDelegates(app);
  registerDelegates(app);
  registerEventPhases(app);
  registerEventWidgets(app);
  registerCampaigns(app);
  registerMediaUploads(app);
  registerMedia(app);
  registerContent(app);
  registerContentWorkflow(app);
  registerContentVersions(app);
  registerTemplates(app);
  registerApprovalRequests(app);
  registerApprovalLinks(app);
  registerSocialAccountConnections(app);
  registerSocialAccounts(app);
  registerApprovalWorkflows(app);
  registerNotifications(app);
  registerPublishing(app);
  registerPublishedPosts(app);
  registerInboundItems(app);
  registerInboundFailures(app);
  registerAnalytics(app);
  registerPublicMedia(app);
  registerWebhooks(app);
  registerPublic(app);
  registerEmbed(app);
}
