import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
  userIdOf,
} from "../../../tests/support/test-server.ts";
import { createVerifiedAccount } from "../auth/accounts.server.ts";
import { addMembership } from "../orgs/memberships.server.ts";
import { removeNetworkOwner } from "../orgs/networks.server.ts";
import { createOwner } from "../orgs/owners.server.ts";

const assessment = (extra: Record<string, string> = {}) => ({
  intent: "vurdering",
  tittel: "Digitale lærebøker på ungdomstrinnet",
  omfang: "Lærebøkene elevene på 8.–10. trinn leser på nett, med pålogging via skolekontoen.",
  behandling: "",
  tjeneste: "",
  deltakere: "Kari Koordinator og Rolf Rektor",
  vurdert: "2026-11-20",
  revisjon: "2027-11-20",
  status: "utkast",
  ...extra,
});

const risk = (extra: Record<string, string> = {}) => ({
  intent: "ny-risiko",
  trussel: "Forlaget bruker lesedata til markedsføring",
  arsak: "Avtalen sier lite om hva lesedata kan brukes til.",
  eksisterende: "",
  sannsynlighet: "3",
  konsekvens: "3",
  tiltak: "Krev at databehandleravtalen forbyr annen bruk",
  sannsynlighetEtter: "1",
  konsekvensEtter: "3",
  ...extra,
});

