import { describe, expect, test } from "vitest";
import { loadCatalogueFromDisk } from "./catalogue.ts";
import { classify, tokenize, wordMatches } from "./classify.ts";
import { CASES } from "./classify-cases.ts";

const catalogue = loadCatalogueFromDisk();
const nb = (text: string) => classify(text, catalogue, "nb");
const nn = (text: string) => classify(text, catalogue, "nn");

describe("words", () => {
  test.each([
    ["bilde", "bildet"],
    ["bilde", "bildene"],
    ["bilde", "bilder"],
    ["fravær", "sykefravær"],
    ["fravær", "fraværsårsak"],
    ["allergi", "nøtteallergien"],
    ["barn", "barna"],
  ])("«%s» finner «%s»", (word, tok) => expect(wordMatches(word, tok)).toBe(true));

  test.each([
    ["kors", "korstog"],
    ["navn", "navnelapper"],
    ["syk", "sykkel"],
    ["lege", "legemiddelkurs"],
  ])("«%s» finner ikke «%s»", (word, tok) => expect(wordMatches(word, tok)).toBe(false));

  test("pga. blir til «på grunn av»", () => {
    expect(tokenize("Fritak pga. dysleksi")).toEqual(["fritak", "på", "grunn", "av", "dysleksi"]);
  });
});

// Every rule and example of seed 003 (what personal data is in school and kindergarten), one test each.
describe("seed 003: hva er personopplysninger", () => {
  test.each([
    "navn på eleven",
    "adresse til foresatte",
    "telefonnummer til foreldrene",
    "e-postadresse til en forelder",
    "informasjon om allergier",
    "atferdsmønster og sosiale ferdigheter",
    "innholdet i elevens arbeid",
    "bilder av barn",
    "video av elever",
    "lydfil med elever som leser",
    "underveisvurdering i norsk",
    "sluttvurdering",
    "fravær",
    "logg over hva elevene har gjort på nettverket til skolen",
    "anmerkninger",
    "faglig progresjon",
    "spesielle undervisningsbehov",
  ])("«%s» er en personopplysning", (text) => {
    expect(nb(text).personopplysning).toBe(true);
  });

  test("opplysninger på papir, PC og minnepinne er personopplysninger uansett medium", () => {
    for (const text of ["elevliste på papir", "elevliste på en minnepinne", "karakterer lagret på PC"])
      expect(nb(text).personopplysning, text).toBe(true);
  });

  test("gjenkjennelige bilder på hjemmesiden og i læringsplattformen er personopplysninger", () => {
    expect(nb("bilder av barna på hjemmesiden")).toMatchObject({
      personopplysning: true,
      kategori: "alminnelig",
    });
    expect(nb("bilde av eleven i læringsplattformen")).toMatchObject({ personopplysning: true });
  });

  test("en eksamensbesvarelse er en personopplysning, selv om sensor ikke kjenner eleven (kandidatnummer)", () => {
    const answer = nb("eksamensbesvarelse med kandidatnummer");
    expect(answer).toMatchObject({ personopplysning: true, kategori: "alminnelig" });
    expect(answer.treff).toContain("eksamensbesvarelse");
  });

  test("navn, telefonnummer og e-postadresse er alminnelige personopplysninger", () => {
    for (const text of ["navn", "telefonnummer", "e-postadresse"])
      expect(nb(`${text} til eleven`).kategori, text).toBe("alminnelig");
  });

  test("sykefravær er en helseopplysning (særlig kategori)", () => {
    expect(nb("sykefravær")).toMatchObject({
      kategori: "saerlig",
      saerligeKategorier: ["helse"],
      usikker: false,
    });
  });

  test("tilrettelegging på grunn av helse er særlig kategori", () => {
    expect(nb("tilrettelegging på grunn av helse")).toMatchObject({
      kategori: "saerlig",
      saerligeKategorier: ["helse"],
    });
  });

  test("sykdom og skade er helseopplysninger, uansett hvor små eller kortvarige", () => {
    expect(nb("eleven har influensa")).toMatchObject({ kategori: "saerlig", saerligeKategorier: ["helse"] });
    expect(nb("liten skade i friminuttet")).toMatchObject({
      kategori: "saerlig",
      saerligeKategorier: ["helse"],
    });
    expect(nb("brukket arm i fjor")).toMatchObject({ kategori: "saerlig", saerligeKategorier: ["helse"] });
  });

  test("sosiale ferdigheter, atferd og kommunikasjon er særlig kategori når grunnen er helse", () => {
    expect(nb("sosiale ferdigheter på grunn av autisme").kategori).toBe("saerlig");
    expect(nb("atferdsvansker på grunn av ADHD").saerligeKategorier).toEqual(["helse"]);
    expect(nb("kommunikasjonsevner grunnet helsemessige årsaker").kategori).toBe("saerlig");
  });

  test("sosiale ferdigheter uten oppgitt grunn: alminnelig, men usikker", () => {
    expect(nb("sosiale ferdigheter")).toMatchObject({ kategori: "alminnelig", usikker: true });
  });

  test("fritak fra deler av undervisningen på grunn av religion eller livssyn er særlig kategori", () => {
    expect(nb("fritak fra deler av KRLE på grunn av religion")).toMatchObject({
      kategori: "saerlig",
      saerligeKategorier: ["religion"],
    });
    expect(nb("fritak fra aktiviteter på grunn av livssyn").saerligeKategorier).toEqual(["religion"]);
  });

  test.each(["hijab", "kippa", "kors"])("bilde der eleven har %s viser religion", (symbol) => {
    expect(nb(`bilde av elev med ${symbol}`)).toMatchObject({
      kategori: "saerlig",
      saerligeKategorier: ["religion"],
    });
  });

  test("karakterer er alminnelige personopplysninger", () => {
    expect(nb("karakter i engelsk")).toMatchObject({ kategori: "alminnelig", usikker: false });
  });

  test("fritak fra vurdering på grunn av dysleksi er en helseopplysning", () => {
    expect(nb("fritak fra vurdering i engelsk på grunn av dysleksi")).toMatchObject({
      kategori: "saerlig",
      saerligeKategorier: ["helse"],
      usikker: false,
    });
  });

  test("karakter i samisk viser etnisk opprinnelse", () => {
    expect(nb("karakter i samisk")).toMatchObject({
      kategori: "saerlig",
      saerligeKategorier: ["etnisk_opprinnelse"],
    });
  });

  test("i tvil: behandle som særlig kategori", () => {
    const answer = nb("fritak fra vurdering");
    expect(answer.usikker).toBe(true);
    expect(answer.begrunnelse.join(" ")).toMatch(/særlig kategori/);
  });

  test("hemmelig adresse: ikke særlig kategori, men ekstra varsomhet", () => {
    expect(nb("hemmelig adresse")).toMatchObject({ kategori: "ekstra_varsomhet", saerligeKategorier: [] });
  });

  test("hemmelig adresse på en helseinstitusjon er en helseopplysning", () => {
    expect(nb("hemmelig adresse på en helseinstitusjon")).toMatchObject({
      kategori: "saerlig",
      saerligeKategorier: ["helse"],
    });
  });

  test("vanskelige familie- eller hjemmeforhold: ekstra varsomhet", () => {
    expect(nb("vanskelige familieforhold").kategori).toBe("ekstra_varsomhet");
    expect(nb("vanskelige hjemmeforhold").kategori).toBe("ekstra_varsomhet");
  });

  test("barns personopplysninger har et særlig vern", () => {
    expect(nb("navn på barnet").begrunnelse.join(" ")).toMatch(/barn har et særlig vern/);
    expect(nn("namnet til barnet").begrunnelse.join(" ")).toMatch(/barn har eit særleg vern/);
  });
});

