/**
 * Commentary in LinkedIn's "little text format" (docs/platform-contracts.md, LinkedIn › Publishing): reserved
 * characters escaped, our hashtags as templates. Mentions stay plain text because a mention needs the
 * member's URN, which a handle does not give.
 */
import type { PublishRequest } from "../types.ts";

/** Every reserved character escaped, even where it is not markup. */
export function escapeLittleText(text: string): string {
  return text.replace(/[|{}@[\]()<>#\\*_~]/g, (c) => `\\${c}`);
}

/** The commentary as LinkedIn stores it: escaped, our hashtags as `{hashtag|\#|tag}` templates. */
export function linkedinCommentary(post: PublishRequest): string {
  let text = escapeLittleText(post.text);
  for (const raw of post.hashtags) {
    const tag = escapeLittleText(raw.replace(/^#+/, ""));
    if (!tag) continue;
    const pattern = tag.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // Not when the tag continues (a letter, a digit, an escaped underscore): #AEF is not #AEF2027.
    const hashtag = new RegExp(`\\\\#${pattern}(?![\\p{L}\\p{N}_]|\\\\_)`, "gu");
    text = text.replace(hashtag, () => `{hashtag|\\#|${tag}}`);
  }
  return text;
}
