/**
 * The events an endpoint can subscribe to, each with what it is about (the resource whose deliveries
 * keep their order) and when it happens. `webhook.test` is sent on request only and is not subscribable.
 */
export const WEBHOOK_EVENT_TYPES = [
  "content.submitted",
  "content.approved",
  "content.rejected",
  "approval.step_waiting",
  "post.published",
  "post.failed",
  "social_account.reauth_required",
  "mention.received",
  "sentiment.alert",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const TEST_EVENT_TYPE = "webhook.test";

/** One line per type, for the OpenAPI document. */
export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "content.submitted": "content went into review (an approval request was made); about the content",
  "content.approved": "the last approval step passed; about the content",
  "content.rejected": "an approver rejected the content or asked for changes (`decision`); about the content",
  "approval.step_waiting":
    "an approval step waits for its approvers (the first, or the next one); about the content",
  "post.published": "a post went out on its platform; about the post",
  "post.failed": "a post failed for good; about the post",
  "social_account.reauth_required": "a platform refused to renew an account's access; about the account",
  "mention.received": "a new mention, reply, comment or quote arrived (`kind`); about the item",
  "sentiment.alert": "an event's share of negative talk crossed the alert threshold; about the event",
};
