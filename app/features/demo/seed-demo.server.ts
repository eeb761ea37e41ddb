import type { Role } from "../../db/schema.ts";
import type { AppServices } from "../../lib/services.ts";
import { DAY, dayInNorway } from "../../lib/time.ts";
import { createVerifiedAccount } from "../auth/accounts.server.ts";
import { reportIncident, saveHandling } from "../incidents/incidents.server.ts";
import { createAssignment } from "../learning/assignments.server.ts";
import { addMembership } from "../orgs/memberships.server.ts";
import { addNetworkOwner, createNetwork } from "../orgs/networks.server.ts";
import { createOwner, createUnit } from "../orgs/owners.server.ts";
import { createProgramme, scheduleGathering } from "../programme/programmes.server.ts";
import { seedDemoAssessments } from "./seed-assessments.server.ts";
import { seedDemoDpia } from "./seed-dpia.server.ts";
import { seedDemoGroups } from "./seed-groups.server.ts";
import { seedDemoPlan } from "./seed-plan.server.ts";
import { seedDemoRos } from "./seed-ros.server.ts";
import { seedDemoSystems } from "./seed-systems.server.ts";

export const DEMO_PASSWORD = "oppvern-demo";

export const DEMO_LOGINS = [
  "ansatt@demo.oppvern.no",
  "leder@demo.oppvern.no",
  "koordinator@demo.oppvern.no",
  "personvernombud@demo.oppvern.no",
  "veileder@demo.oppvern.no",
  "programansvarlig@demo.oppvern.no",
  "admin@demo.oppvern.no",
  "koordinator@nabo.oppvern.no",
] as const;

/** Fictional owners; the organisation numbers pass the mod-11 check but belong to no one. */
const OTHER_NETWORK_OWNERS = [
  { name: "Fjordvik kommune", orgNumber: "910000039" },
  { name: "Lia kommune", orgNumber: "910000047" },
  { name: "Bakkeby kommune", orgNumber: "910000055" },
  { name: "Sundnes kommune", orgNumber: "910000063" },
  { name: "Solstrand barnehager AS", orgNumber: "910000071", ownerType: "privat" as const },
];

/**
 * Seeds the demo organisations and users through the same domain functions the app uses.
 * Runs only on an empty database (no owner yet), so restarting the demo keeps what people did.
 */
