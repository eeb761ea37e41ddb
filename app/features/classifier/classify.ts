import {
  type CatalogueEntry,
  KATEGORIER,
  type Kategori,
  type Locale,
  SAERLIGE_KATEGORIER,
  type SaerligKategori,
} from "./catalogue.ts";

/**
 * The classifier: from a short description of a piece of data ("bilde av elev med hijab på nettsiden")
 * to a classification with reasons. Deterministic and explainable: every answer lists the rules that
 * fired, in plain language. Words and categories come from the catalogue (content/catalogue); the
 * rules that combine them live here:
 *
 * 1. Catalogue match: names and synonyms, inflected forms and compounds (bilde/bildet/bildene,
 *    sykefravær, fraværsårsak). The strictest matching entry decides the category.
 * 2. Stated reason: "på grunn av", "pga.", "grunnet", "fordi" … + a health or religious reason makes
 *    the data special; any other stated reason settles a doubtful entry.
 * 3. Doubt: an entry that often hides a special category (fravær, fritak, tilrettelegging …) without a
 *    stated reason gives `usikker: true` and the advice to treat the data as special.
 * 4. Groups: an average or a count for a group of at least 10 cannot identify anyone; a small group can.
 * 5. People: a name or a word for a person (elev, barn, ansatt …) makes it personal data even when no
 *    entry matches; a photo or film without people is not.
 */

export type Answer = {
  personopplysning: boolean;
  kategori: Kategori;
  saerligeKategorier: SaerligKategori[];
  usikker: boolean;
  begrunnelse: string[];
  treff: string[];
};

/** The longest description we classify; longer text is refused with a message. */
export const MAX_TEXT_LENGTH = 300;
/** A group of at least this many people can be described by an average or a count without identifying anyone. */
export const MIN_ANONYMOUS_GROUP = 10;

const rank = (k: Kategori) => KATEGORIER.indexOf(k);

// ---------- words ----------

/** Endings of Norwegian nouns, adjectives and verbs (bokmål and nynorsk). */
const ENDINGS = [
  "",
  "e",
  "en",
  "et",
  "er",
  "ene",
  "a",
  "ar",
  "ane",
  "ne",
  "r",
  "n",
  "t",
  "s",
  "es",
  "ens",
  "ets",
  "as",
];

export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\bp\.?\s?g\.?\s?a\.?(?=\s|$)/g, " på grunn av ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter(Boolean);
}

const endsWithInflection = (rest: string) => ENDINGS.includes(rest);

/** Does the text word `tok` contain the catalogue word `word`, inflected or as part of a compound? */
export function wordMatches(word: string, tok: string): boolean {
  if (tok === word) return true;
  const stems = word.endsWith("e") && word.length > 3 ? [word, word.slice(0, -1)] : [word];
  for (const stem of stems) {
    if (tok.startsWith(stem) && endsWithInflection(tok.slice(stem.length))) return true;
  }
  if (word.length < 5) return false;
  // Last part of a compound: sykefravær, nøtteallergien.
  for (const stem of stems) {
    const at = tok.indexOf(stem, 2);
    if (at >= 2 && endsWithInflection(tok.slice(at + stem.length))) return true;
  }
  // First part of a compound: fraværsårsak, allergiliste.
  return tok.startsWith(word) && tok.length - word.length >= 3;
}

