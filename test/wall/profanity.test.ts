/**
 * The wall's profanity matcher as a pure function: what it catches through accents, leetspeak,
 * look-alike, repeated and spaced-out letters in each language, and the ordinary words, sentences and
 * names it leaves alone.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_WALL_FILTERS } from "../../src/db/schema/event-widgets.ts";
import { isProfane as filtersIsProfane, judgeWallCandidate } from "../../src/services/wall/filters.ts";
import {
  ENGLISH,
  isProfane,
  OTHER_LANGUAGES,
  profanityMatcher,
  WHITELIST,
} from "../../src/services/wall/profanity.ts";

const caught: ReadonlyArray<readonly [string, string]> = [
  ["plain", "This panel is fucking useless"],
  ["plain", "what a load of bullshit"],
  ["plain", "shut up, you cunt"],
  ["plain", "motherfucker"],
  ["plain", "clusterfuck of a keynote"],
  ["plain", "You absolute wanker"],
  ["plain", "dickhead"],
  ["plain", "asshole"],
  ["plain", "sonofabitch"],
  ["slur", "nigger"],
  ["slur", "faggot"],
  ["capitalised", "FUCK THIS"],
  ["capitalised", "Shit happens"],
  ["capitalised", "BiTcH"],
  ["accented", "fück"],
  ["accented", "shït"],
  ["accented", "cùnt"],
  ["fullwidth", "ｆｕｃｋ"],
  ["leet", "f4ck"],
  ["leet", "f0ck off"],
  ["leet", "sh1t"],
  ["leet", "5h1t"],
  ["leet", "$hit"],
  ["leet", "@ss"],
  ["leet", "a$$hole"],
  ["leet", "b!tch"],
  ["leet", "c0ck"],
  ["leet", "d1ck"],
  ["leet", "p0rn"],
  ["masked", "f*ck"],
  ["masked", "f**k"],
  ["masked", "sh*t"],
  ["repeated", "fuuuuck"],
  ["repeated", "fuckkkk"],
  ["repeated", "shiiiit"],
  ["repeated", "biiitch"],
  ["repeated", "asssss"],
  ["spaced", "f u c k"],
  ["spaced", "F U C K you"],
  ["spaced", "f.u.c.k"],
  ["spaced", "f-u-c-k"],
  ["spaced", "s h i t"],
  ["Cyrillic", "fuсk"],
  ["Cyrillic", "ѕhіt"],
  ["Cyrillic", "аsshole"],
  ["Cyrillic", "сunt"],
  ["Cyrillic", "bіtсh"],
  ["Greek", "fυck"],
  ["Greek", "ρorn"],
  ["punctuated", "shit!"],
  ["punctuated", "fuck!!!"],
  ["punctuated", "(shit)"],
  ["punctuated", '"cunt"'],
  ["hashtag", "#fuckthis"],
  ["mention", "@shithead"],
  ["French", "Quelle merde ce panel"],
  ["French", "putain"],
  ["French", "espèce de connard"],
  ["French", "enculé"],
  ["French", "bâtard"],
  ["French", "nique ta mère"],
  ["Spanish", "hijo de puta"],
  ["Spanish", "cabrón"],
  ["Spanish", "coño"],
  ["Spanish", "chingado"],
  ["Portuguese", "caralho"],
  ["Portuguese", "foda-se"],
  ["Portuguese", "que porra é essa"],
  ["German", "Scheiße"],
  ["German", "SCHEIẞE"],
  ["German", "Arschloch"],
  ["German", "ficken"],
  ["Swahili", "malaya"],
  ["Swahili", "kumamako"],
  ["Swahili", "msenge"],
];

const clean: ReadonlyArray<readonly [string, string]> = [
  ["whitelist", "Scunthorpe United"],
  ["whitelist", "the assassin's creed"],
  ["whitelist", "a classic cocktail"],
  ["whitelist", "Charles Dickens"],
  ["whitelist", "my therapist"],
  ["whitelist", "Sussex, Essex and Middlesex"],
  ["whitelist", "bass guitar"],
  ["whitelist", "a passage to India"],
  ["whitelist", "shiitake and shitake mushrooms"],
  ["whitelist", "a painting by Pissarro"],
  ["whitelist", "the Wankel engine"],
  ["whitelist", "idle twattle"],
  ["whitelist", "a fickle crowd"],
  ["whitelist", "kaffir lime leaves"],
  ["whitelist", "feckless"],
  ["word", "cockpit, peacock and Hitchcock"],
  ["word", "analysis of the documents"],
  ["word", "grape, assume, glass, harass"],
  ["word", "snigger and niggle"],
  ["word", "Titanic"],
  ["word", "flicked"],
  ["name", "Emily Dickinson"],
  ["name", "Hancock and Cockburn"],
  ["name", "Matsushita"],
  ["name", "Fukushima"],
  ["name", "Montenegro"],
  ["name", "Arsenal"],
  ["name", "Uranus"],
  ["name", "Penistone"],
  ["sentence", "What a keynote at #AES2027"],
  ["sentence", "Great opening"],
  ["sentence", "Hello from a new account"],
  ["sentence", "Kung fu panda"],
  ["sentence", "The A55 is closed"],
  ["sentence", "COP28 in Dubai, 5G and B2B SaaS"],
  ["sentence", "*great* talk, I love **this**!"],
  ["sentence", "Plan B, C and D"],
  ["sentence", "magna cum laude"],
  ["French", "Il fait beau, je suis en retard"],
  ["Spanish", "Buenos días, el gato negro"],
  ["Portuguese", "Bom dia"],
  ["German", "Guten Tag"],
  ["Swahili", "Habari za asubuhi, tutamaliza kesho"],
];

/** A pattern as the plainest text it should catch: bars off, `?` as u. */
const sample = (pattern: string) => pattern.replace(/\|/g, "").replace(/\?/g, "u");

