/** What the local Worker verifies webhooks with: `local-<platform>-webhook-secret`, verify token `guddu-local-verify-token`. */
export const LOCAL_WEBHOOK_SECRETS: Record<string, { secrets: string[]; verify_token: string }> =
  Object.fromEntries(
    ["facebook", "instagram", "threads", "x", "linkedin"].map((platform) => [
      platform,
      { secrets: [`local-${platform}-webhook-secret`], verify_token: "guddu-local-verify-token" },
    ]),
  );
