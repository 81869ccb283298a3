/**
 * `/webhooks/{platform}`: where the platforms deliver (public, outside `/v1`, no JSON-body guard: the
 * signature is checked over the raw bytes exactly as they arrived). GET answers the subscription
 * check; POST verifies a delivery and queues it. Neither touches the database.
 */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../../app-env.ts";
import { PayloadTooLargeError } from "../../errors.ts";
import {
  acceptWebhookDelivery,
  answerWebhookCheck,
  MAX_WEBHOOK_BODY_BYTES,
  WEBHOOK_PLATFORMS,
} from "../../services/inbound/webhook-delivery.ts";
import { publicRoute } from "../define.ts";
import { errorResponses } from "../openapi.ts";

const PlatformParams = z.object({
  platform: z.enum(WEBHOOK_PLATFORMS).openapi({ param: { name: "platform", in: "path" }, example: "x" }),
});

export const webhookCheckRoute = publicRoute({
  method: "get",
  path: "/webhooks/{platform}",
  tags: ["Webhooks"],
  summary: "Answer a platform's webhook subscription check",
  description:
    'Meta and Threads: `?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…` → the challenge as text when the verify token is ours (403 otherwise). X: `?crc_token=…` → `{response_token: "sha256=" + base64(HMAC-SHA256(consumer secret, crc_token))}`. LinkedIn: `?challengeCode=…` → `{challengeCode, challengeResponse: hex(HMAC-SHA256(client secret, challengeCode))}`.',
  request: { params: PlatformParams },
  responses: {
    200: {
      description:
        "The answer the platform expects: the challenge as text (Meta, Threads) or JSON (X, LinkedIn)",
      content: { "*/*": { schema: z.string() } },
    },
    ...errorResponses(403, 404),
  },
});

export const webhookDeliveryRoute = publicRoute({
  method: "post",
  path: "/webhooks/{platform}",
  tags: ["Webhooks"],
  summary: "Receive a signed platform delivery",
  description: `Verified over the raw body (\`X-Hub-Signature-256\` for Meta and Threads, \`x-twitter-webhooks-signature\` for X, \`X-LI-Signature\` for LinkedIn) against each configured secret, then queued for the ingest consumer; answered before anything is stored. Unsigned or mis-signed deliveries are 401, bodies over ${MAX_WEBHOOK_BODY_BYTES} bytes 413, and neither is queued.`,
  request: { params: PlatformParams },
  middleware: [
    bodyLimit({
      maxSize: MAX_WEBHOOK_BODY_BYTES,
      onError: () => {
        throw new PayloadTooLargeError(MAX_WEBHOOK_BODY_BYTES);
      },
    }),
  ],
  responses: {
    200: {
      description: "Verified and queued",
      content: {
        "application/json": {
          schema: z.object({
            status: z.literal("queued"),
            delivery_id: z
              .string()
              .openapi({ description: "SHA-256 of the body: a redelivery has the same id" }),
          }),
        },
      },
    },
    ...errorResponses(401, 404, 413),
  },
});

export function registerWebhooks(app: OpenAPIHono<AppEnv>) {
  app.openapi(webhookCheckRoute, async (c) => {
    const { platform } = c.req.valid("param");
    const answer = await answerWebhookCheck(c.get("config"), platform, new URL(c.req.url).searchParams);
    return c.body(answer.body, 200, { "content-type": answer.contentType });
  });
  app.openapi(webhookDeliveryRoute, async (c) => {
    const { deliveryId } = await acceptWebhookDelivery(c.get("config"), c.req.valid("param").platform, {
      headers: c.req.raw.headers,
      body: await c.req.arrayBuffer(),
      receivedAt: new Date(),
    });
    return c.json({ status: "queued" as const, delivery_id: deliveryId }, 200);
  });
}
