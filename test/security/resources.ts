/**
 * For each path with ids: how to make those ids exist in an organisation. The security walk uses it
 * to prove another tenant's ids answer 404. A new templated path without an entry fails the walk,
 * so nobody can add one and forget its cross-tenant test.
 */
import { createCampaign } from "../support/campaigns.ts";
import { createEventWithDelegate } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { createPhase } from "../support/phases.ts";
import { createUser } from "../support/tenants.ts";

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
  "/v1/campaigns/{id}": async (organizationId) => ({ id: (await createCampaign(organizationId)).id }),
  "/v1/campaigns/{id}/restore": async (organizationId) => ({
    id: (await createCampaign(organizationId, { deleted: true })).id,
  }),
  "/v1/users/{id}": async (organizationId) => ({
    id: (await createUser(organizationId, { role: "editor" })).id,
  }),
};
