/**
 * For each path with ids: how to make those ids exist in an organisation. The security walk uses it
 * to prove another tenant's ids answer 404. A new templated path without an entry fails the walk,
 * so nobody can add one and forget its cross-tenant test.
 */
import { createApiKey } from "../support/api-keys.ts";
import { createApprovalRequest } from "../support/approvals.ts";
import { createCampaign } from "../support/campaigns.ts";
import { createContent, createVersionPair } from "../support/content.ts";
import { createEventWithDelegate } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { createInboundFailure, createInboundItem } from "../support/inbound.ts";
import { createErasureRow, createExportRow } from "../support/lifecycle.ts";
import { createMediaAsset, createMediaUploadRow } from "../support/media.ts";
import { createNotification } from "../support/notifications.ts";
import { createPause } from "../support/pauses.ts";
import { createPhase } from "../support/phases.ts";
import { createPublishedPost } from "../support/publishing.ts";
import { createAgenda } from "../support/sessions.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTemplate } from "../support/templates.ts";
import { createUser } from "../support/tenants.ts";
import { createWallItem, createWidgetEvent } from "../support/wall.ts";
import { createFinishedDelivery, createWebhookEndpointRow } from "../support/webhooks.ts";
import { createWorkflow } from "../support/workflows.ts";

export type PathParams = Record<string, string>;
export type ResourceFactory = (organizationId: string) => Promise<PathParams>;