const idFrom = (location: string | null) => (location ?? "").split("/")[2]?.split(/[?#]/)[0] ?? "";
const versionOf = (html: string) => html.match(/name="version" value="(\d+)"/)?.[1] ?? "";
const sharedIdOf = (html: string, title: string) =>
  html.match(new RegExp(`href="/ros/delte/([\\w-]+)"[^>]*>${title}`))?.[1] ?? "";

describe.each(dialects)("shared risk assessments on %s", (dialect) => {
  let server: TestServer;
  const c: Record<string, TestClient> = {};
  let network: string;
  /** Demo kommune's new assessment, its snapshot in the network, and Nabo kommune's copy. */
  let rosId: string;
  let sharedId: string;
  let copyId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    network = await organisationIdOf(server, "Demo digitaliseringsnettverk");
    // An owner outside the network, with its own koordinator.
    const outside = await createOwner(server.services.db, {
      name: "Utenfor kommune",
      ownerType: "kommune",
      orgNumber: "910000098",
      actorUserId: null,
    });
    const userId = await createVerifiedAccount(server.services, {
      name: "Ulla Utenfor",
      email: "koordinator@utenfor.no",
      password: "oppvern-demo",
      locale: "nb",
    });
    await addMembership(server.services.db, {
      userId,
      organisationId: outside,
      role: "koordinator",
      actorUserId: null,
    });
    for (const [who, email] of [
      ["koordinator", "koordinator@demo.oppvern.no"],
      ["personvernombud", "personvernombud@demo.oppvern.no"],
      ["leder", "leder@demo.oppvern.no"],
      ["ansatt", "ansatt@demo.oppvern.no"],
      ["veileder", "veileder@demo.oppvern.no"],
      ["programansvarlig", "programansvarlig@demo.oppvern.no"],
      ["nabo", "koordinator@nabo.oppvern.no"],
      ["utenfor", "koordinator@utenfor.no"],
    ] as const) {
      c[who] = new TestClient(server.url);
      await c[who].login(email);
    }
  });
  afterAll(() => server.close());

  const client = (who: string) => c[who] as TestClient;

  it("shows Nabo kommune the demo's shared learning-platform assessment, and the network's staff can read it", async () => {
    const list = (await client("nabo").page("/ros/delte")).html;
    expect(textOf(list)).toContain("Læringsplattform på barneskolene");
    expect(textOf(list)).toContain("Demo kommune");
    const demoShared = sharedIdOf(list, "Læringsplattform på barneskolene");
    expect(demoShared).not.toBe("");
    for (const who of ["veileder", "programansvarlig"]) {
      expect(textOf((await client(who).page("/ros/delte")).html)).toContain(
        "Læringsplattform på barneskolene",
      );
      const view = await client(who).get(`/ros/delte/${demoShared}`);
      expect(view.status).toBe(200);
      // Network staff read; they have no register to adopt into.
      expect(textOf(await view.text())).not.toContain("Ta i bruk som vår egen vurdering");
      expect((await client(who).post(`/ros/delte/${demoShared}`, { intent: "overta" })).status).toBe(404);
    }
    // Demo kommune's own publication is in its own register, not offered back to it.
    expect(textOf((await client("koordinator").page("/ros/delte")).html)).not.toContain(
      "Læringsplattform på barneskolene",
    );
    expect((await client("koordinator").post(`/ros/delte/${demoShared}`, { intent: "overta" })).status).toBe(
      404,
    );
  });

  it("shares what was assessed and the risks, never the people, the internal links or the service's notes", async () => {
    const list = (await client("nabo").page("/ros/delte")).html;
    const view = textOf(
      (await client("nabo").page(`/ros/delte/${sharedIdOf(list, "Læringsplattform på barneskolene")}`)).html,
    );
    expect(view).toContain("Delt av Demo kommune i Demo digitaliseringsnettverk");
    expect(view).toContain("Læringsplattformen elevene på 1.–7. trinn bruker");
    expect(view).toContain("Skolerommet læringsplattform (Demolæring AS)");
    expect(view).toContain("En melding om en elevs helse blir sendt til hele klassen");
    expect(view).toContain("Høy (sannsynlighet 3 × konsekvens 4 = 12)");
    // Participants, the plan, the review date and the service register's own fields stay home.
    expect(view).not.toContain("IKT-ansvarlig og en kontaktlærer");
    expect(view).not.toContain("Kari Koordinator");
    expect(view).not.toContain("I handlingsplanen");
    expect(view).not.toContain("Se på vurderingen igjen innen");
    expect(view).not.toContain("Vedtatt av kommunalsjef");
    expect(view).not.toContain("rollebasert tilgang");
    const stored = await server.services.db.selectFrom("shared_assessment").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(Object.keys(stored[0] ?? {})).not.toContain("participants");
    expect(stored[0]?.risks).not.toContain("plan_measure_id");
    expect(stored[0]?.risks).not.toContain("Koordinator");
  });

  it("refuses to share a draft, and a post without a network or without the check for names, keeping the choice", async () => {
    const created = await client("koordinator").post("/ros/ny", assessment());
    rosId = idFrom(created.headers.get("location"));
    expect(rosId).not.toBe("");
    await client("koordinator").post(`/ros/${rosId}`, risk());
    const draftPage = textOf((await client("koordinator").page(`/ros/${rosId}/del`)).html);
    expect(draftPage).toContain("Bare en ferdig vurdering kan deles.");
    expect(draftPage).toContain("hvem som var med på vurderingen");
    const draft = await client("koordinator").post(`/ros/${rosId}/del`, {
      intent: "publiser",
      nettverk: network,
      bekreft: "ja",
    });
    expect(draft.status).toBe(400);

    const { html } = await client("koordinator").page(`/ros/${rosId}`);
    const done = await client("koordinator").post(
      `/ros/${rosId}`,
      assessment({ status: "ferdig", version: versionOf(html) }),
    );
    expect(done.status).toBe(303);
    const unconfirmed = await client("koordinator").post(`/ros/${rosId}/del`, {
      intent: "publiser",
      nettverk: network,
    });
    expect(unconfirmed.status).toBe(400);
    const unconfirmedHtml = await unconfirmed.text();
    expect(textOf(unconfirmedHtml)).toContain(
      "Les gjennom teksten og kryss av for at ingen personer er nevnt.",
    );
    expect(unconfirmedHtml).toContain(`checked="" value="${network}"`);
    expect(unconfirmedHtml).toContain('aria-describedby="f-bekreft-error"');
    // A network the owner is not in is no choice.
    const foreign = await client("koordinator").post(`/ros/${rosId}/del`, {
      intent: "publiser",
      nettverk: await organisationIdOf(server, "Utenfor kommune"),
      bekreft: "ja",
    });
    expect(foreign.status).toBe(400);
    expect(textOf(await foreign.text())).toContain("Velg et nettverk fra listen.");
    expect(textOf((await client("nabo").page("/ros/delte")).html)).not.toContain(
      "Digitale lærebøker på ungdomstrinnet",
    );
  });

  it("publishes, and publishing again after a change replaces the network's copy", async () => {
    const published = await client("koordinator").post(`/ros/${rosId}/del`, {
      intent: "publiser",
      nettverk: network,
      bekreft: "ja",
    });
    expect(published.status).toBe(303);
    const page = textOf((await client("koordinator").page(published.headers.get("location") ?? "")).html);
    expect(page).toContain("Vurderingen er delt med nettverket.");
    expect(page).toContain("Demo digitaliseringsnettverk");
    expect(page).not.toContain("Endret etter at den ble delt");

    await client("koordinator").post(`/ros/${rosId}`, risk({ trussel: "Elever ser hverandres notater" }));
    expect(textOf((await client("koordinator").page(`/ros/${rosId}/del`)).html)).toContain(
      "Endret etter at den ble delt",
    );
    const first = sharedIdOf(
      (await client("nabo").page("/ros/delte")).html,
      "Digitale lærebøker på ungdomstrinnet",
    );
    expect(textOf((await client("nabo").page(`/ros/delte/${first}`)).html)).not.toContain(
      "Elever ser hverandres notater",
    );
    const again = await client("personvernombud").post(`/ros/${rosId}/del`, {
      intent: "publiser",
      nettverk: network,
      bekreft: "ja",
    });
    expect(again.status).toBe(303);
    const list = (await client("nabo").page("/ros/delte")).html;
    expect(textOf(list).match(/Digitale lærebøker på ungdomstrinnet/g)).toHaveLength(1);
    sharedId = sharedIdOf(list, "Digitale lærebøker på ungdomstrinnet");
    expect(sharedId).not.toBe(first);
    expect(textOf((await client("nabo").page(`/ros/delte/${sharedId}`)).html)).toContain(
      "Elever ser hverandres notater",
    );
    expect((await client("nabo").get(`/ros/delte/${first}`)).status).toBe(404);
  });

  it("adopts a copy that is the adopter's own: changing either leaves the other as it was", async () => {
    const adopted = await client("nabo").post(`/ros/delte/${sharedId}`, { intent: "overta" });
    expect(adopted.status).toBe(303);
    copyId = idFrom(adopted.headers.get("location"));
    const copy = textOf((await client("nabo").page(`/ros/${copyId}?lagret=overtatt`)).html);
    expect(copy).toContain("Vurderingen er kopiert til dere.");
    expect(copy).toContain("«Digitale lærebøker på ungdomstrinnet», delt av Demo kommune");
    expect(copy).toContain("Under arbeid");
    expect(copy).toContain("Risikoer (2)");
    expect(copy).toContain("Forlaget bruker lesedata til markedsføring");
    expect(copy).not.toContain("Rolf Rektor");
    expect(copy).not.toContain("nyere versjon");
    expect(copy).not.toContain("trukket vurderingen tilbake");
    expect(textOf((await client("nabo").page(`/ros/delte/${sharedId}`)).html)).toContain(
      "Dere har allerede en kopi:",
    );

    // Nabo changes a risk on its copy; Demo's original and the shared snapshot stay as they were.
    const { html } = await client("nabo").page(`/ros/${copyId}`);
    const edit = html.match(/href="(\/ros\/[\w-]+\/risiko\/[\w-]+)"/)?.[1] ?? "";
    expect(edit).not.toBe("");
    expect(
      (await client("nabo").post(edit, risk({ intent: "lagre", trussel: "Nabos egen formulering" }))).status,
    ).toBe(303);
    expect(textOf((await client("koordinator").page(`/ros/${rosId}`)).html)).not.toContain(
      "Nabos egen formulering",
    );
    expect(textOf((await client("nabo").page(`/ros/delte/${sharedId}`)).html)).not.toContain(
      "Nabos egen formulering",
    );
    // Demo adds a risk to its original; Nabo's copy does not get it.
    await client("koordinator").post(`/ros/${rosId}`, risk({ trussel: "Demos nye risiko" }));
    expect(textOf((await client("nabo").page(`/ros/${copyId}`)).html)).not.toContain("Demos nye risiko");
    // The copy is Nabo's alone.
    expect((await client("koordinator").get(`/ros/${copyId}`)).status).toBe(404);
  });

  it("withdraws: the network no longer sees it, and the adopted copy stays", async () => {
    const page = (await client("koordinator").page(`/ros/${rosId}/del`)).html;
    const deling = page.match(/name="deling" value="([\w-]+)"/)?.[1] ?? "";
    expect(deling).toBe(sharedId);
    // Another owner cannot withdraw it, nor reach the page.
    expect((await client("nabo").post(`/ros/${rosId}/del`, { intent: "trekk-tilbake", deling })).status).toBe(
      404,
    );
    const withdrawn = await client("koordinator").post(`/ros/${rosId}/del`, {
      intent: "trekk-tilbake",
      deling,
    });
    expect(withdrawn.status).toBe(303);
    expect(textOf((await client("koordinator").page(`/ros/${rosId}/del?lagret=trukket`)).html)).toContain(
      "Vurderingen er trukket tilbake fra nettverket.",
    );
    expect(textOf((await client("nabo").page("/ros/delte")).html)).not.toContain(
      "Digitale lærebøker på ungdomstrinnet",
    );
    expect((await client("nabo").get(`/ros/delte/${sharedId}`)).status).toBe(404);
    const copy = textOf((await client("nabo").page(`/ros/${copyId}`)).html);
    expect(copy).toContain("«Digitale lærebøker på ungdomstrinnet», delt av Demo kommune");
    expect(copy).toContain("Nabos egen formulering");
    expect(copy).toContain(
      "Eieren har trukket vurderingen tilbake fra nettverket. Kopien deres er ikke endret.",
    );
    const audit = await server.services.db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id"])
      .where("action", "in", ["shared.publish", "shared.withdraw", "ros.adopt"])
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "shared.publish",
      "shared.publish",
      "shared.publish",
      "ros.adopt",
      "shared.withdraw",
    ]);
    expect(audit[4]?.actor_user_id).toBe(await userIdOf(server, "koordinator@demo.oppvern.no"));
  });

  it("tells the owner of a copy that a newer version was shared, and links to it", async () => {
    const again = await client("koordinator").post(`/ros/${rosId}/del`, {
      intent: "publiser",
      nettverk: network,
      bekreft: "ja",
    });
    expect(again.status).toBe(303);
    const { html } = await client("nabo").page(`/ros/${copyId}`);
    expect(textOf(html)).toContain("Eieren delte en nyere versjon");
    expect(textOf(html)).not.toContain("trukket vurderingen tilbake");
    const newer = html.match(/href="\/ros\/delte\/([\w-]+)"[^>]*>Se den nyere versjonen</)?.[1] ?? "";
    expect(newer).not.toBe("");
    expect(newer).not.toBe(sharedId);
    // The newer version has the risk Demo added after Nabo took its copy; the copy does not.
    expect(textOf((await client("nabo").page(`/ros/delte/${newer}`)).html)).toContain("Demos nye risiko");
    expect(textOf(html)).not.toContain("Demos nye risiko");
  });

  it("keeps owners outside the network, unit leaders and staff out, by GET and by POST", async () => {
    const list = (await client("nabo").page("/ros/delte")).html;
    const live = sharedIdOf(list, "Læringsplattform på barneskolene");
    // The outside owner's koordinator has a page that says it is in no network, and nothing else.
    const outside = textOf((await client("utenfor").page("/ros/delte")).html);
    expect(outside).toContain("Eieren deres er ikke med i noe nettverk");
    expect(outside).not.toContain("Læringsplattform på barneskolene");
    for (const who of ["utenfor", "leder", "ansatt"]) {
      expect((await client(who).get(`/ros/delte/${live}`)).status, who).toBe(404);
      expect((await client(who).post(`/ros/delte/${live}`, { intent: "overta" })).status, who).toBe(404);
      expect((await client(who).get(`/ros/${rosId}/del`)).status, who).toBe(404);
      expect(
        (
          await client(who).post(`/ros/${rosId}/del`, {
            intent: "publiser",
            nettverk: network,
            bekreft: "ja",
          })
        ).status,
        who,
      ).toBe(404);
    }
    for (const who of ["leder", "ansatt"])
      expect((await client(who).get("/ros/delte")).status, who).toBe(404);
    expect((await client("nabo").get(`/ros/${rosId}/del`)).status).toBe(404);
    const copies = await server.services.db
      .selectFrom("risk_assessment")
      .select("id")
      .where("based_on_id", "is not", null)
      .execute();
    expect(copies).toHaveLength(1);
  });

  it("stops sharing an owner's assessments once it has left the network, and still lets it withdraw them", async () => {
    const live = sharedIdOf(
      (await client("nabo").page("/ros/delte")).html,
      "Læringsplattform på barneskolene",
    );
    expect(live).not.toBe("");
    await removeNetworkOwner(server.services.db, {
      networkId: network,
      ownerId: await organisationIdOf(server, "Demo kommune"),
      actorUserId: null,
    });
    expect(textOf((await client("nabo").page("/ros/delte")).html)).not.toContain(
      "Læringsplattform på barneskolene",
    );
    expect((await client("nabo").get(`/ros/delte/${live}`)).status).toBe(404);
    const demoRos = await server.services.db
      .selectFrom("risk_assessment")
      .select("id")
      .where("title", "=", "Læringsplattform på barneskolene")
      .executeTakeFirstOrThrow();
    const page = textOf((await client("koordinator").page(`/ros/${demoRos.id}/del`)).html);
    expect(page).toContain("Eieren deres er ikke med i noe nettverk");
    expect(page).toContain("Trekk tilbake");
    expect(
      (await client("koordinator").post(`/ros/${demoRos.id}/del`, { intent: "trekk-tilbake", deling: live }))
        .status,
    ).toBe(303);
  });
});

