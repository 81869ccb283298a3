/** `<guddu-speakers event="…">`: the featured and VIP delegates, as cards. */
import { apiImage, readJson } from "./api.ts";
import { h } from "./dom.ts";
import { type Context, GudduElement } from "./element.ts";
import speakersCss from "./speakers.css";
import type { Speaker } from "./types.ts";
import { avatar } from "./wall-item.ts";

const PLATFORMS: Record<string, string> = {
  x: "X",
  bluesky: "Bluesky",
  linkedin: "LinkedIn",
  instagram: "Instagram",
};

export class GudduSpeakers extends GudduElement {
  protected readonly defaultHeading = "Speakers";

  constructor() {
    super(speakersCss);
  }

  protected async read(ctx: Context): Promise<() => void> {
    const { data } = await readJson<{ data: Speaker[] }>(`${ctx.base}/speakers`);
    return () => {
      const regions = regionNames(ctx.lang);
      this.body.replaceChildren(
        data.length
          ? h(
              "ul",
              { class: "grid" },
              ...data.map((speaker) =>
                h(
                  "li",
                  { class: "card", part: "card" },
                  avatar(apiImage(ctx.api, speaker.photo_url), speaker.name),
                  h("h3", {}, speaker.name),
                  speaker.designation && h("p", {}, speaker.designation),
                  speaker.organization && h("p", { class: "muted" }, speaker.organization),
                  speaker.country && h("p", { class: "muted" }, regionName(regions, speaker.country)),
                  ...Object.entries(speaker.handles ?? {}).map(([platform, handle]) =>
                    h("p", { class: "muted" }, `${handle} on ${PLATFORMS[platform] ?? platform}`),
                  ),
                ),
              ),
            )
          : h("p", { class: "muted" }, "Speakers will be announced soon."),
      );
    };
  }
}

function regionNames(lang: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([lang], { type: "region" });
  } catch {
    return null;
  }
}

function regionName(names: Intl.DisplayNames | null, code: string): string {
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}
