import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { createT } from "../../i18n/translate.ts";
import { approveDpia, createDpia, getDpia, listRisks, saveRisk, saveSection } from "../dpia/dpia.server.ts";
import { dpiaRiskToPlan } from "../dpia/links.server.ts";
import type { TRisk } from "../dpia/schemas.ts";

type Db = Kysely<Database>;

const risk = (trussel: string, before: [number, number], tiltak: string, after: [number, number]): TRisk => ({
  trussel,
  sannsynlighet: before[0],
  konsekvens: before[1],
  tiltak,
  "sannsynlighet-etter": after[0],
  "konsekvens-etter": after[1],
  version: 0,
});

/**
 * Demo kommune's DPIAs: the new learning platform (from a made-up supplier), screened, described,
 * with its risks, the DPO's advice and the koordinator's approval as version 1, its worst risk's
 * measure in the action plan; and a draft for the kindergartens' parent app of the systems register
 * (seeded before), screened and begun.
 */
export async function seedDemoDpia(db: Db, who: { ownerId: string; coordinator: string; dpo: string }) {
  const { ownerId } = who;
  let version = 1;
  const step = async (
    userId: string,
    save: (change: { ownerId: string; id: string; userId: string; version: number }) => Promise<unknown>,
    id: string,
  ) => {
    await save({ ownerId, id, userId, version });
    version += 1;
  };
  const platform = await createDpia(db, {
    ownerId,
    userId: who.coordinator,
    values: {
      tittel: "Læringsplattformen Læringsløypa for 1.–7. trinn",
      behandling: "",
      tjeneste: "",
      kriterier: ["evaluering", "stor-skala", "sarbare"],
      liste: ["laering"],
      begrunnelse: "Plattformen følger hver elevs progresjon, og alle barneskolene skal bruke den.",
      version: 0,
    },
  });
  const section = (section: "beskrivelse" | "nodvendighet" | "tiltak", values: Record<string, string>) =>
    step(who.coordinator, (c) => saveSection(db, { ...c, section, values }), platform);
  await section("beskrivelse", {
    hva: "Elevene på 1.–7. trinn får oppgaver, leverer arbeid og får tilbakemeldinger i Læringsløypa, en nettbasert plattform fra Bokstavbyen AS (et oppdiktet firma).",
    hvorfor: "Å gi tilpasset opplæring og gjøre vurdering for læring enklere (opplæringsloven).",
    hvem: "Om lag 900 elever ved Eik barneskole og de andre barneskolene, lærerne deres og foreldrene. Leverandøren er databehandler.",
    opplysninger:
      "Navn, klasse, Feide-identitet, elevarbeid, lærerens tilbakemeldinger og hvilke oppgaver eleven har løst.",
    systemer: "Læringsløypa (lagring i Norge og Sverige), innlogging med Feide.",
    lagring:
      "Slettes ett år etter at eleven har sluttet på skolen. Skolen eksporterer det som skal arkiveres.",
  });
  await section("nodvendighet", {
    nodvendighet:
      "Skolene trenger et sted å gi og samle inn oppgaver. Plattformen samler ikke inn mer enn det lærerne bruker.",
    forholdsmessighet:
      "Elevene får raskere tilbakemeldinger. Foreldrene får informasjon før oppstart, og innsyn gjennom skolen.",
  });
  for (const r of [
    risk(
      "Leverandøren bruker elevenes arbeid til å utvikle egne tjenester",
      [3, 4],
      "Databehandleravtalen forbyr annen bruk; kontroll ved årlig gjennomgang.",
      [1, 4],
    ),
    risk(
      "Læreren ser elever i andre klasser enn sine egne",
      [3, 3],
      "Tilgang styres av klassetilhørighet fra skoleadministrativt system.",
      [2, 2],
    ),
    risk(
      "Progresjonsdata gir et feilaktig bilde av eleven",
      [3, 3],
      "Opplæring av lærerne: tallene er et utgangspunkt for samtale, ikke en vurdering.",
      [2, 3],
    ),
  ])
    await step(who.coordinator, (c) => saveRisk(db, { ...c, riskId: null, values: r }), platform);
  await section("tiltak", {
    tiltak:
      "Databehandleravtale signert før oppstart. Tilgangsstyring per klasse. Informasjon til foreldrene. Opplæring av lærerne i august.",
  });
  await step(
    who.dpo,
    (c) =>
      saveSection(db, {
        ...c,
        section: "rad",
        values: {
          rad: "Vurderingen er grundig. Jeg anbefaler godkjenning, og at tilgangsstyringen testes før skolestart.",
        },
      }),
    platform,
  );
  await step(who.coordinator, (c) => approveDpia(db, c), platform);
  const approved = await getDpia(db, ownerId, platform);
  const [worst] = await listRisks(db, ownerId, platform);
  if (approved && worst)
    await dpiaRiskToPlan(db, {
      ownerId,
      dpia: approved,
      riskId: worst.id,
      userId: who.coordinator,
      t: createT("nb"),
    });
  const parentApp = await db
    .selectFrom("digital_service")
    .select("id")
    .where("owner_id", "=", ownerId)
    .where("name", "=", "Krokus barnehageapp")
    .executeTakeFirst();

  const app = await createDpia(db, {
    ownerId,
    userId: who.coordinator,
    values: {
      tittel: "Foreldreapp med bildedeling i barnehagene",
      behandling: "",
      tjeneste: parentApp?.id ?? "",
      kriterier: ["sarbare", "stor-skala"],
      liste: [],
      begrunnelse: "",
      version: 0,
    },
  });
  await saveSection(db, {
    ownerId,
    id: app,
    userId: who.coordinator,
    version: 1,
    section: "beskrivelse",
    values: {
      hva: "Barnehagene vil dele bilder og beskjeder med foreldrene i en app.",
      hvorfor: "Bedre kontakt med hjemmet.",
    },
  });
  await saveRisk(db, {
    ownerId,
    id: app,
    userId: who.coordinator,
    version: 2,
    riskId: null,
    values: risk("Bilder av andre barn blir delt videre av foreldre", [4, 3], "", [4, 3]),
  });
}
