/** Approval workflow factories, written like the Worker writes (application role, tenant set). */
import {
  type ApprovalTriggerConditions,
  type ApprovalWorkflowStep,
  approvalWorkflows,
} from "../../src/db/schema/approval-workflows.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { testDb } from "./tenants.ts";

/** One step any manager (or above) passes with one approval. */
export const managerStep = (overrides: Partial<ApprovalWorkflowStep> = {}): ApprovalWorkflowStep => ({
  name: "Manager review",
  approvers: { roles: ["owner", "admin", "manager"] },
  requiredApprovals: 1,
  ...overrides,
});

/**
 * A workflow row in the stored form (steps and conditions camelCase, defaults filled in as the API
 * would). `createdAt` lets a test order workflows without waiting.
 */
export async function createWorkflow(
  organizationId: string,
  overrides: {
    name?: string;
    steps?: ApprovalWorkflowStep[];
    triggerConditions?: ApprovalTriggerConditions;
    isActive?: boolean;
    createdBy?: string | null;
    createdAt?: Date;
    deleted?: boolean;
  } = {},
) {
  const {
    inserted: [workflow],
  } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(approvalWorkflows)
      .values({
        organizationId,
        name: overrides.name ?? `Workflow ${crypto.randomUUID().slice(0, 8)}`,
        steps: overrides.steps ?? [managerStep()],
        triggerConditions: overrides.triggerConditions ?? {},
        isActive: overrides.isActive ?? true,
        createdBy: overrides.createdBy ?? null,
        ...(overrides.createdAt ? { createdAt: overrides.createdAt, updatedAt: overrides.createdAt } : {}),
        deletedAt: overrides.deleted ? new Date() : null,
      })
      .returning(),
  }));
  return workflow!;
}
