import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { createT } from "../../i18n/translate.ts";
import { DAY, dayInNorway } from "../../lib/time.ts";
import { addRisk, createAssessment, getAssessment, listRisks, riskToPlan } from "../ros/ros.server.ts";
import { scoreBefore } from "../ros/scale.ts";
import { ZAssessment, ZRisk } from "../ros/schemas.ts";
import { publish, snapshotOf } from "../shared/shared.server.ts";

/**
 * Demo kommune's finished risk assessment of the learning platform its primary schools use: four
 * risks, the worst with a measure already in the action plan, shared with the demo network so that
 * Nabo kommune's koordinator finds it under «Delt i nettverket» and can adopt it.
 */
export async function seedDemoRos(
  db: Kysely<Database>,
  people: { ownerId: string; coordinator: string; networkId: string },
) {
  const { ownerId, coordinator: userId } = people;
  const assessedOn = dayInNorway(Date.now() - 20 * DAY);
  const platform = await db
    .selectFrom("digital_service")
    .select("id")
    .where("owner_id", "=", ownerId)
    .where("name", "=", "Skolerommet læringsplattform")
    .executeTakeFirst();
  const id = await createAssessment(db, {
    ownerId,
    userId,
    values: ZAssessment.parse({
      tittel: "Læringsplattform på barneskolene",
      omfang:
        "Læringsplattformen elevene på 1.–7. trinn bruker til lekser, innleveringer og meldinger mellom skole og hjem. Pålogging og tilgangsstyring er med; skoleadministrativt system er ikke med.",
      deltakere: "Koordinator, rektor på Eik barneskole, IKT-ansvarlig og en kontaktlærer på 5. trinn",
      vurdert: assessedOn,
      revisjon: dayInNorway(Date.now() + 345 * DAY),
      tjeneste: platform?.id ?? "",
      status: "ferdig",
    }),
  });
  const risks = [
    {
      trussel: "En melding om en elevs helse blir sendt til hele klassen",
      arsak: "Meldingsfunksjonen foreslår hele klassen som mottaker først.",
      eksisterende: "Lærerne har fått en kort innføring.",
      sannsynlighet: "3",
      konsekvens: "4",
      tiltak:
        "Slå av gruppe som standardmottaker i meldinger\nBe leverandøren endre innstillingen for alle skolene, og vis lærerne hvor den står.",
      sannsynlighetEtter: "1",
      konsekvensEtter: "4",
    },
    {
      trussel: "En vikar beholder tilgang til klassene etter at vikariatet er slutt",
      arsak: "Tilganger fjernes for hånd, og ingen har ansvaret for det.",
      eksisterende: "",
      sannsynlighet: "4",
      konsekvens: "3",
      tiltak: "Fast rutine: skolens kontor fjerner tilgangen samme dag som vikariatet slutter.",
      sannsynlighetEtter: "2",
      konsekvensEtter: "3",
    },
    {
      trussel: "Plattformen er nede i eksamensuka",
      arsak: "Driften ligger hos leverandøren.",
      eksisterende: "Databehandleravtalen har krav om oppetid.",
      sannsynlighet: "2",
      konsekvens: "2",
      tiltak: "",
      sannsynlighetEtter: "",
      konsekvensEtter: "",
    },
    {
      trussel: "Foresatte ser innleveringer fra andre elever",
      arsak: "Feil i oppsett av grupper ved skolestart.",
      eksisterende: "Kontaktlærer sjekker gruppene i august.",
      sannsynlighet: "2",
      konsekvens: "3",
      tiltak: "",
      sannsynlighetEtter: "",
      konsekvensEtter: "",
    },
  ];
  for (const risk of risks)
    await addRisk(db, { ownerId, assessmentId: id, userId, values: ZRisk.parse(risk) });
  const assessment = await getAssessment(db, ownerId, id);
  const [worst] = (await listRisks(db, ownerId, id)).sort((a, b) => scoreBefore(b) - scoreBefore(a));
  if (assessment && worst)
    await riskToPlan(db, {
      ownerId,
      assessment,
      risk: worst,
      userId,
      t: createT("nb"),
    });
  const shared = await snapshotOf(db, ownerId, id);
  if (shared)
    await publish(db, {
      ownerId,
      networkId: people.networkId,
      snapshot: shared.snapshot,
      sourceId: id,
      userId,
    });
}