describe("isProfane", () => {
  it.each(caught)("catches %s: %s", (_kind, text) => {
    expect(isProfane(text)).toBe(true);
  });

  it.each(clean)("leaves alone %s: %s", (_kind, text) => {
    expect(isProfane(text)).toBe(false);
  });

  it("catches every pattern of every list as plain text", () => {
    const patterns = [...ENGLISH, ...Object.values(OTHER_LANGUAGES).flat()];
    expect(patterns.filter((pattern) => !isProfane(sample(pattern)))).toEqual([]);
  });

  it("needs each whitelist entry: without the whitelist, each is caught", () => {
    const withoutWhitelist = profanityMatcher([...ENGLISH, ...Object.values(OTHER_LANGUAGES).flat()], []);
    const entries = WHITELIST.map(sample);
    expect(entries.filter((entry) => !withoutWhitelist(entry))).toEqual([]);
    expect(entries.filter((entry) => isProfane(entry))).toEqual([]);
  });

  it("matches whole words, prefixes, suffixes and anywhere as the bars say", () => {
    const matches = profanityMatcher(["|whole|", "|start", "end|", "inside"], []);
    expect([matches("whole"), matches("wholes"), matches("awhole")]).toEqual([true, false, false]);
    expect([matches("starting"), matches("restart")]).toEqual([true, false]);
    expect([matches("weekend"), matches("endless")]).toEqual([true, false]);
    expect([matches("insider"), matches("outinsideout")]).toEqual([true, true]);
  });

  it("keeps a pattern's own double letters, and lets a whitelisted phrase cover a match", () => {
    const matches = profanityMatcher(["|bass|"], ["|bass guitar"]);
    expect([matches("bas"), matches("bass"), matches("baaasss")]).toEqual([false, true, true]);
    expect([matches("bass guitar"), matches("bass, guitar"), matches("bass drum")]).toEqual([
      false,
      false,
      true,
    ]);
  });

  it("refuses a pattern it cannot read", () => {
    expect(() => profanityMatcher(["sh1t"], [])).toThrow(/letters/);
  });

  it("reads a long text, and a long run of one letter, without trouble", () => {
    const long = "Great session on climate finance, thanks to every speaker. ".repeat(2000);
    expect(isProfane(long)).toBe(false);
    expect(isProfane(`${long} and then fuck`)).toBe(true);
    expect(isProfane(`f${"u".repeat(100_000)}ck`)).toBe(true);
  });

  it("is what the wall's filters use", () => {
    expect(filtersIsProfane).toBe(isProfane);
    const judge = (text: string) =>
      judgeWallCandidate(
        { platform: "x", authorHandle: "someone", authorFollowers: 100, authorCreatedAt: null, text },
        DEFAULT_WALL_FILTERS,
        new Date(),
      ).hold;
    expect([judge("What a sh1t keynote"), judge("What a keynote")]).toEqual(["profanity", null]);
  });
});
