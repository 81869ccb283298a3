/**
 * `GET /closures/receipt/{token}`: a closed organisation's receipt, behind the signed link its owner
 * got when closing it (services/organization/closure-receipt.ts). Once the purge is done the receipt
 * comes from the archives bucket, with no database; before, the closure as it stands. An invalid or
 * expired link is 404 `closure_receipt_link_invalid`.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.ts";
import { serviceContext } from "../middleware/auth.ts";
import { openClosureReceipt } from "../services/organization/closure-receipt.ts";
import { publicRoute } from "./define.ts";
import { errorResponses } from "./openapi.ts";
import { SignedLinkParams } from "./v1/common.ts";
import { ClosureReceiptSchema } from "./v1/organization/schema.ts";

export const closureReceiptRoute = publicRoute({
  method: "get",
  path: "/closures/receipt/{token}",
  tags: ["Data lifecycle"],
  summary: "A closed organisation's receipt (signed link)",
  request: { params: SignedLinkParams },
  responses: {
    200: {
      description: "The receipt: what was removed, and when",
      content: { "application/json": { schema: ClosureReceiptSchema } },
    },
    ...errorResponses(404),
  },
});

export function registerClosureReceipt(app: OpenAPIHono<AppEnv>) {
  app.openapi(closureReceiptRoute, async (c) => {
    const receipt = await openClosureReceipt(serviceContext(c), c.req.valid("param").token);
    // The link is the secret: no shared cache may keep the answer.
    c.header("cache-control", "private, no-store");
    return c.json(receipt, 200);
  });
}
