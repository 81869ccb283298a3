/** The public API's answers as the widgets read them (docs/public-api.md). */

export interface WallItem {
  id: string;
  platform: string;
  kind: string;
  official: boolean;
  url: string | null;
  text: string | null;
  author: { handle: string | null; name: string | null; avatar_url: string | null };
  media: { url: string; alt: string | null }[];
  posted_at: string;
  pinned: boolean;
}

export interface WallPage {
  version: number;
  data: WallItem[];
  next_cursor: string | null;
}

export interface PublicEvent {
  version: number;
  event: {
    name: string;
    start_date: string;
    end_date: string;
    timezone: string;
    hashtags: string[];
    handles: Record<string, string>;
  };
  live_url: string;
}

export interface Phase {
  name: string;
  description: string | null;
  starts_at: string | null;
  ends_at: string | null;
}

export interface Agenda {
  timezone: string;
  now: Phase | null;
  next: Phase | null;
  phases: Phase[];
}

export interface Speaker {
  name: string;
  designation: string | null;
  organization: string | null;
  country: string | null;
  type: string;
  handles: Record<string, string>;
  photo_url: string | null;
}

export type LiveMessage =
  | { type: "hello"; version: number }
  | { type: "item"; version: number; item: WallItem }
  | { type: "remove"; version: number; id: string }
  | { type: "refresh"; version: number };
