import type { RouteConfigEntry } from "@react-router/dev/routes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../tests/support/client.ts";
import { dialects, startTestServer, type TestServer } from "../../../tests/support/test-server.ts";
import routes from "../../routes.ts";

type Who =
  | "anonym"
  | "ansatt"
  | "leder"
  | "koordinator"
  | "personvernombud"
  | "veileder"
  | "programansvarlig"
  | "admin"
  | "nabo";

const EMAIL: Record<Exclude<Who, "anonym">, string> = {
  ansatt: "ansatt@demo.oppvern.no",
  leder: "leder@demo.oppvern.no",
  koordinator: "koordinator@demo.oppvern.no",
  personvernombud: "personvernombud@demo.oppvern.no",
  veileder: "veileder@demo.oppvern.no",
  programansvarlig: "programansvarlig@demo.oppvern.no",
  admin: "admin@demo.oppvern.no",
  nabo: "koordinator@nabo.oppvern.no",
};
const EVERYONE: Who[] = ["anonym", ...(Object.keys(EMAIL) as Who[])];
const SIGNED_IN = EVERYONE.filter((w) => w !== "anonym");

interface Ids {
  demo: string;
  nabo: string;
  eik: string;
  naboSkole: string;
  network: string;
  demoIncident: string;
  demoRos: string;
  demoDpia: string;
}

/** Expected status per user: 200 page, 302 redirect (to login when anonymous), 404 not found. */
type Expect = Partial<Record<Who, number>>;
interface Case {
  path: (ids: Ids) => string;
  expect: Expect;
}

const all = (status: number, who: Who[] = EVERYONE): Expect =>
  Object.fromEntries(who.map((w) => [w, status]));
const only = (allowed: Who[]): Expect => ({
  ...all(404, SIGNED_IN),
  anonym: 302,
  ...all(200, allowed),
});

/**
 * Every route of app/routes.ts, with what each kind of user gets. A new route without an entry
 * here fails the first test below, so no route escapes the tenant and role checks.
 */
