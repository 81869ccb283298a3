/**
 * `<guddu-agenda event="…">`: the event's phases in its own time zone. Which phase is on now and
 * which is next is worked out here once a minute, so the marks move on time without asking the API.
 */
import agendaCss from "./agenda.css";
import { readJson } from "./api.ts";
import { h } from "./dom.ts";
import { type Context, GudduElement } from "./element.ts";
import { dateFormat, formatInstant, PHASE } from "./format.ts";
import type { Agenda, Phase } from "./types.ts";

export class GudduAgenda extends GudduElement {
  protected readonly defaultHeading = "Agenda";
  private shown: { phase: Phase; item: HTMLElement; mark: HTMLElement }[] = [];
  private ticker = 0;

  constructor() {
    super(agendaCss);
  }

  protected override stopped(): void {
    clearInterval(this.ticker);
  }

  protected async read(ctx: Context): Promise<() => void> {
    const agenda = await readJson<Agenda>(`${ctx.base}/agenda`);
    return () => {
      const when = dateFormat(ctx.lang, agenda.timezone, PHASE);
      this.shown = agenda.phases.map((phase) => {
        const mark = h("span", { class: "badge", hidden: true });
        const range = phaseTimes(when, phase);
        const item = h(
          "li",
          { class: "phase" },
          h("h3", {}, phase.name, " ", mark),
          range && h("p", { class: "muted" }, h("time", { datetime: phase.starts_at }, range)),
          phase.description && h("p", {}, phase.description),
        );
        return { phase, item, mark };
      });
      this.body.replaceChildren(
        this.shown.length
          ? h("ol", { class: "phases" }, ...this.shown.map((shown) => shown.item))
          : h("p", { class: "muted" }, "The agenda will be published soon."),
      );
      this.markNow();
      clearInterval(this.ticker);
      this.ticker = window.setInterval(() => this.markNow(), 60_000);
    };
  }

  private markNow(): void {
    const now = new Date().toISOString();
    const on = ({ starts_at, ends_at }: Phase) =>
      !!starts_at && !!ends_at && starts_at <= now && now < ends_at;
    const current = this.shown.find(({ phase }) => on(phase));
    const next = this.shown.find(({ phase }) => !!phase.starts_at && phase.starts_at > now);
    for (const shown of this.shown) {
      const label = shown === current ? "Now" : shown === next ? "Next" : "";
      shown.mark.textContent = label;
      shown.mark.hidden = !label;
      shown.item.classList.toggle("now", shown === current);
      if (shown === current) shown.item.setAttribute("aria-current", "time");
      else shown.item.removeAttribute("aria-current");
    }
  }
}

/** "Wed 10 Mar, 08:00 – 21:00 EAT"; a phase without times has none shown. */
function phaseTimes(format: Intl.DateTimeFormat, phase: Phase): string | null {
  if (!phase.starts_at) return null;
  if (!phase.ends_at) return formatInstant(format, phase.starts_at);
  try {
    return format.formatRange(new Date(phase.starts_at), new Date(phase.ends_at));
  } catch {
    return `${phase.starts_at} – ${phase.ends_at}`;
  }
}