describe.each(dialects)("removing a service from the systems register on %s", (dialect) => {
  let server: TestServer;
  let koordinator: TestClient;
  let leder: TestClient;
  let nabo: TestClient;

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    leder = new TestClient(server.url);
    await leder.login("leder@demo.oppvern.no");
    nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
  });
  afterAll(() => server.close());

  it("asks first, names what happens to its assessments, deletes it, and logs who, when and which", async () => {
    const { html: list } = await koordinator.page("/systemer");
    const serviceId = list.match(/href="\/systemer\/([\w-]+)"[^>]*>Quizkameraten/)?.[1] ?? "";
    expect(serviceId).not.toBe("");
    const created = await koordinator.post(
      "/ros/ny",
      assessment({ tittel: "ROS av quiz-appen", tjeneste: serviceId, deltakere: "" }),
    );
    const rosOfService = idFrom(created.headers.get("location"));

    const confirm = textOf((await koordinator.page(`/systemer/${serviceId}/slett`)).html);
    expect(confirm).toContain("Slette Quizkameraten");
    expect(confirm).toContain("Risikovurderinger av tjenesten (1)");
    expect(confirm).toContain("ROS av quiz-appen");
    expect(confirm).toContain("De beholder alt innholdet, men mister koblingen til tjenesten.");
    // The page alone deletes nothing.
    expect(textOf((await koordinator.page("/systemer")).html)).toContain("Quizkameraten");

    for (const other of [leder, nabo]) {
      expect((await other.get(`/systemer/${serviceId}/slett`)).status).toBe(404);
      expect((await other.post(`/systemer/${serviceId}/slett`, { intent: "slett" })).status).toBe(404);
    }
    expect(textOf((await koordinator.page("/systemer")).html)).toContain("Quizkameraten");

    const deleted = await koordinator.post(`/systemer/${serviceId}/slett`, { intent: "slett" });
    expect(deleted.status).toBe(303);
    const after = textOf((await koordinator.page(deleted.headers.get("location") ?? "")).html);
    expect(after).toContain("Tjenesten er slettet.");
    expect(after).not.toContain("Quizkameraten");
    expect((await koordinator.get(`/systemer/${serviceId}`)).status).toBe(404);
    expect((await koordinator.post(`/systemer/${serviceId}/slett`, { intent: "slett" })).status).toBe(404);

    const ros = textOf((await koordinator.page(`/ros/${rosOfService}`)).html);
    expect(ros).toContain("Lærebøkene elevene på 8.–10. trinn leser på nett");
    expect(ros).not.toContain("Quizkameraten");

    const audit = await server.services.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "systems.delete")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.entity_id).toBe(serviceId);
    expect(audit[0]?.actor_user_id).toBe(await userIdOf(server, "koordinator@demo.oppvern.no"));
    expect(audit[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(JSON.parse(audit[0]?.details ?? "{}")).toMatchObject({
      name: "Quizkameraten",
      unlinkedAssessments: 1,
    });
  });
});
