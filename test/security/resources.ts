/**
 * For each path with ids: how to make those ids exist in an organisation. The security walk uses it
 * to prove another tenant's ids answer 404. A new templated path without an entry fails the walk,
 * so nobody can add one and forget its cross-tenant test.
 */
import { createEvent } from "../support/events.ts";
import { createUser } from "../support/tenants.ts";

export type PathParams = Record<string, string>;
export type ResourceFactory = (organizationId: string) => Promise<PathParams>;

export const RESOURCES: Record<string, ResourceFactory> = {
  "/v1/events/{id}": async (organizationId) => ({ id: (await createEvent(organizationId)).id }),
  "/v1/events/{id}/restore": async (organizationId) => ({
    id: (await createEvent(organizationId, { deleted: true })).id,
  }),
  "/v1/users/{id}": async (organizationId) => ({
    id: (await createUser(organizationId, { role: "editor" })).id,
  }),
};