describe("eksemplene i saken", () => {
  test("bilde av elev med hijab på nettsiden", () => {
    const answer = nb("bilde av elev med hijab på nettsiden");
    expect(answer).toMatchObject({
      personopplysning: true,
      kategori: "saerlig",
      saerligeKategorier: ["religion"],
    });
    expect(answer.treff).toEqual(expect.arrayContaining(["bilde", "religiost-symbol"]));
  });

  test("adresse til barnevernsinstitusjon", () => {
    const answer = nb("adresse til barnevernsinstitusjon");
    expect(answer).toMatchObject({ personopplysning: true, kategori: "ekstra_varsomhet" });
    expect(answer.treff).toContain("barnevern");
  });

  test("gjennomsnittskarakter for en klasse med 25 elever er ikke en personopplysning", () => {
    expect(nb("gjennomsnittskarakter i matematikk for klassen med 25 elever")).toMatchObject({
      personopplysning: false,
      kategori: "ikke",
    });
  });

  test("en liten gruppe kan identifiseres", () => {
    expect(nb("gjennomsnittskarakter for gruppen med 3 elever")).toMatchObject({
      personopplysning: true,
      kategori: "alminnelig",
    });
  });
});

describe("svaret", () => {
  test("har alltid en begrunnelse", () => {
    for (const text of ["sykefravær", "skolerute", "hva som helst"])
      expect(nb(text).begrunnelse.length).toBeGreaterThan(0);
  });

  test("begrunnelsen er på nynorsk når språket er nynorsk", () => {
    expect(nn("sjukefråvær").begrunnelse.join(" ")).toMatch(/ikkje|opplysning|helse/);
    expect(nn("fritak frå vurdering").begrunnelse.join(" ")).toMatch(
      /Er du i tvil, skal du behandle opplysninga som særleg kategori/,
    );
  });

  test("er det samme for samme tekst", () => {
    expect(nb("fravær grunnet sykdom")).toEqual(nb("fravær grunnet sykdom"));
  });
});

describe("egne tilfeller", () => {
  test(`minst 150 tilfeller i begge språk (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    expect(CASES.filter((c) => c.lang === "nn").length).toBeGreaterThanOrEqual(50);
    expect(CASES.filter((c) => c.kategori === "ikke").length).toBeGreaterThanOrEqual(20);
  });

  test.each(CASES)("$lang: «$text» → $kategori", (c) => {
    const answer = classify(c.text, catalogue, c.lang);
    expect(answer.kategori).toBe(c.kategori);
    expect(answer.personopplysning).toBe(c.kategori !== "ikke");
    if (c.saerlige) expect(answer.saerligeKategorier).toEqual(c.saerlige);
    if (c.usikker !== undefined) expect(answer.usikker).toBe(c.usikker);
    if (c.treff) expect(answer.treff).toEqual(expect.arrayContaining(c.treff));
  });
});
