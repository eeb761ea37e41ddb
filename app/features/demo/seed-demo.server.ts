import type { Role } from "../../db/schema.ts";
import type { AppServices } from "../../lib/services.ts";
import { createVerifiedAccount } from "../auth/accounts.server.ts";
import { addMembership } from "../orgs/memberships.server.ts";
import { addNetworkOwner, createNetwork } from "../orgs/networks.server.ts";
import { createOwner, createUnit } from "../orgs/owners.server.ts";
import { seedDemoAssessments } from "./seed-assessments.server.ts";

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
  await createUnit(db, {
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
  for (const person of people) {
    const userId = await createVerifiedAccount(services, {
      name: person.name,
      email: person.email,
      password: DEMO_PASSWORD,
      locale: "nb",
    });
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
  return true;
}
