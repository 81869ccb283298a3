/** The erasure's terms and patterns: whole words, a handle with or without @, a name however joined. */
import { describe, expect, it } from "vitest";
import { distinctTerms, javascriptPattern, nameTerms, REMOVED } from "../../src/services/erasure/terms.ts";

const cut = (terms: string[], text: string) => text.replace(javascriptPattern(terms)!, REMOVED);

describe("erasure terms", () => {
  it("cut a name as text writes it, and leave longer words and other people alone", () => {
    const terms = distinctTerms([
      ...nameTerms({ title: "Dr", first: "Amina", last: "Odhiambo" }),
      "amina.o@example.test",
      "@AminaO",
    ]);
    expect(cut(terms, "Meet Amina Odhiambo, Dr Odhiambo and Odhiambo, Amina")).toBe(
      `Meet ${REMOVED}, ${REMOVED} and ${REMOVED}`,
    );
    expect(cut(terms, "#AminaOdhiambo amina.odhiambo AMINA  ODHIAMBO")).toBe(
      `#${REMOVED} ${REMOVED} ${REMOVED}`,
    );
    expect(cut(terms, "Thanks @aminao and aminao; write to amina.o@example.test")).toBe(
      `Thanks ${REMOVED} and ${REMOVED}; write to ${REMOVED}`,
    );
    expect(cut(terms, "@AminaOdhiamboFan @aminaoo Amina Wanjiru")).toBe(
      "@AminaOdhiamboFan @aminaoo Amina Wanjiru",
    );
  });

  it("skip names too short to cut safely, and treat regex characters literally", () => {
    expect(nameTerms({ first: "Li", last: null })).toEqual([]);
    expect(nameTerms({ first: "Madonna", last: null })).toEqual(["Madonna"]);
    expect(cut(["O'Brien (Jr.)"], "Hello O'Brien (Jr.) and OXBrien (Jr.)")).toBe(
      `Hello ${REMOVED} and OXBrien (Jr.)`,
    );
    expect(javascriptPattern([])).toBeNull();
  });
});
