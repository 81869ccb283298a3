/**
 * What the platforms tell us back, in one shape: an adapter reads a webhook delivery (or a Bluesky
 * notification page, or a hashtag search) into observations of items — a mention, a reply, a comment
 * on one of our posts, a quote, a repost, a post carrying an event's hashtag — and nothing else reads
 * platform payloads. The inbound store keeps each item once per organisation (platform + item id),
 * in the state of its latest observation; a deletion is final and removes the text and media.
 */
import type { Platform } from "../../db/schema/columns.ts";

export const INBOUND_KINDS = ["mention", "reply", "comment", "quote", "repost", "hashtag"] as const;
export type InboundKind = (typeof INBOUND_KINDS)[number];

export interface InboundAuthor {
  /** The author's id on the platform (X user id, Meta app-scoped id, Bluesky DID, LinkedIn URN). */
  platformId: string | null;
  /** Without the @. */
  handle: string | null;
  name: string | null;
  avatarUrl: string | null;
  followers: number | null;
  /** When the author's account was made, where the platform says (X). */
  accountCreatedAt: Date | null;
}

/** An item as it is on the platform now. */
export interface InboundContent {
  kind: InboundKind;
  /** Where a person opens it on the platform. */
  url: string | null;
  text: string | null;
  /** BCP 47 tag where the platform gives one (X `lang`, Bluesky `langs[0]`). */
  language: string | null;
  mediaUrls: string[];
  author: InboundAuthor;
  /**
   * The platform id of the post this answers, comments on, quotes or reposts, as the platform names
   * it in our published posts' `platform_post_id` (so the store can link it to ours); null when none.
   */
  inReplyTo: string | null;
  /** Lower-case, without the @: matched against delegates' social handles. */
  mentionedHandles: string[];
  /** Lower-case, without the #. */
  hashtags: string[];
  /** When the author posted it. */
  createdAt: Date | null;
}

export interface InboundObservation {
  platform: Platform;
  /**
   * Which of our accounts the platform delivered it to, as the platform names that account: X
   * `for_user_id`, the Facebook Page id, the Instagram account id, the Threads user id, the LinkedIn
   * organization (or person) URN. Null for what we searched for ourselves (hashtags, Bluesky polls),
   * where the caller knows whose it is.
   */
  recipient: string | null;
  /** The platform's own id of the item: unique on its platform, the same in every delivery of it. */
  itemId: string;
  /** When this state of the item was true on the platform: of two observations, the later wins. */
  observedAt: Date;
  /** The item as it now is; null when it was deleted. */
  content: InboundContent | null;
}

/** Where a listener resumes: opaque to everyone but the adapter that made it. */
export type ListenCursor = Record<string, string>;

/** One page of what a listener found since its cursor, and the cursor to resume from next time. */
export interface ListenPage {
  observations: InboundObservation[];
  cursor: ListenCursor;
}
