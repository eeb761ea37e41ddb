import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
} from "../../../tests/support/test-server.ts";
import { cohortFigures } from "./programmes.server.ts";

const idFrom = (location: string | null) => (location ?? "").split("/")[2]?.split(/[?#]/)[0] ?? "";

describe.each(dialects)("guidance programmes on %s", (dialect) => {
  let server: TestServer;
  let leader: TestClient;
  let demoId: string;
  let naboId: string;
  let made: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    leader = new TestClient(server.url);
    await leader.login("programansvarlig@demo.oppvern.no");
    demoId = await organisationIdOf(server, "Demo kommune");
    naboId = await organisationIdOf(server, "Nabo kommune");
  });
  afterAll(() => server.close());

  it("lets the network's programansvarlig start a programme with five gatherings, and says what to fix", async () => {
    const form = (await leader.page("/program")).html;
    expect(textOf(form)).toContain("Veiledning i personvern 2026–2027");
    // Every owner of the network is ticked to begin with.
    expect(form).toMatch(
      new RegExp(`<input[^>]*(value="${naboId}"[^>]*checked|checked[^>]*value="${naboId}")`),
    );
    const refused = await leader.post("/program", [
      ["navn", ""],
      ["nettverk", (form.match(/name="nettverk" value="([^"]+)"/) ?? [])[1] ?? ""],
      ["start", "1.9.2027"],
      ["slutt", "1.8.2027"],
      ["eiere", demoId],
    ]);
    expect(refused.status).toBe(400);
    const text = textOf(await refused.text());
    expect(text).toContain("Skriv et navn på programmet.");
    // What was typed stays: the date is shown as the date field reads it.
    expect(
      await (
        await leader.post("/program", [
          ["navn", "X"],
          ["nettverk", "feil"],
        ])
      ).status,
    ).toBe(400);
    const network = (form.match(/name="nettverk" value="([^"]+)"/) ?? [])[1] ?? "";
    const notMember = await leader.post("/program", [
      ["navn", "Med en fremmed"],
      ["nettverk", network],
      ["eiere", "en-annen-eier"],
    ]);
    expect(notMember.status).toBe(400);
    expect(textOf(await notMember.text())).toContain("Velg eiere fra listen.");
    const backwards = await leader.post("/program", [
      ["navn", "Baklengs"],
      ["nettverk", network],
      ["start", "1.9.2027"],
      ["slutt", "1.8.2027"],
    ]);
    expect(textOf(await backwards.text())).toContain("Siste dag kan ikke være før første dag.");
    const ok = await leader.post("/program", [
      ["navn", "Bare Demo kommune"],
      ["nettverk", network],
      ["start", "1.9.2027"],
      ["eiere", demoId],
    ]);
    expect(ok.status).toBe(303);
    made = idFrom(ok.headers.get("location"));
    const page = textOf((await leader.page(ok.headers.get("location") ?? "")).html);
    expect(page).toContain("Programmet er startet");
    for (const theme of [
      "Veilederne forbereder seg",
      "Kartlegging",
      "Prioritering",
      "Gjennomføring",
      "Evaluering",
    ])
      expect(page).toContain(theme);
    expect(page).toContain("Eiere som er med (1)");
  });

  it("schedules a gathering, and refuses a day that does not exist", async () => {
    const bad = await leader.post(`/program/${made}`, {
      samling: "2",
      dato: "30.2.2027",
      sted: "Kulturhuset",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(textOf(html)).toContain("Skriv datoen som en dato");
    expect(html).toContain('value="Kulturhuset"');
    const good = await leader.post(`/program/${made}`, {
      samling: "2",
      dato: "11.3.2027",
      sted: "Kulturhuset",
    });
    expect(good.status).toBe(303);
    expect(textOf((await leader.page(`/program/${made}`)).html)).toContain("11. mars 2027, Kulturhuset");
  });

  it("shows a programme to its network's guides and to the owners in it, and to nobody else", async () => {
    const guide = new TestClient(server.url);
    await guide.login("veileder@demo.oppvern.no");
    const asGuide = await guide.page(`/program/${made}`);
    expect(asGuide.response.status).toBe(200);
    // A guide reads; only the programansvarlig schedules.
    expect(asGuide.html).not.toContain('name="sted"');
    expect((await guide.post(`/program/${made}`, { samling: "1", dato: "", sted: "Kapret" })).status).toBe(
      404,
    );
    const demo = new TestClient(server.url);
    await demo.login("koordinator@demo.oppvern.no");
    expect((await demo.get(`/program/${made}`)).status).toBe(200);
    expect(textOf((await demo.page("/program")).html)).toContain("Bare Demo kommune");
    // Nabo kommune is in the network, but not in this programme.
    const nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
    expect((await nabo.get(`/program/${made}`)).status).toBe(404);
    expect(textOf((await nabo.page("/program")).html)).not.toContain("Bare Demo kommune");
    const staff = new TestClient(server.url);
    await staff.login("ansatt@demo.oppvern.no");
    expect((await staff.get(`/program/${made}`)).status).toBe(404);
    expect(
      await (
        await staff.post("/program", [
          ["navn", "Kapret"],
          ["nettverk", "x"],
        ])
      ).status,
    ).toBe(400);
  });

  it("gives the network figures over at least five owners, and none from fewer", async () => {
    const seeded = textOf((await leader.page("/program")).html);
    expect(seeded).toContain("Veiledning i personvern 2026–2027");
    const list = (await leader.page("/program")).html;
    const demoProgramme = [
      ...list.matchAll(/href="\/program\/([^"]+)"[^>]*>Veiledning i personvern 2026–2027/g),
    ][0]?.[1];
    const page = textOf((await leader.page(`/program/${demoProgramme}`)).html);
    expect(page).toContain("7 av 7 eiere har avsluttet en kartlegging.");
    expect(page).toContain("Siste kartlegging, medianen per område");
    // Only Demo kommune has a plan: no plan figure from one owner.
    expect(page).not.toContain("har en handlingsplan");
    const one = textOf((await leader.page(`/program/${made}`)).html);
    expect(one).toContain("Færre enn fem eiere har data ennå");
    expect(one).not.toContain("medianen per område");
    const figures = await cohortFigures(server.services.db, [demoId]);
    expect(figures.areas.size).toBe(0);
  });
});
