/** /v1/audit-logs: the organisation's audit trail, filtered and paged. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { listAuditLogs } from "../../../services/audit/list.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import { authedRoute } from "../../define.ts";
import { timeRange } from "../common.ts";
import { AuditLogSchema, toAuditLog } from "./schema.ts";

const ListAuditLogsQuery = PaginationQuery.extend({
  entity_type: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(64)
    .optional()
    .openapi({ example: "user" }),
  entity_id: z.uuid().optional(),
  actor_id: z.uuid().optional().openapi({ description: "The acting user, or API key" }),
  action: z
    .string()
    .max(100)
    .regex(/^[a-z0-9_.]*\*?$/, "an action such as user.update, or a prefix such as user.*")
    .min(1)
    .optional()
    .openapi({
      description: "Exact (`user.update`) or a prefix with a trailing `*` (`user.*`)",
      example: "user.*",
    }),
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: "Inclusive lower bound of created_at" }),
  to: z.iso.datetime({ offset: true }).optional().openapi({
    description: "Inclusive upper bound of created_at; not before `from` (else 400, `invalid_range`)",
  }),
});

export const listAuditLogsRoute = authedRoute({
  method: "get",
  path: "/v1/audit-logs",
  tags: ["Audit logs"],
  summary: "The organisation's audit trail, newest first",
  permission: "audit:read",
  request: { query: ListAuditLogsQuery },
  responses: {
    200: {
      description: "One page of audit entries",
      content: { "application/json": { schema: listResponse(AuditLogSchema, "AuditLogList") } },
    },
  },
});

export function registerAuditLogs(app: OpenAPIHono<AppEnv>) {
  app.openapi(listAuditLogsRoute, async (c) => {
    const { from, to, ...query } = c.req.valid("query");
    const page = await listAuditLogs(c.get("tenant"), {
      ...query,
      ...timeRange({ from, to }),
    });
    return c.json({ data: page.data.map(toAuditLog), next_cursor: page.next_cursor }, 200);
  });
}
