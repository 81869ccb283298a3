/** One post on the wall as an `<article>` of the feed. */
import { PLATFORM_NAMES } from "../platform/social/platform-names.ts";
import { apiImage, webLink } from "./api.ts";
import { h, initials } from "./dom.ts";
import { formatInstant } from "./format.ts";
import type { WallItem } from "./types.ts";

let ids = 0;

export function renderItem(item: WallItem, api: string, posted: Intl.DateTimeFormat): HTMLElement {
  const id = `item-${++ids}`;
  const platform = PLATFORM_NAMES[item.platform as keyof typeof PLATFORM_NAMES] ?? item.platform;
  const handle = handleOf(item);
  const name = item.author.name || handle || platform;
  const time = h("time", { datetime: item.posted_at }, formatInstant(posted, item.posted_at));
  const link = webLink(item.url);
  return h(
    "article",
    {
      // Focusable, as the WAI-ARIA feed pattern asks: Page Up / Page Down move between articles.
      tabindex: 0,
      "aria-labelledby": id,
      class: `item${item.official ? " official" : ""}${item.pinned ? " pinned" : ""}`,
      part: "item",
    },
    h(
      "header",
      { class: "who" },
      avatar(apiImage(api, item.author.avatar_url), name),
      h(
        "span",
        { class: "names", id },
        h("span", { class: "name" }, name),
        handle && h("span", { class: "muted" }, handle),
      ),
      item.pinned && h("span", { class: "badge" }, "Pinned"),
      item.official && h("span", { class: "badge" }, "Official"),
    ),
    item.text && h("p", { class: "text" }, item.text),
    item.media.length > 0 &&
      h(
        "div",
        { class: "media" },
        ...item.media.map((media) => {
          const src = apiImage(api, media.url);
          const alt = media.alt || `Image shared ${handle ? `by ${handle}` : `on ${platform}`}`;
          const image = src ? h("img", { src, alt, loading: "lazy" }) : null;
          image?.addEventListener("error", () => image.remove());
          return image;
        }),
      ),
    h(
      "footer",
      { class: "meta muted" },
      link
        ? h(
            "a",
            { href: link, target: "_blank", rel: "noopener noreferrer" },
            h("span", { class: "sr" }, `${name}'s post on ${platform}, `),
            time,
          )
        : time,
      h("span", { "aria-hidden": "true" }, platform),
    ),
  );
}

/** `@handle`, however the platform spells it; empty when the post has none (it was deleted). */
export function handleOf(item: WallItem): string {
  const raw = item.author.handle ?? "";
  return !raw || raw.startsWith("@") ? raw : `@${raw}`;
}

/** A round photo, or initials when there is none or it does not load; decorative beside the name. */
export function avatar(src: string | null, name: string): HTMLElement {
  const fallback = () => h("span", { class: "avatar", "aria-hidden": "true" }, initials(name));
  if (!src) return fallback();
  const image = h("img", { class: "avatar", src, alt: "", loading: "lazy" });
  image.addEventListener("error", () => image.replaceWith(fallback()));
  return image;
}