const MATRIX: Record<string, Case[]> = {
  "/": [{ path: () => "/", expect: all(200) }],
  "/logg-inn": [{ path: () => "/logg-inn", expect: { ...all(302, SIGNED_IN), anonym: 200 } }],
  // Single sign-on is off here (no provider configured): nobody can start or finish it (sso.test.ts).
  "/logg-inn/sso/:provider": [{ path: () => "/logg-inn/sso/feide", expect: all(404) }],
  "/logg-inn/sso/:provider/tilbake": [
    { path: () => "/logg-inn/sso/feide/tilbake?code=x&state=y", expect: all(404) },
  ],
  "/logg-ut": [{ path: () => "/logg-ut", expect: all(302) }],
  "/registrer": [{ path: () => "/registrer", expect: { ...all(302, SIGNED_IN), anonym: 200 } }],
  "/bekreft-epost": [{ path: () => "/bekreft-epost?token=ugyldig", expect: all(200) }],
  "/glemt-passord": [{ path: () => "/glemt-passord", expect: all(200) }],
  "/nytt-passord": [{ path: () => "/nytt-passord?token=ugyldig", expect: all(200) }],
  "/invitasjon/:token": [{ path: () => "/invitasjon/ukjent", expect: all(200) }],
  "/forste-admin/:token": [{ path: () => "/forste-admin/ukjent", expect: all(200) }],
  "/profil": [{ path: () => "/profil", expect: { ...all(200, SIGNED_IN), anonym: 302 } }],
  "/bytt-organisasjon": [{ path: () => "/bytt-organisasjon", expect: all(302) }],
  "/organisasjon": [{ path: () => "/organisasjon", expect: all(302) }],
  "/eiere/:ownerId": [
    { path: (ids) => `/eiere/${ids.demo}`, expect: only(["koordinator", "personvernombud", "admin"]) },
    { path: (ids) => `/eiere/${ids.nabo}`, expect: only(["nabo", "personvernombud", "admin"]) },
    { path: () => "/eiere/finnes-ikke", expect: only([]) },
  ],
  "/eiere/:ownerId/eksport": [
    { path: (ids) => `/eiere/${ids.demo}/eksport`, expect: only(["koordinator"]) },
    { path: (ids) => `/eiere/${ids.nabo}/eksport`, expect: only(["nabo"]) },
  ],
  "/eiere/:ownerId/eksport/filer": [
    { path: (ids) => `/eiere/${ids.demo}/eksport/filer`, expect: only(["koordinator"]) },
    { path: (ids) => `/eiere/${ids.nabo}/eksport/filer`, expect: only(["nabo"]) },
  ],
  "/eiere/:ownerId/slett": [
    { path: (ids) => `/eiere/${ids.demo}/slett`, expect: only(["koordinator"]) },
    { path: (ids) => `/eiere/${ids.nabo}/slett`, expect: only(["nabo"]) },
  ],
  // Leaving a network: the owner's koordinator only (the personvernombud sees, does not act).
  "/eiere/:ownerId/nettverk/:networkId/forlat": [
    { path: (ids) => `/eiere/${ids.demo}/nettverk/${ids.network}/forlat`, expect: only(["koordinator"]) },
    { path: (ids) => `/eiere/${ids.nabo}/nettverk/${ids.network}/forlat`, expect: only(["nabo"]) },
    { path: (ids) => `/eiere/${ids.demo}/nettverk/finnes-ikke/forlat`, expect: only([]) },
  ],
  "/eiere/:ownerId/kompetanse": [
    {
      path: (ids) => `/eiere/${ids.demo}/kompetanse`,
      expect: only(["koordinator", "personvernombud"]),
    },
    { path: (ids) => `/eiere/${ids.nabo}/kompetanse`, expect: only(["nabo", "personvernombud"]) },
  ],
  "/enheter/:unitId/kompetanse": [
    {
      path: (ids) => `/enheter/${ids.eik}/kompetanse`,
      expect: only(["leder", "koordinator", "personvernombud"]),
    },
  ],
  "/enheter/:unitId/kompetanse/eksport": [
    {
      path: (ids) => `/enheter/${ids.eik}/kompetanse/eksport`,
      expect: only(["leder", "koordinator", "personvernombud"]),
    },
    {
      path: (ids) => `/enheter/${ids.naboSkole}/kompetanse/eksport`,
      expect: only(["nabo", "personvernombud"]),
    },
  ],
  "/enheter/:unitId": [
    {
      path: (ids) => `/enheter/${ids.eik}`,
      expect: only(["leder", "koordinator", "personvernombud", "admin"]),
    },
    { path: (ids) => `/enheter/${ids.naboSkole}`, expect: only(["nabo", "personvernombud", "admin"]) },
    // An owner's id is not a unit.
    { path: (ids) => `/enheter/${ids.demo}`, expect: only([]) },
  ],
  "/nettverk/:networkId": [
    { path: (ids) => `/nettverk/${ids.network}`, expect: only(["veileder", "programansvarlig", "admin"]) },
    { path: (ids) => `/nettverk/${ids.demo}`, expect: only([]) },
  ],
  "/admin": [{ path: () => "/admin", expect: only(["admin"]) }],
  "/admin/utboks": [{ path: () => "/admin/utboks", expect: only(["admin"]) }],
  "/kompetanse": [{ path: () => "/kompetanse", expect: all(200) }],
  "/kompetanse/:pakke/:modul": [
    { path: () => "/kompetanse/skole/1", expect: all(200) },
    { path: () => "/kompetanse/barnehage/3", expect: all(200) },
    { path: () => "/kompetanse/ukjent/1", expect: all(404) },
  ],
  "/kompetanse/:pakke/:modul/quiz": [{ path: () => "/kompetanse/barnehage/1/quiz", expect: all(200) }],
  "/kompetanse/:pakke/:modul/:steg": [{ path: () => "/kompetanse/skole/2/finnes-ikke", expect: all(404) }],
  "/gruppe": [{ path: () => "/gruppe", expect: all(302) }],
  "/gruppe/:id": [{ path: () => "/gruppe/finnes-ikke", expect: { ...all(404, SIGNED_IN), anonym: 302 } }],
  "/gruppe/:id/hendelser": [
    { path: () => "/gruppe/finnes-ikke/hendelser", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  "/delta": [{ path: () => "/delta", expect: all(200) }],
  "/delta/:code": [{ path: () => "/delta/000000", expect: all(404) }],
  "/delta/:code/hendelser": [{ path: () => "/delta/000000/hendelser", expect: all(404) }],
  "/bevis": [{ path: () => "/bevis?kode=AAAAA-BBBBB", expect: all(200) }],
  "/bevis/:kode": [{ path: () => "/bevis/AAAAA-BBBBB", expect: all(200) }],
  "/bevis/:kode/pdf": [
    { path: () => "/bevis/AAAAA-BBBBB/pdf", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  "/personopplysninger": [{ path: () => "/personopplysninger", expect: all(200) }],
  "/personopplysninger/sjekk": [{ path: () => "/personopplysninger/sjekk", expect: all(200) }],
  "/personopplysninger/katalog": [
    { path: () => "/personopplysninger/katalog?q=fravær&kategori=saerlig", expect: all(200) },
  ],
  // The classifier API answers POST only; GET explains how to use it.
  "/api/v1/klassifiser": [{ path: () => "/api/v1/klassifiser", expect: all(405) }],
  "/api/v1/katalog": [{ path: () => "/api/v1/katalog", expect: all(200) }],
  // The record of processing of the owner the user works in now.
  "/avvik": [
    { path: () => "/avvik", expect: only(["ansatt", "leder", "koordinator", "personvernombud", "nabo"]) },
  ],
  "/avvik/ny": [
    { path: () => "/avvik/ny", expect: only(["ansatt", "leder", "koordinator", "personvernombud", "nabo"]) },
  ],
  "/avvik/eksport/:format": [
    { path: () => "/avvik/eksport/xlsx", expect: only(["koordinator", "personvernombud", "nabo"]) },
    { path: () => "/avvik/eksport/pdf", expect: only(["koordinator", "personvernombud", "nabo"]) },
    { path: () => "/avvik/eksport/csv", expect: all(404) },
  ],
  "/avvik/:id": [
    { path: () => "/avvik/finnes-ikke", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
    // A real incident of Demo kommune (the leader reported it): the platform's admin does not read it.
    {
      path: (ids) => `/avvik/${ids.demoIncident}`,
      expect: only(["leder", "koordinator", "personvernombud"]),
    },
  ],
  "/behandlinger": [
    { path: () => "/behandlinger", expect: only(["leder", "koordinator", "personvernombud", "nabo"]) },
  ],
  // The audit log of the owner the user works in now (decision 025): its koordinator and
  // personvernombud; Nabo's koordinator sees Nabo's (never Demo's rows: app/features/audit/audit-log.test.ts).
  "/logg": [{ path: () => "/logg", expect: only(["koordinator", "personvernombud", "nabo"]) }],
  "/logg/eksport": [
    { path: () => "/logg/eksport?register=avvik", expect: only(["koordinator", "personvernombud", "nabo"]) },
  ],
  "/behandlinger/maler": [
    { path: () => "/behandlinger/maler", expect: only(["koordinator", "personvernombud", "nabo"]) },
  ],
  "/behandlinger/ny": [
    { path: () => "/behandlinger/ny", expect: only(["koordinator", "personvernombud", "nabo"]) },
  ],
  "/behandlinger/eksport/:format": [
    {
      path: () => "/behandlinger/eksport/pdf",
      expect: only(["leder", "koordinator", "personvernombud", "nabo"]),
    },
    { path: () => "/behandlinger/eksport/exe", expect: all(404) },
  ],
  "/behandlinger/:id": [
    { path: () => "/behandlinger/finnes-ikke", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  // The register of digital services of the owner the user works in now; another owner's service
  // answers 404 (proved with real rows in app/features/systems/systems.test.ts).
  "/systemer": [
    { path: () => "/systemer", expect: only(["leder", "koordinator", "personvernombud", "nabo"]) },
  ],
  "/systemer/ny": [{ path: () => "/systemer/ny", expect: only(["koordinator", "personvernombud", "nabo"]) }],
  "/systemer/eksport/:format": [
    ...(["xlsx", "docx", "pdf"] as const).map((format) => ({
      path: () => `/systemer/eksport/${format}`,
      expect: only(["leder", "koordinator", "personvernombud", "nabo"]),
    })),
    { path: () => "/systemer/eksport/exe", expect: all(404) },
  ],
  "/systemer/:id": [{ path: () => "/systemer/finnes-ikke", expect: { ...all(404, SIGNED_IN), anonym: 302 } }],
  // Deleting a service: the confirmation page of the owner's own service, for the koordinator and the
  // personvernombud (proved with a real service in app/features/shared/shared.test.ts).
  "/systemer/:id/slett": [
    { path: () => "/systemer/finnes-ikke/slett", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  // DPIAs of the owner the user works in now; another owner's DPIA, its risks and versions answer
  // 404 (proved with real DPIAs in app/features/dpia/dpia.test.ts).
  "/dpia": [{ path: () => "/dpia", expect: only(["leder", "koordinator", "personvernombud", "nabo"]) }],
  "/dpia/ny": [{ path: () => "/dpia/ny", expect: only(["koordinator", "personvernombud", "nabo"]) }],
  "/dpia/:id/eksport/:format": [
    { path: () => "/dpia/finnes-ikke/eksport/docx", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
    { path: () => "/dpia/finnes-ikke/eksport/exe", expect: all(404) },
    // Demo kommune's real DPIA in every format: Nabo's koordinator (and the platform admin) get 404.
    ...(["xlsx", "docx", "pdf"] as const).map((format) => ({
      path: (ids: Ids) => `/dpia/${ids.demoDpia}/eksport/${format}`,
      expect: only(["leder", "koordinator", "personvernombud"]),
    })),
  ],
  "/dpia/:id/versjon/:n": [
    { path: () => "/dpia/finnes-ikke/versjon/1", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  "/dpia/:id": [{ path: () => "/dpia/finnes-ikke", expect: { ...all(404, SIGNED_IN), anonym: 302 } }],
  // Assessment rounds of the owner the user works in now; another owner's round answers 404
  // (proved with real rounds in app/features/assessment/assessment.test.ts).
  "/kartlegging": [
    { path: () => "/kartlegging", expect: only(["leder", "koordinator", "personvernombud", "nabo"]) },
  ],
  "/kartlegging/:id": [
    { path: () => "/kartlegging/finnes-ikke", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  "/kartlegging/:id/avstemming": [
    { path: () => "/kartlegging/finnes-ikke/avstemming", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  "/kartlegging/:id/resultat": [
    { path: () => "/kartlegging/finnes-ikke/resultat", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  "/kartlegging/:id/rapport/:format": [
    { path: () => "/kartlegging/finnes-ikke/rapport/pdf", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
    { path: () => "/kartlegging/finnes-ikke/rapport/exe", expect: all(404) },
  ],
  "/kartlegging/:id/bevis/:fil": [
    { path: () => "/kartlegging/finnes-ikke/bevis/x", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  "/kartlegging/:id/:scope/:omrade": [
    { path: () => "/kartlegging/finnes-ikke/eier/styring", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  // The plan of the owner the user works in now; another owner's measure answers 404 (proved with
  // real measures in app/features/plan/plan.test.ts).
  "/prioritering": [
    { path: () => "/prioritering", expect: only(["leder", "koordinator", "personvernombud", "nabo"]) },
  ],
  "/handlingsplan": [
    { path: () => "/handlingsplan", expect: only(["leder", "koordinator", "personvernombud", "nabo"]) },
  ],
  "/handlingsplan/ny": [{ path: () => "/handlingsplan/ny", expect: only(["koordinator", "nabo"]) }],
  "/handlingsplan/eksport/:format": [
    {
      path: () => "/handlingsplan/eksport/xlsx",
      expect: only(["leder", "koordinator", "personvernombud", "nabo"]),
    },
    {
      path: () => "/handlingsplan/eksport/pdf",
      expect: only(["leder", "koordinator", "personvernombud", "nabo"]),
    },
    { path: () => "/handlingsplan/eksport/exe", expect: all(404) },
  ],
  // A calendar app reads it without logging in; an unknown address is 404 for everyone (the address
  // of a person who may no longer read the plan is tested in app/features/plan/plan.test.ts).
  "/handlingsplan/kalender/:token": [{ path: () => "/handlingsplan/kalender/ukjent.ics", expect: all(404) }],
  "/handlingsplan/:id": [
    { path: () => "/handlingsplan/finnes-ikke", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  // Risk assessments of the owner the user works in now; another owner's assessment and its risks
  // answer 404 (proved with real rows in app/features/ros/ros.test.ts).
  "/ros": [{ path: () => "/ros", expect: only(["leder", "koordinator", "personvernombud", "nabo"]) }],
  "/ros/ny": [{ path: () => "/ros/ny", expect: only(["koordinator", "personvernombud", "nabo"]) }],
  "/ros/:id": [{ path: () => "/ros/finnes-ikke", expect: { ...all(404, SIGNED_IN), anonym: 302 } }],
  "/ros/:id/risiko/:riskId": [
    { path: () => "/ros/finnes-ikke/risiko/finnes-ikke", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  // Risk assessments shared in a network: the koordinator and personvernombud of a member owner
  // (Demo and Nabo are both members) and the network's staff read them; unit leaders, staff and the
  // platform admin (no owner, no network role) get 404. A real shared row, an owner outside the
  // network, publishing, withdrawing and adopting are tested in app/features/shared/shared.test.ts.
  "/ros/delte": [
    {
      path: () => "/ros/delte",
      expect: only(["koordinator", "personvernombud", "veileder", "programansvarlig", "nabo"]),
    },
  ],
  "/ros/delte/:id": [
    { path: () => "/ros/delte/finnes-ikke", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  "/ros/:id/del": [{ path: () => "/ros/finnes-ikke/del", expect: { ...all(404, SIGNED_IN), anonym: 302 } }],
  "/ros/:id/eksport/:format": [
    { path: () => "/ros/finnes-ikke/eksport/xlsx", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
    { path: () => "/ros/finnes-ikke/eksport/exe", expect: all(404) },
    // Demo kommune's real risk assessment in every format: Nabo's koordinator gets 404.
    ...(["xlsx", "docx", "pdf"] as const).map((format) => ({
      path: (ids: Ids) => `/ros/${ids.demoRos}/eksport/${format}`,
      expect: only(["leder", "koordinator", "personvernombud"]),
    })),
  ],
  "/evaluering": [
    { path: () => "/evaluering", expect: only(["leder", "koordinator", "personvernombud", "nabo"]) },
  ],
  // Guidance programmes this person takes part in or runs (the list may be empty); one programme
  // is tested with real rows in app/features/programme/programme.test.ts.
  "/program": [{ path: () => "/program", expect: { ...all(200, SIGNED_IN), anonym: 302 } }],
  "/program/:id": [{ path: () => "/program/finnes-ikke", expect: { ...all(404, SIGNED_IN), anonym: 302 } }],
  // A programme's groups, one group and a gathering's attendance: tested with real rows, by role
  // and tenant, in app/features/programme/groups.test.ts.
  "/program/:id/grupper": [
    { path: () => "/program/finnes-ikke/grupper", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  "/program/:id/gruppe/:groupId": [
    { path: () => "/program/finnes-ikke/gruppe/x", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  // A gathering's page (goals, self-study, agenda): tested with real rows, by role and tenant, in
  // app/features/programme/gathering.test.ts.
  "/program/:id/samling/:nr": [
    { path: () => "/program/finnes-ikke/samling/1", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  // The resource library and one built-in resource: tested by role and tenant in
  // app/features/programme/resources.test.ts.
  "/program/:id/ressurser": [
    { path: () => "/program/finnes-ikke/ressurser", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  "/program/:id/ressurser/:slug": [
    {
      path: () => "/program/finnes-ikke/ressurser/invitasjon-til-eiere",
      expect: { ...all(404, SIGNED_IN), anonym: 302 },
    },
  ],
  "/program/:id/oppmote/:number": [
    { path: () => "/program/finnes-ikke/oppmote/1", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  // Who answers and who reads the results: app/features/programme/evaluation.test.ts.
  "/program/:id/evaluering": [
    { path: () => "/program/finnes-ikke/evaluering", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  // Its results as a workbook: tested with real answers, by role and threshold, in
  // app/features/programme/evaluation.test.ts.
  "/program/:id/evaluering/xlsx": [
    { path: () => "/program/finnes-ikke/evaluering/xlsx", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  // Correcting a comment and leaving a programme: tested with real rows, by author, role and
  // tenant, in app/features/programme/comments.test.ts.
  "/program/:id/kommentar/:commentId": [
    { path: () => "/program/finnes-ikke/kommentar/x", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  "/program/:id/forlat/:ownerId": [
    { path: () => "/program/finnes-ikke/forlat/x", expect: { ...all(404, SIGNED_IN), anonym: 302 } },
  ],
  "/api/v1/sporsmalsbank": [{ path: () => "/api/v1/sporsmalsbank", expect: all(200) }],
  "/api/v1/openapi.json": [{ path: () => "/api/v1/openapi.json", expect: all(200) }],
  // The token-protected API: a browser session is not enough, so everyone here (signed in by a
  // cookie, or not at all) gets 401. Tokens, roles and tenants are tested with real tokens in
  // app/features/api/tokens.test.ts.
  "/api/v1/meg": [{ path: () => "/api/v1/meg", expect: all(401) }],
  "/api/v1/eiere/:ownerId/behandlinger": [
    { path: (ids) => `/api/v1/eiere/${ids.demo}/behandlinger`, expect: all(401) },
  ],
  "/api/v1/eiere/:ownerId/tiltak": [{ path: (ids) => `/api/v1/eiere/${ids.demo}/tiltak`, expect: all(401) }],
  "/api/v1/eiere/:ownerId/systemer": [
    { path: (ids) => `/api/v1/eiere/${ids.nabo}/systemer`, expect: all(401) },
  ],
  "/tilgjengelighet": [{ path: () => "/tilgjengelighet", expect: all(200) }],
  "/personvern": [{ path: () => "/personvern", expect: all(200) }],
  "/*": [{ path: () => "/finnes-ikke/her", expect: all(404) }],
};

function flatten(entries: RouteConfigEntry[], prefix = ""): string[] {
  return entries.flatMap((entry) => {
    const path = entry.index ? prefix || "/" : `${prefix}/${entry.path ?? ""}`.replace(/\/+/g, "/");
    return [...(entry.index || entry.path ? [path] : []), ...flatten(entry.children ?? [], path)];
  });
}

describe("the authorization matrix", () => {
  it("covers every route of the app", () => {
    const paths = flatten(routes as RouteConfigEntry[]);
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths)
      expect(MATRIX, `route ${path} needs a row in the matrix`).toHaveProperty([path]);
  });
});

async function findIds(server: TestServer): Promise<Ids> {
  const byName = async (name: string) =>
    (
      await server.services.db
        .selectFrom("organisation")
        .select("id")
        .where("name", "=", name)
        .executeTakeFirstOrThrow()
    ).id;
  return {
    demo: await byName("Demo kommune"),
    nabo: await byName("Nabo kommune"),
    eik: await byName("Eik barneskole"),
    naboSkole: await byName("Nabo skole"),
    network: await byName("Demo digitaliseringsnettverk"),
    demoIncident: (
      await server.services.db
        .selectFrom("incident")
        .innerJoin("user", "user.id", "incident.reported_by")
        .select("incident.id")
        .where("incident.owner_id", "=", await byName("Demo kommune"))
        .where("user.email", "=", EMAIL.leder)
        .orderBy("incident.id")
        .executeTakeFirstOrThrow()
    ).id,
    demoRos: (
      await server.services.db
        .selectFrom("risk_assessment")
        .select("id")
        .where("owner_id", "=", await byName("Demo kommune"))
        .orderBy("id")
        .executeTakeFirstOrThrow()
    ).id,
    demoDpia: (
      await server.services.db
        .selectFrom("dpia")
        .select("id")
        .where("owner_id", "=", await byName("Demo kommune"))
        .orderBy("id")
        .executeTakeFirstOrThrow()
    ).id,
  };
}

describe.each(dialects)("every route, every role, on %s", (dialect) => {
  let server: TestServer;
  let ids: Ids;
  const clients = new Map<Who, TestClient>();
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    ids = await findIds(server);
    for (const who of EVERYONE) {
      const client = new TestClient(server.url);
      if (who !== "anonym") await client.login(EMAIL[who]);
      clients.set(who, client);
    }
  });
  afterAll(() => server.close());

  for (const [route, cases] of Object.entries(MATRIX)) {
    for (const [i, c] of cases.entries()) {
      it(`${route} #${i + 1}`, async () => {
        for (const [who, status] of Object.entries(c.expect) as [Who, number][]) {
          const client = clients.get(who);
          const response = await client?.get(c.path(ids));
          expect(response?.status, `${who} GET ${c.path(ids)}`).toBe(status);
          if (who === "anonym" && status === 302 && c.expect.koordinator !== 302) {
            expect(response?.headers.get("location")).toMatch(/^\/logg-inn\?neste=/);
          }
        }
      });
    }
  }

  it("refuses every change to another owner's data with 404, and nothing changes", async () => {
    const nabo = clients.get("nabo") as TestClient;
    const count = async () =>
      Number(
        (
          await server.services.db
            .selectFrom("organisation")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const invitations = async () =>
      Number(
        (
          await server.services.db
            .selectFrom("invitation")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = { orgs: await count(), invitations: await invitations() };
    const attempts = [
      nabo.post(`/eiere/${ids.demo}`, { intent: "create-unit", name: "Snik", unitType: "barnehage" }),
      nabo.post(`/eiere/${ids.demo}`, {
        intent: "invite",
        email: "x@y.no",
        target: `${ids.demo}|koordinator`,
      }),
      nabo.post(`/enheter/${ids.eik}`, { intent: "invite", email: "x@y.no", target: `${ids.eik}|ansatt` }),
      nabo.post(`/nettverk/${ids.network}`, {
        intent: "invite",
        email: "x@y.no",
        target: `${ids.network}|veileder`,
      }),
      (clients.get("ansatt") as TestClient).post(`/enheter/${ids.eik}`, {
        intent: "invite",
        email: "x@y.no",
        target: `${ids.eik}|ansatt`,
      }),
      (clients.get("personvernombud") as TestClient).post(`/eiere/${ids.demo}`, {
        intent: "create-unit",
        name: "Les-kun",
        unitType: "barnehage",
      }),
      (clients.get("koordinator") as TestClient).post("/admin", {
        intent: "create-owner",
        name: "Falsk",
        ownerType: "kommune",
        orgNumber: "910000098",
      }),
      // The platform's admin does not set which courses an owner's staff must take (decision 021).
      (clients.get("admin") as TestClient).post(`/eiere/${ids.demo}/kompetanse`, {
        module: "skole/1",
        role: "alle",
        unitId: "",
        dueDate: "2099-01-01",
      }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(404);
    expect(await count()).toBe(before.orgs);
    expect(await invitations()).toBe(before.invitations);
    const adminAssignments = await server.services.db
      .selectFrom("learning_assignment")
      .select("id")
      .where("due_date", "=", "2099-01-01")
      .execute();
    expect(adminAssignments).toEqual([]);
  });

  it("does not let an owner's page act on another owner's units or people", async () => {
    const koordinator = clients.get("koordinator") as TestClient;
    // Invite into Nabo's unit through Demo's own page: the unit is not one of Demo's.
    const response = await koordinator.post(`/eiere/${ids.demo}`, {
      intent: "invite",
      email: "snik@nabo.no",
      target: `${ids.naboSkole}|ansatt`,
    });
    expect(response.status).toBe(400);
    const naboMembership = await server.services.db
      .selectFrom("membership as m")
      .innerJoin("user as u", "u.id", "m.user_id")
      .select("m.id")
      .where("u.email", "=", "koordinator@nabo.oppvern.no")
      .executeTakeFirstOrThrow();
    const removal = await koordinator.post(`/eiere/${ids.demo}`, {
      intent: "remove-member",
      membershipId: naboMembership.id,
    });
    expect(removal.status).toBe(404);
    const still = await server.services.db
      .selectFrom("membership")
      .select("id")
      .where("id", "=", naboMembership.id)
      .executeTakeFirst();
    expect(still).toBeDefined();
  });

  it("lets a leader invite staff but not another leader", async () => {
    const leder = clients.get("leder") as TestClient;
    const refused = await leder.post(`/enheter/${ids.eik}`, {
      intent: "invite",
      email: "ny@eik.no",
      target: `${ids.eik}|leder`,
    });
    expect(refused.status).toBe(400);
    const ok = await leder.post(`/enheter/${ids.eik}`, {
      intent: "invite",
      email: "ny@eik.no",
      target: `${ids.eik}|ansatt`,
    });
    expect(ok.status).toBe(200);
  });
});
