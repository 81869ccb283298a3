/**
 * Dates in the event's time zone and the page's language. A time zone or language the browser does
 * not know falls back to UTC, named, rather than leaving the widget blank.
 */
export function dateFormat(
  lang: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  for (const [locale, zone] of [
    [lang, timeZone],
    [undefined, timeZone],
    [undefined, "UTC"],
  ]) {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone: zone, timeZoneName: "short" });
    } catch {
      // try the next
    }
  }
  return new Intl.DateTimeFormat();
}

/** When a post was made, e.g. "10 Mar, 11:01 EAT". */
export const POSTED: Intl.DateTimeFormatOptions = {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
};
/** A phase of the agenda, e.g. "Wed 10 Mar, 08:00 – 21:00 EAT". */
export const PHASE: Intl.DateTimeFormatOptions = { ...POSTED, weekday: "short" };
/** The time of the last update, e.g. "10:32". */
export const CLOCK: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };

/** Formats an instant from the API; a malformed one is shown as sent rather than breaking the widget. */
export function formatInstant(format: Intl.DateTimeFormat, iso: string): string {
  try {
    return format.format(new Date(iso));
  } catch {
    return iso;
  }
}
