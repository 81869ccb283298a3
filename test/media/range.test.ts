import { describe, expect, it } from "vitest";
import { parseByteRange } from "../../src/services/media/range.ts";

describe("reading a Range header against a file of 100 bytes", () => {
  it.each([
    ["bytes=0-9", { start: 0, end: 9 }],
    ["bytes=90-", { start: 90, end: 99 }],
    ["bytes=-10", { start: 90, end: 99 }],
    ["bytes=-500", { start: 0, end: 99 }],
    ["bytes=50-500", { start: 50, end: 99 }],
    ["bytes = 5 - 6", { start: 5, end: 6 }],
  ])("%s is a range", (header, range) => {
    expect(parseByteRange(header, 100)).toEqual(range);
  });

  it.each(["bytes=100-", "bytes=100-200", "bytes=-0"])("%s cannot be satisfied", (header) => {
    expect(parseByteRange(header, 100)).toBe("unsatisfiable");
  });

  it.each([undefined, "", "bytes=", "bytes=-", "bytes=9-3", "bytes=0-1,5-6", "items=0-5", "bytes=a-b"])(
    "%s is ignored (the whole file is sent)",
    (header) => {
      expect(parseByteRange(header, 100)).toBeNull();
    },
  );
});