export async function seedDemo(services: AppServices): Promise<boolean> {
  const anyOwner = await services.db
    .selectFrom("organisation")
    .select("id")
    .where("kind", "=", "eier")
    .executeTakeFirst();
  if (anyOwner) return false;
  const { db } = services;
  const actorUserId = null;

  const demo = await createOwner(db, {
    name: "Demo kommune",
    ownerType: "kommune",
    orgNumber: "910000004",
    actorUserId,
  });
  const nabo = await createOwner(db, {
    name: "Nabo kommune",
    ownerType: "kommune",
    orgNumber: "910000012",
    actorUserId,
  });
  const solsikken = await createUnit(db, {
    ownerId: demo,
    name: "Solsikken barnehage",
    unitType: "barnehage",
    actorUserId,
  });
  const eik = await createUnit(db, {
    ownerId: demo,
    name: "Eik barneskole",
    unitType: "grunnskole",
    actorUserId,
  });
  const fjellsida = await createUnit(db, {
    ownerId: demo,
    name: "Fjellsida ungdomsskole",
    unitType: "grunnskole",
    actorUserId,
  });
  await createUnit(db, { ownerId: nabo, name: "Nabo skole", unitType: "grunnskole", actorUserId });
  await createUnit(db, { ownerId: nabo, name: "Tusenfryd barnehage", unitType: "barnehage", actorUserId });

  const network = await createNetwork(db, { name: "Demo digitaliseringsnettverk", actorUserId });
  await addNetworkOwner(db, { networkId: network, ownerId: demo, actorUserId });
  await addNetworkOwner(db, { networkId: network, ownerId: nabo, actorUserId });
  const others: string[] = [];
  for (const o of OTHER_NETWORK_OWNERS) {
    const id = await createOwner(db, {
      name: o.name,
      ownerType: o.ownerType ?? "kommune",
      orgNumber: o.orgNumber,
      actorUserId,
    });
    await addNetworkOwner(db, { networkId: network, ownerId: id, actorUserId });
    others.push(id);
  }

  const people: { email: string; name: string; roles: [string, Role][] }[] = [
    { email: "ansatt@demo.oppvern.no", name: "Anne Ansatt", roles: [[eik, "ansatt"]] },
    { email: "leder@demo.oppvern.no", name: "Lars Leder", roles: [[eik, "leder"]] },
    { email: "koordinator@demo.oppvern.no", name: "Kari Koordinator", roles: [[demo, "koordinator"]] },
    // One data protection officer often serves several municipalities.
    {
      email: "personvernombud@demo.oppvern.no",
      name: "Per Personvernombud",
      roles: [
        [demo, "personvernombud"],
        [nabo, "personvernombud"],
      ],
    },
    { email: "veileder@demo.oppvern.no", name: "Vera Veileder", roles: [[network, "veileder"]] },
    {
      email: "programansvarlig@demo.oppvern.no",
      name: "Pål Programansvarlig",
      roles: [[network, "programansvarlig"]],
    },
    { email: "admin@demo.oppvern.no", name: "Ada Admin", roles: [["plattform", "admin"]] },
    { email: "koordinator@nabo.oppvern.no", name: "Nils Nabo", roles: [[nabo, "koordinator"]] },
  ];
  const userIds = new Map<string, string>();
  for (const person of people) {
    const userId = await createVerifiedAccount(services, {
      name: person.name,
      email: person.email,
      password: DEMO_PASSWORD,
      locale: "nb",
    });
    userIds.set(person.email, userId);
    for (const [organisationId, role] of person.roles) {
      await addMembership(db, { userId, organisationId, role, actorUserId });
    }
  }
  // Kindergarten staff too: the leader of Solsikken.
  const styrer = await createVerifiedAccount(services, {
    name: "Siri Styrer",
    email: "styrer@demo.oppvern.no",
    password: DEMO_PASSWORD,
    locale: "nb",
  });
  await addMembership(db, { userId: styrer, organisationId: solsikken, role: "leder", actorUserId });
  await seedDemoIncidents(db, {
    ownerId: demo,
    unitId: eik,
    staff: userIds.get("ansatt@demo.oppvern.no") as string,
    leader: userIds.get("leder@demo.oppvern.no") as string,
    coordinator: userIds.get("koordinator@demo.oppvern.no") as string,
  });
  // The school's staff have the second module of the school course to take within a month: it is
  // on their overview and their course list.
  await createAssignment(db, {
    ownerId: demo,
    pkg: "skole",
    mod: 2,
    role: "alle",
    unitId: eik,
    dueDate: dayInNorway(Date.now() + 30 * DAY),
    actorUserId: userIds.get("koordinator@demo.oppvern.no") as string,
  });
  // Last spring's assessment for every owner: a round to compare with, and enough owners for the
  // anonymous comparison.
  await seedDemoAssessments(
    db,
    [
      { id: demo, name: "Demo kommune", base: 2, unitIds: [eik, solsikken] },
      { id: nabo, name: "Nabo kommune", base: 3, unitIds: [] },
      ...others.map((id, i) => ({
        id,
        name: OTHER_NETWORK_OWNERS[i]?.name ?? id,
        base: 2 + (i % 3),
        unitIds: [],
      })),
    ],
    null,
  );
  await seedDemoPlan(db, {
    ownerId: demo,
    coordinator: userIds.get("koordinator@demo.oppvern.no") as string,
    leader: userIds.get("leder@demo.oppvern.no") as string,
  });
  await seedDemoSystems(db, {
    ownerId: demo,
    userId: userIds.get("koordinator@demo.oppvern.no") as string,
    schools: [eik, fjellsida],
    kindergarten: solsikken,
  });
  await seedDemoRos(db, {
    ownerId: demo,
    coordinator: userIds.get("koordinator@demo.oppvern.no") as string,
    networkId: network,
  });
  await seedDemoDpia(db, {
    ownerId: demo,
    coordinator: userIds.get("koordinator@demo.oppvern.no") as string,
    dpo: userIds.get("personvernombud@demo.oppvern.no") as string,
  });
  // This school year's guidance programme of the network, with every owner in it.
  const programme = await createProgramme(db, {
    networkId: network,
    name: "Veiledning i personvern 2026–2027",
    startsOn: "2026-09-01",
    endsOn: "2027-06-15",
    ownerIds: [demo, nabo, ...others],
    userId: userIds.get("programansvarlig@demo.oppvern.no") as string,
  });
  for (const [number, heldOn] of [
    "2026-09-03",
    "2026-09-24",
    "2026-11-12",
    "2027-02-04",
    "2027-05-06",
  ].entries())
    await scheduleGathering(db, {
      programmeId: programme,
      networkId: network,
      number,
      heldOn,
      place: "Rådhuset, møterom Fjorden",
      userId: userIds.get("programansvarlig@demo.oppvern.no") as string,
    });
  await seedDemoGroups(db, {
    programmeId: programme,
    networkId: network,
    // Demo kommune with Fjordvik and Lia; Nabo kommune and the rest are in no group yet.
    ownerIds: [demo, ...others.slice(0, 2)],
    demoId: demo,
    guide: { id: userIds.get("veileder@demo.oppvern.no") as string, name: "Vera Veileder" },
    lead: userIds.get("programansvarlig@demo.oppvern.no") as string,
    coordinator: userIds.get("koordinator@demo.oppvern.no") as string,
  });
  return true;
}

