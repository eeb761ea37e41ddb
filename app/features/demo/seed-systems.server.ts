import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { DAY, dayInNorway } from "../../lib/time.ts";
import { ZService } from "../systems/schemas.ts";
import { createService } from "../systems/systems.server.ts";

/**
 * Demo kommune's register of digital services (the suppliers are made up, named after the demo): a learning platform and
 * a school admin system in use, one whose agreement is past its review date; a kindergarten parent
 * app in use without a signed agreement; a quiz app being assessed; a dictionary with no personal data.
 */
export async function seedDemoSystems(
  db: Kysely<Database>,
  who: { ownerId: string; userId: string; schools: string[]; kindergarten: string },
) {
  const day = (days: number) => dayInNorway(Date.now() + days * DAY);
  const services = [
    {
      navn: "Skolerommet læringsplattform",
      leverandor: "Demolæring AS",
      formal: "Undervisning, innlevering av oppgaver og tilbakemeldinger til elevene på 1.–10. trinn.",
      omfang: "valgte",
      enheter: who.schools,
      opplysninger:
        "Navn, klasse og trinn, innleverte oppgaver, tilbakemeldinger og vurderinger, meldinger mellom lærer og elev.",
      databehandler: "ja",
      dba: "signert",
      dbaSignert: day(-420),
      dbaGjennomgang: day(200),
      overforing: "nei",
      rosDato: day(-300),
      rosNotat:
        "Middels risiko for feil tilganger mellom klasser; løst med rollebasert tilgang fra skoleadministrativt system.",
      dpia: "gjennomfort",
      status: "i-bruk",
      begrunnelse: "Vedtatt av kommunalsjef for oppvekst etter ROS og DPIA, august 2025.",
    },
    {
      navn: "Elevfokus skoleadministrativt system",
      leverandor: "Demodata Skole AS",
      formal: "Elevregister, fravær, karakterer, timeplan og kontakt med foresatte.",
      omfang: "valgte",
      enheter: who.schools,
      opplysninger: "Navn, fødselsnummer, adresse, foresatte, fravær, karakterer, særskilt tilrettelegging.",
      databehandler: "ja",
      dba: "signert",
      dbaSignert: day(-900),
      dbaGjennomgang: day(-35),
      overforing: "nei",
      rosDato: day(-500),
      rosNotat: "Høy konsekvens ved lekkasje; tofaktor-pålogging for alle ansatte er innført.",
      dpia: "gjennomfort",
      status: "i-bruk",
      begrunnelse: "Felles system for alle kommunens skoler siden 2023.",
    },
    {
      navn: "Krokus barnehageapp",
      leverandor: "Demoapp Barnehage AS",
      formal: "Beskjeder, fravær og bilder fra hverdagen til foreldrene i barnehagen.",
      omfang: "valgte",
      enheter: [who.kindergarten],
      opplysninger: "Navn på barn og foreldre, telefonnummer, fravær, bilder av barna, allergier.",
      databehandler: "ja",
      dba: "under-arbeid",
      overforing: "ja",
      overforingNotat:
        "Kundestøtten sitter i USA. Leverandøren sier at EUs standardavtaler brukes; det skal stå i avtalen.",
      rosDato: day(-60),
      rosNotat:
        "Bilder av barn og helseopplysninger (allergier): høy risiko uten tilgangsstyring per avdeling.",
      dpia: "nodvendig",
      status: "i-bruk",
      begrunnelse: "Tatt i bruk høsten 2025 fordi foreldrene ba om én kanal.",
    },
    {
      navn: "Quizkameraten",
      leverandor: "Demoquiz AS",
      formal: "Quiz i klasserommet for repetisjon på mellomtrinnet.",
      omfang: "valgte",
      enheter: who.schools.slice(0, 1),
      opplysninger: "Elevenes kallenavn og svar; mulig at læreren logger inn med jobb-e-post.",
      databehandler: "usikker",
      dba: "mangler",
      overforing: "usikker",
      dpia: "ikke-vurdert",
      status: "vurderes",
    },
    {
      navn: "Ordlaben digital ordbok",
      leverandor: "Demoforlaget AS",
      formal: "Ordbok på bokmål, nynorsk og engelsk for elevene.",
      omfang: "alle",
      enheter: [],
      opplysninger: "Ingen. Elevene bruker ordboka uten å logge inn.",
      databehandler: "nei",
      dba: "ikke-nodvendig",
      overforing: "nei",
      rosDato: day(-200),
      rosNotat: "Lav risiko: ingen pålogging og ingen opplysninger om elevene.",
      dpia: "ikke-nodvendig",
      status: "i-bruk",
      begrunnelse: "Godkjent av IKT-rådgiver fordi den ikke behandler personopplysninger.",
    },
  ];
  for (const service of services)
    await createService(db, { ownerId: who.ownerId, userId: who.userId, values: ZService.parse(service) });
}
