/**
 * Word lists of the languages the events use. Stop words are the function words of each language:
 * the language detector counts them (they are what every sentence has), and keywords leave them out.
 * Cue words are frequent content words of short social posts ("great", "merci", "asante"): they help
 * the detector on a post too short to have function words, and are not removed from keywords.
 */
export const DETECTED_LANGUAGES = ["en", "fr", "es", "pt", "de", "sw"] as const;
export type DetectedLanguage = (typeof DETECTED_LANGUAGES)[number];

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

export const STOP_WORDS: Readonly<Record<DetectedLanguage, ReadonlySet<string>>> = {
  en: words(`
    a an the and or but nor so yet of to in on at for with from by about as into onto over under up down
    out off than then that this these those there here it its it's i i'm i've i'd i'll me my mine we
    we're we've we'll us our ours you you're you've you'll your yours he he's him his she she's her hers
    they they're they've them their theirs who whom whose which what what's when where why how is are
    was were be been being am do does did doing done have has had having will would shall should can
    could may might must not no yes all any some every each both either neither more most much many
    few less least own same such only also just very really too still even again ever if because while
    after before until since though although whether once let's that's there's here's who's don't
    doesn't didn't isn't aren't wasn't weren't won't wouldn't can't couldn't shouldn't haven't hasn't
    hadn't get gets got getting go goes going went gone make makes made one ones thing things lot lots
    like via per etc now today tonight tomorrow yesterday
  `),
  fr: words(`
    le la les un une des du de et ou mais donc car ni que qui quoi dont où ce cet cette ces
    mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs je tu il elle nous vous ils elles
    on me te se lui y en est sont été être ai as a avons avez ont suis es sommes êtes était
    étaient sera seront fait faire pas ne plus très trop aussi tout tous toute toutes avec sans pour
    par sur sous dans chez entre vers au aux ça c'est ici voilà comme quand encore déjà toujours jamais
    rien personne quel quelle quels quelles aujourd'hui demain hier
  `),
  es: words(`
    el la los las un una unos unas y e o u pero de del al a en con sin por para sobre entre hasta desde
    que qué quien quién cual cuál como cómo cuando cuándo donde dónde es son era eran fue fueron está
    están estaba estamos ser estar hay muy más menos también todo todos toda todas este esta estos estas
    ese esa esos esas eso esto mi mis tu tus su sus nuestro nuestra nuestros nuestras yo tú él ella
    nosotros ellos ellas le les lo se me te nos no sí ya aquí hoy mañana ayer ni nada nadie siempre nunca
  `),
  pt: words(`
    o a os as um uma uns umas e ou mas de do da dos das em no na nos nas num numa ao aos à às com sem por
    pelo pela pelos pelas para sobre entre até desde que quem qual como quando onde é são era eram foi
    foram está estão estava estamos ser estar há muito muita muitos muitas mais menos também todo todos
    toda todas este esta estes estas esse essa esses essas isso isto meu minha meus minhas nosso nossa
    nossos nossas eu tu ele ela nós eles elas lhe se me te não sim já aqui hoje amanhã ontem nada ninguém
    sempre nunca você vocês
  `),
  de: words(`
    der die das den dem des ein eine einen einem einer eines und oder aber doch von zu zum zur im in am
    an auf aus bei mit nach für über unter vor durch ohne gegen ist sind war waren sein bin bist hat
    haben hatte hatten wird werden wurde wurden kann können muss müssen nicht kein keine keinen sehr auch
    noch schon nur wie was wer wo wann warum ich du er sie es wir ihr mein meine meinen unser unsere
    dein deine sich mich mir uns euch heute morgen gestern hier da dort jetzt ganz viel viele mal
  `),
  sw: words(`
    na ya wa za la kwa ni katika kutoka hii hizi huu hiyo hilo huyu hao hapa pale kule lakini pia au
    kama kwamba sisi wewe yeye wao mimi yetu yangu yako yake wako wote kila tu je nini wapi lini bado
    sasa hakuna kuna ndiyo hapana leo kesho jana sana
  `),
};

export const CUE_WORDS: Readonly<Record<DetectedLanguage, ReadonlySet<string>>> = {
  en: words(`
    great good best better thanks thank love loved amazing awesome excellent terrible bad worst wow nice
    happy sad glad proud excited honoured honored looking forward day week year time people everyone
    anyone nobody someone something nothing talk queue ticket tickets lunch coffee morning afternoon
    evening night next first last new old big little long short know think feel felt see saw come came
    still waiting late early room well done congrats congratulations please sorry who else
  `),
  fr: words(`
    merci bonjour bravo super génial magnifique formidable nul vraiment bien mal bon bonne beaucoup
    journée soirée salle conférence séance intervenants bénévoles
  `),
  es: words(`
    gracias hola increíble excelente genial bueno buena malo mala mal bien gran grande mucho muchos
    muchas día sesión ponentes taller conferencia sala
  `),
  pt: words(`
    obrigado obrigada olá incrível excelente ótimo ótima bom boa mau má mal bem grande dia sessão
    palestrantes conferência sala evento
  `),
  de: words(`
    danke bitte toll super schön gut schlecht großartig leider uhr vortrag konferenz tag saal
  `),
  sw: words(`
    asante asanteni karibu karibuni mkutano kikao habari nzuri mzuri vizuri mbaya siku saa watu mtu
    kubwa ndogo ukumbi
  `),
};