/** Positions in `tokens` where the phrase matches: its words in order, at most two words between. */
function phraseMatch(phrase: string[], tokens: string[]): [number, number] | null {
  const first = phrase[0];
  if (!first) return null;
  for (let start = 0; start < tokens.length; start++) {
    if (!wordMatches(first, tokens[start] ?? "")) continue;
    let at = start;
    let ok = true;
    for (const word of phrase.slice(1)) {
      let found = -1;
      for (let j = at + 1; j <= at + 3 && j < tokens.length; j++) {
        if (wordMatches(word, tokens[j] ?? "")) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      at = found;
    }
    if (ok) return [start, at];
  }
  return null;
}

const anyWord = (words: string[], tokens: string[]) =>
  tokens.some((t) => words.some((w) => wordMatches(w, t)));

/** Small words left out of catalogue phrases, so "adresse til helseinstitusjon" also matches "adresse på en helseinstitusjon". */
const STOPWORDS = new Set([
  "til",
  "på",
  "i",
  "av",
  "fra",
  "frå",
  "for",
  "med",
  "en",
  "ein",
  "et",
  "eit",
  "ei",
  "om",
  "og",
  "som",
  "ved",
  "hos",
  "den",
  "det",
  "de",
  "dei",
]);

// ---------- rule lexicons (small, closed word lists that belong to the rules, not the catalogue) ----------

/** Markers that introduce a reason. Multi-word markers are phrases. */
const REASON_MARKERS = [
  "på grunn av",
  "grunnet",
  "grunna",
  "fordi",
  "som følge av",
  "på bakgrunn av",
  "på grunnlag av",
  "begrunnet",
  "grunngitt",
  "årsak",
  "årsaken",
  "av hensyn til",
].map((m) => m.split(" "));

/** Reason words that are not catalogue entries in themselves but show the kind of reason. */
const REASON_KINDS: { kategori: SaerligKategori; words: string[] }[] = [
  {
    kategori: "helse",
    words: [
      "helse",
      "helsemessig",
      "helsemessige",
      "medisinsk",
      "medisinske",
      "lege",
      "legetime",
      "legebesøk",
      "tannlege",
      "tannlækjar",
      "sykehus",
      "sjukehus",
      "psykolog",
      "bup",
      "fysioterapeut",
      "behandling",
    ],
  },
  {
    kategori: "religion",
    words: [
      "religiøs",
      "religiøse",
      "religion",
      "troen",
      "trua",
      "livssyn",
      "trossamfunn",
      "trussamfunn",
      "høytid",
      "ramadan",
    ],
  },
];

/** Words for a person. */
const PERSON_WORDS = [
  "elev",
  "elever",
  "barn",
  "barna",
  "barnet",
  "unge",
  "ungdom",
  "foresatt",
  "føresett",
  "forelder",
  "foreldre",
  "mor",
  "far",
  "mamma",
  "pappa",
  "ansatt",
  "tilsett",
  "lærer",
  "lærar",
  "assistent",
  "styrer",
  "rektor",
  "vikar",
  "person",
  "kandidat",
  "deltaker",
  "deltakar",
  "søker",
  "søkjar",
  "gutt",
  "jente",
  "pasient",
  "medarbeider",
  "medarbeidar",
  "kollega",
  "han",
  "hun",
  "ho",
  "hans",
  "hennes",
  "hennar",
  "familie",
  "søsken",
  "sysken",
];

const AGGREGATE_WORDS = [
  "gjennomsnitt",
  "snitt",
  "snittkarakter",
  "median",
  "statistikk",
  "anonym",
  "anonymisert",
  "aggregert",
  "antall",
  "talet",
  "andel",
  "prosent",
  "prosentdel",
  "samlet",
  "samla",
  "oversikt over antall",
];
/** Words that make the description about one person even inside an aggregate. */
const INDIVIDUAL_WORDS = [
  "elevens",
  "barnets",
  "hans",
  "hennes",
  "hennar",
  "eleven",
  "barnet",
  "den ansatte",
  "den tilsette",
];

const MEDIA_ENTRIES = new Set(["bilde", "video", "lydopptak", "portrettbilde", "kameraovervaking"]);
const NO_PEOPLE = [
  "uten personer",
  "utan personar",
  "uten folk",
  "utan folk",
  "uten elever",
  "utan elevar",
  "uten barn",
  "utan barn",
  "ingen personer",
  "ingen personar",
  "ingen elever",
  "ingen elevar",
  "ingen barn",
  "ingen kan kjennes igjen",
  "ingen kan kjennast att",
  "ugjenkjennelig",
  "ugjenkjenneleg",
  "bakfra",
  "bakfrå",
  "skolebygget",
  "skulebygget",
  "skolebygning",
  "skulebygning",
  "skolegården",
  "skuleplassen",
  "uteområdet",
  "landskap",
  "tegning",
  "teikning",
].map((p) => p.split(" "));

/** Capitalised words that are not names. */
const NOT_NAMES = new Set([
  "feide",
  "teams",
  "facebook",
  "instagram",
  "snapchat",
  "tiktok",
  "youtube",
  "google",
  "microsoft",
  "apple",
  "ipad",
  "chromebook",
  "krle",
  "ppt",
  "sfo",
  "aks",
  "iop",
  "nav",
  "bup",
  "gdpr",
  "norsk",
  "engelsk",
  "samisk",
  "kvensk",
  "datatilsynet",
  "altinn",
  "excel",
  "word",
  "visma",
  "vigilo",
  "itslearning",
  "showbie",
  "sikt",
  "udir",
  "sms",
  "nynorsk",
  "bokmål",
  "jul",
  "påske",
  "mai",
  "juni",
  "august",
  "desember",
  "islam",
  "kristendom",
  "adhd",
  "røde",
  "kors",
  "redd",
  "barna",
  "frelsesarmeen",
  "unicef",
  "kirkens",
  "bymisjon",
  "statped",
  "bufdir",
  "statsforvaltaren",
  "statsforvalteren",
  "kommune",
  "fylkeskommune",
]);

// ---------- explanations ----------

type Texts = {
  entry: (name: string, why: string, ref: string) => string;
  reason: (reason: string, kind: string) => string;
  otherReason: (name: string) => string;
  doubt: (names: string) => string;
  group: (n: number) => string;
  groupNoSize: string;
  smallGroup: (n: number) => string;
  midGroup: (n: number) => string;
  person: string;
  name: (word: string) => string;
  noPeopleInMedia: string;
  mediaNeedsPeople: string;
  nothing: string;
  children: string;
  inDoubtSpecial: string;
  kinds: Record<SaerligKategori, string>;
};

const TEXTS: Record<Locale, Texts> = {
  nb: {
    entry: (name, why, ref) => `${name}: ${why} (${ref})`,
    reason: (reason, kind) =>
      `Regel om årsak: teksten sier at årsaken er «${reason}». Det er en opplysning om ${kind}, og da blir hele opplysningen en særlig kategori.`,
    otherReason: (name) =>
      `Regel om årsak: teksten oppgir en årsak som ikke er helse, religion eller en annen særlig kategori. Da er ${name} en alminnelig personopplysning.`,
    doubt: (names) =>
      `Regel om tvil: ${names} skjuler ofte en særlig kategori, for eksempel helse, men teksten sier ikke hvorfor. Er du i tvil, skal du behandle opplysningen som særlig kategori.`,
    group: (n) =>
      `Regel om grupper: et samlet tall for en gruppe på ${n} personer kan ikke knyttes til én person. Da er det ikke en personopplysning.`,
    groupNoSize:
      "Regel om grupper: et samlet tall for en gruppe er ikke en personopplysning. Men er gruppen liten (under 10), kan noen skjønne hvem det gjelder. Da er det en personopplysning.",
    smallGroup: (n) =>
      `Regel om grupper: gruppen har bare ${n} personer. Da kan noen skjønne hvem tallet gjelder, så det er en personopplysning.`,
    midGroup: (n) =>
      `Regel om grupper: en gruppe på ${n} er så liten at noen kan skjønne hvem det gjelder. Vær forsiktig.`,
    person:
      "Regel om personer: teksten handler om en person. Alt som kan knyttes til en person, er en personopplysning.",
    name: (word) =>
      `Regel om navn: «${word}» ser ut som et navn. Et navn gjør opplysningen til en personopplysning.`,
    noPeopleInMedia:
      "Regel om bilder: bildet eller filmen viser ingen som kan kjennes igjen. Da er det ikke en personopplysning.",
    mediaNeedsPeople:
      "Regel om bilder: et bilde, en film eller et lydopptak er en personopplysning når noen kan kjennes igjen.",
    nothing:
      "Vi fant ikke noe i teksten som viser til en person eller en kjent type personopplysning. Kan opplysningen likevel knyttes til en person, er den en personopplysning.",
    children: "Opplysninger om barn har et særlig vern, fordi barn ofte forstår mindre av risikoen.",
    inDoubtSpecial: "Behandle opplysningen som særlig kategori til dere vet mer.",
    kinds: {
      etnisk_opprinnelse: "etnisk opprinnelse",
      politisk_oppfatning: "politisk oppfatning",
      religion: "religion eller livssyn",
      filosofisk_overbevisning: "filosofisk overbevisning",
      fagforening: "fagforeningsmedlemskap",
      genetikk: "genetiske opplysninger",
      biometri: "biometriske opplysninger",
      helse: "helse",
      seksuelle_forhold: "seksuelle forhold",
    },
  },
  nn: {
    entry: (name, why, ref) => `${name}: ${why} (${ref})`,
    reason: (reason, kind) =>
      `Regel om årsak: teksten seier at årsaka er «${reason}». Det er ei opplysning om ${kind}, og då blir heile opplysninga ein særleg kategori.`,
    otherReason: (name) =>
      `Regel om årsak: teksten oppgir ei årsak som ikkje er helse, religion eller ein annan særleg kategori. Då er ${name} ei alminneleg personopplysning.`,
    doubt: (names) =>
      `Regel om tvil: ${names} skjuler ofte ein særleg kategori, til dømes helse, men teksten seier ikkje kvifor. Er du i tvil, skal du behandle opplysninga som særleg kategori.`,
    group: (n) =>
      `Regel om grupper: eit samla tal for ei gruppe på ${n} personar kan ikkje knytast til éin person. Då er det ikkje ei personopplysning.`,
    groupNoSize:
      "Regel om grupper: eit samla tal for ei gruppe er ikkje ei personopplysning. Men er gruppa lita (under 10), kan nokon skjøne kven det gjeld. Då er det ei personopplysning.",
    smallGroup: (n) =>
      `Regel om grupper: gruppa har berre ${n} personar. Då kan nokon skjøne kven talet gjeld, så det er ei personopplysning.`,
    midGroup: (n) =>
      `Regel om grupper: ei gruppe på ${n} er så lita at nokon kan skjøne kven det gjeld. Ver forsiktig.`,
    person:
      "Regel om personar: teksten handlar om ein person. Alt som kan knytast til ein person, er ei personopplysning.",
    name: (word) =>
      `Regel om namn: «${word}» ser ut som eit namn. Eit namn gjer opplysninga til ei personopplysning.`,
    noPeopleInMedia:
      "Regel om bilete: biletet eller filmen viser ingen som kan kjennast att. Då er det ikkje ei personopplysning.",
    mediaNeedsPeople:
      "Regel om bilete: eit bilete, ein film eller eit lydopptak er ei personopplysning når nokon kan kjennast att.",
    nothing:
      "Vi fann ikkje noko i teksten som viser til ein person eller ein kjend type personopplysning. Kan opplysninga likevel knytast til ein person, er ho ei personopplysning.",
    children: "Opplysningar om barn har eit særleg vern, fordi barn ofte forstår mindre av risikoen.",
    inDoubtSpecial: "Behandle opplysninga som særleg kategori til de veit meir.",
    kinds: {
      etnisk_opprinnelse: "etnisk opphav",
      politisk_oppfatning: "politisk oppfatning",
      religion: "religion eller livssyn",
      filosofisk_overbevisning: "filosofisk overtyding",
      fagforening: "medlemskap i fagforeining",
      genetikk: "genetiske opplysningar",
      biometri: "biometriske opplysningar",
      helse: "helse",
      seksuelle_forhold: "seksuelle forhold",
    },
  },
};

// ---------- the classifier ----------

type Compiled = {
  entry: CatalogueEntry;
  phrases: string[][];
  exceptions: string[][];
};

type Hit = { entry: CatalogueEntry; span: [number, number] };

const compiledCache = new WeakMap<CatalogueEntry[], Compiled[]>();

function compile(catalogue: CatalogueEntry[]): Compiled[] {
  const cached = compiledCache.get(catalogue);
  if (cached) return cached;
  const compiled = catalogue.map((entry) => {
    const words = new Set<string>();
    for (const lang of ["nb", "nn"] as const) {
      words.add(entry.navn[lang].toLowerCase());
      for (const s of entry.synonymer[lang]) words.add(s.toLowerCase());
    }
    const toPhrase = (s: string) => {
      const words = tokenize(s);
      const content = words.filter((w) => !STOPWORDS.has(w));
      return content.length > 0 ? content : words;
    };
    return {
      entry,
      phrases: [...words].map(toPhrase).filter((p) => p.length > 0),
      exceptions: [...entry.unntak.nb, ...entry.unntak.nn].map(toPhrase).filter((p) => p.length > 0),
    };
  });
  compiledCache.set(catalogue, compiled);
  return compiled;
}

function findHits(compiled: Compiled[], tokens: string[]): Hit[] {
  const hits: Hit[] = [];
  for (const c of compiled) {
    if (c.exceptions.some((p) => phraseMatch(p, tokens))) continue;
    let best: [number, number] | null = null;
    for (const phrase of c.phrases) {
      const span = phraseMatch(phrase, tokens);
      if (span && (!best || span[1] - span[0] > best[1] - best[0])) best = span;
    }
    if (best) hits.push({ entry: c.entry, span: best });
  }
  // A hit inside a longer hit of another entry is part of it ("fravær" inside "fravær på grunn av sykdom"),
  // unless it is stricter.
  return hits
    .filter(
      (h) =>
        !hits.some(
          (o) =>
            o !== h &&
            o.span[0] <= h.span[0] &&
            o.span[1] >= h.span[1] &&
            (o.span[1] - o.span[0] > h.span[1] - h.span[0]
              ? rank(o.entry.kategori) >= rank(h.entry.kategori)
              : rank(o.entry.kategori) > rank(h.entry.kategori)),
        ),
    )
    .sort((a, b) => a.span[0] - b.span[0]);
}

/** The position just after the first reason marker, or -1. */
function reasonStart(tokens: string[]): number {
  let best = -1;
  for (const marker of REASON_MARKERS) {
    for (let i = 0; i + marker.length <= tokens.length; i++) {
      if (marker.every((w, k) => tokens[i + k] === w)) {
        const after = i + marker.length;
        if (best < 0 || after < best) best = after;
        break;
      }
    }
  }
  // Compounds: fraværsårsak, fritaksgrunn.
  const compound = tokens.findIndex(
    (tok) => /(årsak|årsaka|årsaken|grunn|grunnen)$/.test(tok) && tok.length > 6 && !tok.endsWith("bakgrunn"),
  );
  if (compound >= 0 && (best < 0 || compound + 1 < best)) best = compound + 1;
  return best;
}

/** The size of a group, e.g. "25 elever", "klassen med 25", "3 barn". */
function groupSize(tokens: string[]): number | null {
  for (let i = 0; i < tokens.length; i++) {
    const n = Number(tokens[i]);
    if (!Number.isInteger(n) || n <= 0 || n > 100000) continue;
    const next = tokens.slice(i + 1, i + 3);
    const before = tokens.slice(Math.max(0, i - 2), i);
    if (
      next.some(
        (t) => anyWord(PERSON_WORDS, [t]) || anyWord(["personer", "personar", "stykker", "stk"], [t]),
      ) ||
      before.some((t) => ["med", "på", "av", "blant"].includes(t))
    ) {
      // "5. klasse" (a grade) is not a group size.
      if (next[0] && anyWord(["klasse", "trinn"], [next[0]])) continue;
      return n;
    }
  }
  return null;
}

function possibleName(original: string): string | null {
  const words = original.split(/[^\p{L}-]+/u).filter(Boolean);
  // "Ola sitt fravær": a capitalised first word followed by a possessive is a name.
  const first = words[0] ?? "";
  if (
    /^\p{Lu}\p{Ll}+$/u.test(first) &&
    ["sitt", "sin", "sine", "si"].includes(words[1] ?? "") &&
    !NOT_NAMES.has(first.toLowerCase())
  )
    return first;
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? "";
    if (w.length < 2 || !/^\p{Lu}\p{Ll}+$/u.test(w)) continue;
    if (NOT_NAMES.has(w.toLowerCase())) continue;
    return w;
  }
  return null;
}

