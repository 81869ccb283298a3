/** The protocol checks as pure functions: no database, no Worker. */
import { describe, expect, it } from "vitest";
import type { Platform } from "../../src/db/schema/columns.ts";
import {
  checkProtocol,
  type ProtocolDelegate,
  type ProtocolFinding,
} from "../../src/services/content/protocol-checks.ts";

const EVENT = "00000000-0000-4000-8000-00000000e001";
let counter = 0;
const delegate = (overrides: Partial<ProtocolDelegate> = {}): ProtocolDelegate => ({
  id: `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`,
  eventId: EVENT,
  title: null,
  firstName: "Amina",
  lastName: "Diallo",
  autoTag: false,
  socialHandles: {},
  precedence: null,
  ...overrides,
});

const amina = delegate({ title: "H.E.", firstName: "Amina", lastName: "Diallo" });
const kofi = delegate({ title: "Dr", firstName: "Kofi", lastName: "Mensah" });
const zoe = delegate({ title: "Prof.", firstName: "Zoë", lastName: "Okafor" });

function check(text: string, delegates: ProtocolDelegate[], platforms: Platform[] = ["x"]) {
  return checkProtocol({ text, targetPlatforms: platforms, delegates });
}
const codes = (findings: ProtocolFinding[]) => findings.map((f) => `${f.code}:${f.delegate_id}`);

describe("no false positives", () => {
  it("a clean text, ordinary words and other people's names find nothing", () => {
    const all = [amina, kofi, zoe];
    for (const text of [
      "Doors open at 8:00 in Nairobi. See you at the summit!",
      "H.E. Amina Diallo opens the summit with Dr Kofi Mensah and Prof. Zoë Okafor.",
      "HE Amina Diallo's keynote, then Dr. Kofi Mensah's panel",
      "Her Excellency Amina Diallo and Doctor Kofi Mensah, with Professor Zoe Okafor",
      "H. E. President Amina Diallo speaks at 10:00",
      "Amina spoke about Diallo's plans; the Diallo family and Mensah & Co sponsor the lunch.",
      "Kofi Mensahs everywhere: a trend.",
      "aminadiallo@example.org wrote to us",
      "the diallos and the okafors: 'amina dialo' in lower case is not a name we check",
      "",
    ]) {
      expect(check(text, all), text).toEqual([]);
    }
  });

  it("a delegate without a title, handle or rank has nothing to check", () => {
    const plain = delegate({ firstName: "Wanjiru", lastName: "Kamau" });
    expect(check("Wanjiru Kamau and wanjiru kamau, again", [plain])).toEqual([]);
  });
});

describe("protocol_title_missing", () => {
  it("names the title on record where the name is written without it", () => {
    expect(check("Welcome Amina Diallo to the stage!", [amina])).toEqual([
      {
        code: "protocol_title_missing",
        severity: "error",
        delegate_id: amina.id,
        platform: null,
        message:
          '"H.E. Amina Diallo" is expected where "Amina Diallo" is written: H.E. is the title on record.',
        expected: "H.E. Amina Diallo",
        actual: "Amina Diallo",
      },
    ]);
  });

  it("shows a wrong title as written", () => {
    const [finding] = check("Dr Amina Diallo opens the summit", [amina]);
    expect(finding).toMatchObject({ code: "protocol_title_missing", actual: "Dr Amina Diallo" });
  });

  it("ignores case, accents, full-width letters and possessives; checks the first full mention only", () => {
    expect(check("ZOE OKAFOR's talk", [zoe]).map((f) => f.actual)).toEqual(["ZOE OKAFOR"]);
    expect(check("prof zoe okafor's talk", [zoe])).toEqual([]);
    expect(check("Prof Ｚｏｅ Okafor speaks", [zoe])).toEqual([]);
    expect(check("Prof. Zoë Okafor opens; later Zoë Okafor closes", [zoe])).toEqual([]);
    expect(codes(check("Zoë Okafor opens; later Prof. Zoë Okafor closes", [zoe]))).toEqual([
      `protocol_title_missing:${zoe.id}`,
    ]);
  });

  it("checks each VIP in a text naming several", () => {
    const findings = check("Amina Diallo, Dr Kofi Mensah and Zoë Okafor on stage", [amina, kofi, zoe]);
    expect(codes(findings)).toEqual([
      `protocol_title_missing:${amina.id}`,
      `protocol_title_missing:${zoe.id}`,
    ]);
  });

  it("a mention by handle needs no title", () => {
    const tagged = delegate({
      title: "H.E.",
      firstName: "Halima",
      lastName: "Said",
      socialHandles: { x: "@HalimaSaid" },
    });
    expect(check("Thank you @halimasaid!", [tagged])).toEqual([]);
  });
});

