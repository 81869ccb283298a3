/**
 * `Range: bytes=…` (RFC 9110 §14) for one range: `a-b`, `a-` and the suffix `-n`. Several ranges,
 * other units and malformed values are ignored (the whole file is sent), as the RFC allows.
 */

/** Inclusive byte positions. */
export interface ByteRange {
  start: number;
  end: number;
}

export function parseByteRange(header: string | undefined, size: number): ByteRange | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^\s*bytes\s*=\s*(?<first>\d*)\s*-\s*(?<last>\d*)\s*$/i.exec(header);
  if (!match) return null;
  const { first = "", last = "" } = match.groups ?? {};
  if (first === "" && last === "") return null;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== "" && Number(last) < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end: last === "" ? size - 1 : Math.min(Number(last), size - 1) };
}