/** The tokens without phrases that say no one is there ("uten elever"), so "elever" does not count. */
function withoutNoPeople(tokens: string[]): string[] {
  const kept = [...tokens];
  for (const phrase of NO_PEOPLE) {
    for (let i = 0; i + phrase.length <= kept.length; i++) {
      if (phrase.every((w, k) => kept[i + k] === w)) kept.fill("", i, i + phrase.length);
    }
  }
  return kept.filter(Boolean);
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

export function classify(text: string, catalogue: CatalogueEntry[], locale: Locale = "nb"): Answer {
  const t = TEXTS[locale];
  const tokens = tokenize(text);
  const hits = findHits(compile(catalogue), tokens);
  const reasons: string[] = [];
  const name = (e: CatalogueEntry) => e.navn[locale];

  const reasonAt = reasonStart(tokens);
  const reasonTokens = reasonAt >= 0 ? tokens.slice(reasonAt) : [];
  const reasonHits = hits.filter((h) => reasonAt >= 0 && h.span[0] >= reasonAt);

  // Rule 5: people.
  const mentionsPerson = anyWord(PERSON_WORDS, withoutNoPeople(tokens));
  const nameWord = possibleName(text.trim());
  const mediaOnly = hits.length > 0 && hits.every((h) => MEDIA_ENTRIES.has(h.entry.id));
  const noPeople = NO_PEOPLE.some((p) => phraseMatch(p, tokens));

  // Rule 4: groups.
  const aggregate = anyWord(AGGREGATE_WORDS, tokens);
  const notPersonalHits = hits.filter((h) => h.entry.kategori === "ikke");
  const individual =
    INDIVIDUAL_WORDS.some((w) => phraseMatch(w.split(" "), tokens)) || (nameWord !== null && !aggregate);
  const size = groupSize(tokens);
  const aboutGroup = aggregate && !individual && !nameWord;

  let kategori: Kategori = "ikke";
  let personal = false;
  const saerlige = new Set<SaerligKategori>();
  let uncertain = false;

  if (aboutGroup && (size === null || size >= MIN_ANONYMOUS_GROUP)) {
    reasons.push(size === null ? t.groupNoSize : t.group(size));
    for (const h of notPersonalHits)
      reasons.push(t.entry(name(h.entry), h.entry.forklaring[locale], h.entry.hjemmel));
    return {
      personopplysning: false,
      kategori: "ikke",
      saerligeKategorier: [],
      usikker: false,
      begrunnelse: reasons,
      treff: unique(hits.map((h) => h.entry.id)),
    };
  }

  if (mediaOnly && noPeople && !mentionsPerson && !nameWord) {
    return {
      personopplysning: false,
      kategori: "ikke",
      saerligeKategorier: [],
      usikker: false,
      begrunnelse: [t.noPeopleInMedia],
      treff: [],
    };
  }

  // Rule 1: catalogue entries; the strictest decides.
  const personalHits = hits.filter((h) => h.entry.kategori !== "ikke");
  for (const h of personalHits) {
    if (rank(h.entry.kategori) > rank(kategori)) kategori = h.entry.kategori;
    for (const s of h.entry.saerligeKategorier) saerlige.add(s);
  }
  if (personalHits.length > 0) personal = true;

  // Rule 2: a stated reason. Reason words that are not entries ("helsemessige årsaker").
  for (const kind of REASON_KINDS) {
    const word = reasonTokens.find((tok) => kind.words.some((w) => wordMatches(w, tok)));
    if (word && !reasonHits.some((h) => h.entry.saerligeKategorier.includes(kind.kategori))) {
      kategori = "saerlig";
      saerlige.add(kind.kategori);
      personal = true;
      reasons.push(t.reason(word, t.kinds[kind.kategori]));
    }
  }
  for (const h of reasonHits.filter((x) => x.entry.kategori === "saerlig")) {
    const words = tokens.slice(h.span[0], h.span[1] + 1).join(" ");
    reasons.push(t.reason(words, h.entry.saerligeKategorier.map((s) => t.kinds[s]).join(", ")));
  }

  // Explain the entries that decided (and every extra-care entry).
  for (const h of personalHits) {
    if (h.entry.kategori === kategori || h.entry.kategori === "ekstra_varsomhet" || h.entry.tvil)
      reasons.push(t.entry(name(h.entry), h.entry.forklaring[locale], h.entry.hjemmel));
  }

  // Rule 3: doubt.
  const doubtful = personalHits.filter((h) => h.entry.tvil && h.entry.kategori !== "saerlig");
  if (kategori !== "saerlig" && doubtful.length > 0) {
    if (reasonTokens.length > 0) {
      reasons.push(t.otherReason(doubtful.map((h) => name(h.entry).toLowerCase()).join(", ")));
    } else {
      uncertain = true;
      reasons.push(t.doubt(doubtful.map((h) => `«${name(h.entry).toLowerCase()}»`).join(", ")));
    }
  }

  // Rule 4 again: a count or average for a small group identifies.
  if (aggregate && size !== null && size < MIN_ANONYMOUS_GROUP) {
    personal = true;
    if (kategori === "ikke") kategori = "alminnelig";
    if (size < 5) reasons.push(t.smallGroup(size));
    else {
      reasons.push(t.midGroup(size));
      uncertain = true;
    }
  }

  // Rule 5: a person or a name without an entry. A timetable for "the pupils in 5b" is still about a group.
  const groupDocument = notPersonalHits.length > 0 && !individual && !nameWord;
  if (!personal && !groupDocument && (mentionsPerson || nameWord)) {
    personal = true;
    kategori = "alminnelig";
    reasons.push(nameWord && !mentionsPerson ? t.name(nameWord) : t.person);
  }
  if (mediaOnly) reasons.push(t.mediaNeedsPeople);

  if (!personal) {
    const why = notPersonalHits.map((h) =>
      t.entry(name(h.entry), h.entry.forklaring[locale], h.entry.hjemmel),
    );
    return {
      personopplysning: false,
      kategori: "ikke",
      saerligeKategorier: [],
      usikker: false,
      begrunnelse: why.length > 0 ? why : [t.nothing],
      treff: unique(notPersonalHits.map((h) => h.entry.id)),
    };
  }

  if (uncertain) reasons.push(t.inDoubtSpecial);
  if (anyWord(["elev", "barn", "barna", "barnet", "unge", "gutt", "jente"], tokens)) reasons.push(t.children);

  return {
    personopplysning: true,
    kategori,
    saerligeKategorier: SAERLIGE_KATEGORIER.filter((s) => saerlige.has(s)),
    usikker: uncertain,
    begrunnelse: unique(reasons),
    treff: unique(personalHits.map((h) => h.entry.id)),
  };
}