describe("protocol_handle_missing", () => {
  const tagged = delegate({
    title: "Dr",
    firstName: "Wanjiru",
    lastName: "Kamau",
    autoTag: true,
    socialHandles: { x: "@WanjiruK", bluesky: "wanjiru.bsky.social", linkedin: "wanjiru-kamau" },
  });

  it("asks for the handle of each target platform that tags, and only where the delegate is named", () => {
    const findings = check(
      "Dr Wanjiru Kamau opens day two",
      [tagged],
      ["x", "bluesky", "linkedin", "facebook"],
    );
    expect(findings).toEqual([
      expect.objectContaining({
        code: "protocol_handle_missing",
        platform: "x",
        expected: "@WanjiruK",
        actual: null,
      }),
      expect.objectContaining({
        code: "protocol_handle_missing",
        platform: "bluesky",
        expected: "@wanjiru.bsky.social",
      }),
    ]);
    expect(check("Doors open at 8", [tagged], ["x", "bluesky"])).toEqual([]);
  });

  it("is satisfied by the tag in any case, and not by a longer handle or an e-mail address", () => {
    const text = (tail: string) => `Dr Wanjiru Kamau ${tail}`;
    expect(check(text("(@wanjiruk) opens."), [tagged], ["x"])).toEqual([]);
    expect(check(text("@WanjiruKamau opens"), [tagged], ["x"])).toHaveLength(1);
    expect(check(text("mail wanjiru@WanjiruK.example"), [tagged], ["x"])).toHaveLength(1);
    expect(check(text("with @wanjiru.bsky.social."), [tagged], ["bluesky"])).toEqual([]);
  });

  it("a delegate tagged on one platform's handle is still missing on the other", () => {
    const findings = check("Welcome @WanjiruK", [tagged], ["x", "bluesky"]);
    expect(findings.map((f) => f.platform)).toEqual(["bluesky"]);
  });

  it("without auto_tag nothing is asked", () => {
    expect(check("Dr Wanjiru Kamau", [{ ...tagged, autoTag: false }], ["x", "bluesky"])).toEqual([]);
  });
});

describe("protocol_precedence", () => {
  const first = delegate({ title: "H.E.", firstName: "Samia", lastName: "Hassan", precedence: 1 });
  const second = delegate({ title: "Hon.", firstName: "Kwame", lastName: "Asante", precedence: 2 });
  const third = delegate({ title: "Dr", firstName: "Lena", lastName: "Fischer", precedence: 5 });
  const unranked = delegate({ title: "Dr", firstName: "Musa", lastName: "Bello" });

  it("accepts the order of precedence, gaps and unranked delegates anywhere", () => {
    const text = "Dr Musa Bello welcomes H.E. Samia Hassan, Hon. Kwame Asante and Dr Lena Fischer";
    expect(check(text, [third, unranked, second, first])).toEqual([]);
  });

  it("names who comes first, and the order, for each delegate named after someone they outrank", () => {
    const text = "Hon. Kwame Asante, Dr Lena Fischer and H.E. Samia Hassan open the summit";
    const findings = check(text, [first, second, third]);
    expect(findings).toEqual([
      {
        code: "protocol_precedence",
        severity: "error",
        delegate_id: first.id,
        platform: null,
        message:
          "Name H.E. Samia Hassan (precedence 1) before Hon. Kwame Asante (precedence 2); the order of precedence is H.E. Samia Hassan, Hon. Kwame Asante, Dr Lena Fischer.",
        expected: "H.E. Samia Hassan, Hon. Kwame Asante, Dr Lena Fischer",
        actual: "Hon. Kwame Asante, Dr Lena Fischer, H.E. Samia Hassan",
      },
    ]);
  });

  it("counts a mention by handle, the first mention decides, and different events are not compared", () => {
    const handled = { ...first, socialHandles: { x: "@SamiaH" } };
    expect(codes(check("@SamiaH with Hon. Kwame Asante", [handled, second]))).toEqual([]);
    expect(codes(check("Hon. Kwame Asante with @SamiaH", [handled, second]))).toEqual([
      `protocol_precedence:${first.id}`,
    ]);
    expect(check("H.E. Samia Hassan, Hon. Kwame Asante, then H.E. Samia Hassan", [first, second])).toEqual(
      [],
    );
    const elsewhere = { ...first, eventId: "00000000-0000-4000-8000-00000000e002" };
    expect(check("Hon. Kwame Asante and H.E. Samia Hassan", [elsewhere, second])).toEqual([]);
  });
});

describe("protocol_name_mismatch (a warning)", () => {
  it("flags a name one letter off, capitalised, and nothing shorter or looser", () => {
    expect(check("H.E. Amina Dialo opens the summit", [amina])).toEqual([
      {
        code: "protocol_name_mismatch",
        severity: "warning",
        delegate_id: amina.id,
        platform: null,
        message: '"Amina Dialo" looks like a misspelling of "H.E. Amina Diallo".',
        expected: "H.E. Amina Diallo",
        actual: "Amina Dialo",
      },
    ]);
    expect(codes(check("H.E. Amnia Diallo", [amina]))).toEqual([`protocol_name_mismatch:${amina.id}`]);
    expect(check("H.E. Amina Dallas", [amina])).toEqual([]);
    expect(check("amina dialo", [amina])).toEqual([]);
    // "Kofi" is under five letters: "Kofe Mensah" could be anyone.
    expect(check("Dr Kofe Mensah", [kofi])).toEqual([]);
  });

  it("flags the title with the surname alone before the full name, unless the surname is shared", () => {
    expect(check("H.E. Diallo opens the summit", [amina])).toEqual([
      expect.objectContaining({
        code: "protocol_name_mismatch",
        severity: "warning",
        actual: "H.E. Diallo",
        expected: "H.E. Amina Diallo",
      }),
    ]);
    expect(check("H.E. Amina Diallo arrives; H.E. Diallo speaks at 10", [amina])).toEqual([]);
    const namesake = delegate({ title: "Dr", firstName: "Ibrahim", lastName: "Diallo" });
    expect(check("H.E. Diallo opens the summit", [amina, namesake])).toEqual([]);
  });
});
