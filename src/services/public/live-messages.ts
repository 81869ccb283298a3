/** What the live channel sends to widgets (docs/public-api.md, "Live"). */
import type { WallItem } from "./wall-item.ts";

/** A change readers can see: an item shown (or edited while shown), one gone, or anything else. */
export type LiveChange =
  | { type: "item"; item: WallItem }
  | { type: "remove"; id: string }
  | { type: "refresh" };

export type LiveMessage = ({ type: "hello" } | LiveChange) & { version: number };
