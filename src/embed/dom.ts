type Attributes = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;

/**
 * Builds an element. Strings become text nodes: text from the API is untrusted and is never parsed
 * as HTML. Attributes that are false, null or undefined are left out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/** Styles adopted by a shadow root: a constructed sheet is not an inline style, so CSP needs no `style-src`. */
export function sheet(css: string): CSSStyleSheet {
  const constructed = new CSSStyleSheet();
  constructed.replaceSync(css);
  return constructed;
}

/** The initials shown in place of a missing photo. */
export function initials(name: string): string {
  return name
    .replace(/^(H\.E\.|Dr\.|Prof\.|Mr\.|Mrs\.|Ms\.)\s+/i, "")
    .split(/\s+/)
    .slice(0, 2)
    .map((word) =>
      word
        .replace(/^[^\p{L}\p{N}]+/u, "")
        .charAt(0)
        .toUpperCase(),
    )
    .join("");
}