export const RESOURCES: Record<string, ResourceFactory> = {
  "/v1/events/{id}": async (organizationId) => ({ id: (await createEvent(organizationId)).id }),
  "/v1/events/{id}/restore": async (organizationId) => ({
    id: (await createEvent(organizationId, { deleted: true })).id,
  }),
  "/v1/events/{id}/phases": async (organizationId) => ({ id: (await createEvent(organizationId)).id }),
  "/v1/events/{id}/phases/{phase_id}": async (organizationId) => {
    const event = await createEvent(organizationId);
    return { id: event.id, phase_id: (await createPhase(organizationId, event.id)).id };
  },
  "/v1/events/{id}/phases/{phase_id}/restore": async (organizationId) => {
    const event = await createEvent(organizationId);
    return { id: event.id, phase_id: (await createPhase(organizationId, event.id, { deleted: true })).id };
  },
  "/v1/events/{id}/delegates": async (organizationId) => ({ id: (await createEvent(organizationId)).id }),
  "/v1/events/{id}/delegates/import": async (organizationId) => ({
    id: (await createEvent(organizationId)).id,
  }),
  "/v1/events/{id}/delegates/{delegate_id}": async (organizationId) => {
    const { event, delegate } = await createEventWithDelegate(organizationId);
    return { id: event.id, delegate_id: delegate.id };
  },
  "/v1/events/{id}/delegates/{delegate_id}/restore": async (organizationId) => {
    const { event, delegate } = await createEventWithDelegate(organizationId, { deleted: true });
    return { id: event.id, delegate_id: delegate.id };
  },
  "/v1/events/{id}/sessions": async (organizationId) => ({ id: (await createEvent(organizationId)).id }),
  "/v1/events/{id}/sessions/import": async (organizationId) => ({
    id: (await createEvent(organizationId)).id,
  }),
  "/v1/sessions/{id}": async (organizationId) => ({ id: (await createAgenda(organizationId)).session.id }),
  "/v1/sessions/{id}/restore": async (organizationId) => ({
    id: (await createAgenda(organizationId, { session: { deleted: true } })).session.id,
  }),
  "/v1/sessions/{id}/move": async (organizationId) => ({
    id: (await createAgenda(organizationId)).session.id,
  }),
  "/v1/event-phases/{id}/move": async (organizationId) => ({
    id: (await createAgenda(organizationId)).phase.id,
  }),
  "/v1/campaigns/{id}": async (organizationId) => ({ id: (await createCampaign(organizationId)).id }),
  "/v1/campaigns/{id}/restore": async (organizationId) => ({
    id: (await createCampaign(organizationId, { deleted: true })).id,
  }),
  "/v1/content/{id}": async (organizationId) => ({ id: (await createContent(organizationId)).id }),
  "/v1/content/{id}/restore": async (organizationId) => ({
    id: (await createContent(organizationId, { deleted: true })).id,
  }),
  "/v1/content/{id}/transitions": async (organizationId) => ({
    id: (await createContent(organizationId)).id,
  }),
  "/v1/content/{id}/validate": async (organizationId) => ({ id: (await createContent(organizationId)).id }),
  "/v1/content/{id}/versions": async (organizationId) => ({
    id: (await createVersionPair(organizationId)).second.id,
  }),
  "/v1/content/{id}/diff": async (organizationId) => ({
    id: (await createVersionPair(organizationId)).second.id,
  }),
  "/v1/content/{id}/approval-requests": async (organizationId) => ({
    id: (await createContent(organizationId)).id,
  }),
  "/v1/approval-requests/{id}": async (organizationId) => ({
    id: (await createApprovalRequest(organizationId)).id,
  }),
  "/v1/approval-requests/{id}/actions": async (organizationId) => ({
    id: (await createApprovalRequest(organizationId)).id,
  }),
  "/v1/approval-requests/{id}/links": async (organizationId) => ({
    id: (await createApprovalRequest(organizationId)).id,
  }),
  "/v1/content/{id}/versions/{version_id}/restore": async (organizationId) => {
    const { first, second } = await createVersionPair(organizationId);
    return { id: second.id, version_id: first.id };
  },
  "/v1/templates/{id}": async (organizationId) => ({ id: (await createTemplate(organizationId)).id }),
  "/v1/templates/{id}/restore": async (organizationId) => ({
    id: (await createTemplate(organizationId, { deleted: true })).id,
  }),
  "/v1/templates/{id}/render": async (organizationId) => ({ id: (await createTemplate(organizationId)).id }),
  "/v1/users/{id}": async (organizationId) => ({
    id: (await createUser(organizationId, { role: "editor" })).id,
  }),
  "/v1/users/{id}/access": async (organizationId) => ({
    id: (await createUser(organizationId, { role: "editor" })).id,
  }),
  "/v1/media/{id}": async (organizationId) => ({ id: (await createMediaAsset(organizationId)).id }),
  "/v1/media/{id}/content": async (organizationId) => ({ id: (await createMediaAsset(organizationId)).id }),
  "/v1/media/{id}/restore": async (organizationId) => ({
    id: (await createMediaAsset(organizationId, { deleted: true })).id,
  }),
  "/v1/media/uploads/{upload_id}": async (organizationId) => ({
    upload_id: (await createMediaUploadRow(organizationId)).id,
  }),
  "/v1/media/uploads/{upload_id}/parts/{n}": async (organizationId) => ({
    upload_id: (await createMediaUploadRow(organizationId)).id,
    n: "1",
  }),
  "/v1/media/uploads/{upload_id}/complete": async (organizationId) => ({
    upload_id: (await createMediaUploadRow(organizationId)).id,
  }),
  "/v1/social-accounts/{id}": async (organizationId) => ({
    id: (await createSocialAccount(organizationId)).id,
  }),
  "/v1/social-accounts/{id}/restore": async (organizationId) => ({
    id: (await createSocialAccount(organizationId, { deleted: true })).id,
  }),
  "/v1/approval-workflows/{id}": async (organizationId) => ({
    id: (await createWorkflow(organizationId)).id,
  }),
  "/v1/approval-workflows/{id}/restore": async (organizationId) => ({
    id: (await createWorkflow(organizationId, { deleted: true })).id,
  }),
  "/v1/notifications/{id}/read": async (organizationId) => ({
    id: (await createNotification(organizationId)).id,
  }),
  "/v1/content/{id}/publish-now": async (organizationId) => ({
    id: (await createContent(organizationId, { workflowStatus: "approved" })).id,
  }),
  "/v1/events/{id}/publishing/pause": async (organizationId) => ({
    id: (await createEvent(organizationId)).id,
  }),
  "/v1/events/{id}/publishing/resume": async (organizationId) => ({
    id: (await createEvent(organizationId)).id,
  }),
  "/v1/events/{id}/publishing/pauses": async (organizationId) => ({
    id: (await createEvent(organizationId)).id,
  }),
  "/v1/events/{id}/publishing/pauses/{pause_id}": async (organizationId) => {
    const pause = await createPause(organizationId, { platform: "x" });
    return { id: pause.eventId, pause_id: pause.id };
  },
  "/v1/events/{id}/operations": async (organizationId) => ({ id: (await createEvent(organizationId)).id }),
  "/v1/published-posts/{id}": async (organizationId) => ({
    id: (await createPublishedPost(organizationId)).id,
  }),
  "/v1/events/{id}/analytics": async (organizationId) => ({ id: (await createEvent(organizationId)).id }),
  "/v1/events/{id}/intelligence": async (organizationId) => ({ id: (await createEvent(organizationId)).id }),
  "/v1/campaigns/{id}/analytics": async (organizationId) => ({
    id: (await createCampaign(organizationId)).id,
  }),
  "/v1/content/{id}/analytics": async (organizationId) => ({ id: (await createContent(organizationId)).id }),
  "/v1/published-posts/{id}/analytics": async (organizationId) => ({
    id: (await createPublishedPost(organizationId)).id,
  }),
  "/v1/social-accounts/{id}/analytics": async (organizationId) => ({
    id: (await createSocialAccount(organizationId)).id,
  }),
  "/v1/published-posts/{id}/retry": async (organizationId) => ({
    id: (await createPublishedPost(organizationId)).id,
  }),
  "/v1/events/{id}/widgets": async (organizationId) => ({ id: (await createEvent(organizationId)).id }),
  "/v1/events/{id}/widgets/rotate-key": async (organizationId) => ({
    id: (await createWidgetEvent(organizationId)).event.id,
  }),
  "/v1/events/{id}/wall": async (organizationId) => ({
    id: (await createWidgetEvent(organizationId)).event.id,
  }),
  "/v1/events/{id}/wall/blocked-authors": async (organizationId) => ({
    id: (await createWidgetEvent(organizationId)).event.id,
  }),
  "/v1/events/{id}/wall/{item_id}/moderation": async (organizationId) => {
    const { event } = await createWidgetEvent(organizationId);
    return { id: event.id, item_id: (await createWallItem(organizationId, event.id)).id };
  },
  "/v1/inbound-failures/{id}/replay": async (organizationId) => ({
    id: (await createInboundFailure(organizationId)).id,
  }),
  "/v1/inbound-items/{id}": async (organizationId) => ({
    id: (await createInboundItem(organizationId)).id,
  }),
  "/v1/webhook-endpoints/{id}": async (organizationId) => ({
    id: (await createWebhookEndpointRow(organizationId)).id,
  }),
  "/v1/webhook-endpoints/{id}/rotate-secret": async (organizationId) => ({
    id: (await createWebhookEndpointRow(organizationId)).id,
  }),
  "/v1/webhook-endpoints/{id}/test": async (organizationId) => ({
    id: (await createWebhookEndpointRow(organizationId)).id,
  }),
  "/v1/webhook-endpoints/{id}/deliveries": async (organizationId) => ({
    id: (await createWebhookEndpointRow(organizationId)).id,
  }),
  "/v1/webhook-endpoints/{id}/deliveries/{delivery_id}/replay": async (organizationId) => {
    const { endpoint, deliveryId } = await createFinishedDelivery(organizationId);
    return { id: endpoint.id, delivery_id: deliveryId };
  },
  "/v1/api-keys/{id}": async (organizationId) => ({ id: (await createApiKey(organizationId)).id }),
  "/v1/api-keys/{id}/revoke": async (organizationId) => ({ id: (await createApiKey(organizationId)).id }),
  "/v1/exports/{id}": async (organizationId) => ({ id: (await createExportRow(organizationId)).id }),
  "/v1/erasures/{id}": async (organizationId) => ({ id: (await createErasureRow(organizationId)).id }),
};
