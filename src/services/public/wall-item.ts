/**
 * An item of the public wall as readers see it (docs/public-api.md): no internal id, no private
 * field. Its id is the platform and the platform's own id, public already. Images are addressed
 * through the API's own origin (images.ts), so an event's page makes no third-party request.
 */
import type { Platform } from "../../db/schema/columns.ts";
import type { InboundKind } from "../../platform/social/inbound.ts";

export interface WallItem {
  id: string;
  platform: Platform;
  kind: InboundKind | "post";
  /** The organisation's own published post. */
  official: boolean;
  url: string | null;
  text: string | null;
  author: { handle: string | null; name: string | null; avatar_url: string | null };
  media: Array<{ url: string; alt: string | null }>;
  posted_at: string;
  pinned: boolean;
}

export const wallItemId = (platform: string, platformId: string) => `${platform}:${platformId}`;

/** Where the public API serves an inbound item's avatar (`avatar`) or its n-th media file. */
export const inboundImagePath = (key: string, id: string, slot: "avatar" | number) =>
  `/public/v1/events/${key}/images/${encodeURIComponent(id)}/${slot}`;

/** Where the public API serves one of the organisation's media files, by its SHA-256. */
export const filePath = (key: string, sha256: string) => `/public/v1/events/${key}/files/${sha256}`;

/** What the wall reads of an approved inbound item. */
export type InboundWallRow = {
  platform: Platform;
  platform_item_id: string;
  kind: InboundKind;
  platform_url: string | null;
  text: string | null;
  author_handle: string | null;
  author_name: string | null;
  has_avatar: boolean;
  media_count: number;
  at: Date | string;
  pinned_at: Date | string | null;
};

/** What the wall reads of one of the organisation's published posts. */
export type OfficialWallRow = {
  platform: Platform;
  platform_post_id: string;
  platform_url: string | null;
  text: string | null;
  handle: string | null;
  files: string[];
  at: Date | string;
};

const iso = (value: Date | string) => new Date(value).toISOString();

export function inboundWallItem(key: string, row: InboundWallRow): WallItem {
  const id = wallItemId(row.platform, row.platform_item_id);
  return {
    id,
    platform: row.platform,
    kind: row.kind,
    official: false,
    url: row.platform_url,
    text: row.text,
    author: {
      handle: row.author_handle,
      name: row.author_name,
      avatar_url: row.has_avatar ? inboundImagePath(key, id, "avatar") : null,
    },
    media: Array.from({ length: row.media_count }, (_, n) => ({
      url: inboundImagePath(key, id, n),
      alt: null,
    })),
    posted_at: iso(row.at),
    pinned: row.pinned_at !== null,
  };
}

export function officialWallItem(key: string, row: OfficialWallRow): WallItem {
  return {
    id: wallItemId(row.platform, row.platform_post_id),
    platform: row.platform,
    kind: "post",
    official: true,
    url: row.platform_url,
    text: row.text,
    author: { handle: row.handle, name: null, avatar_url: null },
    media: row.files.map((sha256) => ({ url: filePath(key, sha256), alt: null })),
    posted_at: iso(row.at),
    pinned: false,
  };
}
