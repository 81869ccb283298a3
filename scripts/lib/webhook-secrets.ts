import { WEBHOOK_PLATFORMS } from "../../src/services/inbound/webhook-delivery.ts";

/** What the local Worker verifies webhooks with: `local-<platform>-webhook-secret`, verify token `guddu-local-verify-token`. */
export const LOCAL_WEBHOOK_SECRETS: Record<string, { secrets: string[]; verify_token: string }> =
  Object.fromEntries(
    WEBHOOK_PLATFORMS.map((platform) => [
      platform,
      { secrets: [`local-${platform}-webhook-secret`], verify_token: "guddu-local-verify-token" },
    ]),
  );