/**
 * Two incidents at Eik barneskole: one reported yesterday that nobody has looked at yet (its 72 hours
 * are running), and one from last autumn, judged, handled and closed.
 */
async function seedDemoIncidents(
  db: AppServices["db"],
  who: { ownerId: string; unitId: string; staff: string; leader: string; coordinator: string },
) {
  const { id: open } = await reportIncident(db, {
    ownerId: who.ownerId,
    unitId: who.unitId,
    userId: who.staff,
    report: {
      hva: "En liste med navn og allergier for 3B hang på oppslagstavla i gangen, der foreldre og besøkende går forbi. Jeg så den i dag morges og tok den ned.",
      enhet: who.unitId,
      dato: "",
      registrerte: ["elever"],
      antall: "mange",
      sensitive: "ja",
      gjort: "Tok lista ned og la den i permen på personalrommet.",
    },
  });
  const { id: closed } = await reportIncident(db, {
    ownerId: who.ownerId,
    unitId: who.unitId,
    userId: who.leader,
    report: {
      hva: "Referatet fra foreldremøtet i 5A ble sendt på e-post til en forelder i en annen klasse. Referatet nevner ingen elever ved navn.",
      enhet: who.unitId,
      dato: "",
      registrerte: ["foresatte"],
      antall: "en",
      sensitive: "nei",
      gjort: "Ba mottakeren slette e-posten. Hun har svart at den er slettet.",
    },
  });
  await saveHandling(db, {
    ownerId: who.ownerId,
    id: closed,
    userId: who.coordinator,
    values: {
      status: "lukket",
      brudd: ["konfidensialitet"],
      risiko: "ingen",
      vurdering:
        "Referatet inneholdt bare navnet på klassekontakten og det som ble sagt om turen til våren. Én forelder fikk det, og hun har slettet det.",
      meldt: "",
      referanse: "",
      ikkeMeldtGrunn:
        "Ingen opplysninger om elever, én mottaker som har bekreftet at e-posten er slettet: lite sannsynlig at det gir risiko for noen.",
      senGrunn: "",
      informert: "",
      informertNotat: "",
      tiltak: "Klassekontaktene sender referater fra nå av bare til klassens egen e-postliste.",
      version: 1,
    },
  });
  const ago = (days: number, hours = 0) =>
    new Date(Date.now() - days * 86_400_000 - hours * 3_600_000).toISOString();
  await db
    .updateTable("incident")
    .set({ reported_at: ago(0, 20), updated_at: ago(0, 20) })
    .where("id", "=", open)
    .execute();
  await db
    .updateTable("incident")
    .set({ reported_at: ago(40), updated_at: ago(39), closed_at: ago(39), occurred_on: ago(41).slice(0, 10) })
    .where("id", "=", closed)
    .execute();
}
