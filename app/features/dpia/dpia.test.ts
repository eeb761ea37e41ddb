import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import { dialects, startTestServer, type TestServer } from "../../../tests/support/test-server.ts";
import { conclusionOf, riskLevel } from "./criteria.ts";

describe("the screening's conclusion and the risk levels", () => {
  it("needs a DPIA at two criteria or any item of the list, asks to consider it at one", () => {
    expect(conclusionOf(["sarbare", "stor-skala"], [])).toBe("trengs");
    expect(conclusionOf([], ["laering"])).toBe("trengs");
    expect(conclusionOf(["sarbare"], [])).toBe("vurder");
    expect(conclusionOf([], [])).toBe("ikke");
  });
  it("reads likelihood × consequence as low, medium, high and very high", () => {
    expect([4, 5, 9, 10, 16, 20].map(riskLevel)).toEqual([
      "lav",
      "middels",
      "middels",
      "hoy",
      "hoy",
      "svart-hoy",
    ]);
  });
});

const versionOf = (html: string) => html.match(/name="version" value="(\d+)"/)?.[1] ?? "";
const idFrom = (location: string | null) => (location ?? "").split("/")[2]?.split(/[?#]/)[0] ?? "";

const description = (version: string, extra: Record<string, string> = {}) => ({
  intent: "beskrivelse",
  hva: "Elevene leverer skriveoppgaver i Skrivehagen.",
  hvorfor: "Tilpasset opplæring.",
  hvem: "Elever på 5.–7. trinn og lærerne deres.",
  opplysninger: "Navn, klasse og tekster.",
  systemer: "Skrivehagen fra Pennefjær AS.",
  lagring: "Slettes når eleven slutter.",
  version,
  ...extra,
});

const risk = (version: string, extra: Record<string, string> = {}) => ({
  intent: "risiko-ny",
  trussel: "Elevtekster brukes til å trene leverandørens språkmodell",
  sannsynlighet: "4",
  konsekvens: "4",
  tiltak: "Avtalen forbyr det.",
  "sannsynlighet-etter": "1",
  "konsekvens-etter": "4",
  version,
  ...extra,
});

describe.each(dialects)("the DPIA register on %s", (dialect) => {
  let server: TestServer;
  let koordinator: TestClient;
  let ombud: TestClient;
  let leder: TestClient;
  let ansatt: TestClient;
  let nabo: TestClient;
  let id: string;

  const row = () =>
    server.services.db.selectFrom("dpia").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const risks = () =>
    server.services.db
      .selectFrom("dpia_risk")
      .selectAll()
      .where("dpia_id", "=", id)
      .orderBy("created_at")
      .execute();
  const current = async () => versionOf((await koordinator.page(`/dpia/${id}`)).html);

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    ombud = new TestClient(server.url);
    await ombud.login("personvernombud@demo.oppvern.no");
    leder = new TestClient(server.url);
    await leder.login("leder@demo.oppvern.no");
    ansatt = new TestClient(server.url);
    await ansatt.login("ansatt@demo.oppvern.no");
    nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
  });
  afterAll(() => server.close());

  it("lists the demo DPIAs with status, highest risk left and approval date", async () => {
    const page = textOf((await koordinator.page("/dpia")).html);
    expect(page).toContain("Læringsplattformen Læringsløypa for 1.–7. trinn");
    expect(page).toContain("Godkjent");
    expect(page).toContain("Foreldreapp med bildedeling i barnehagene");
    expect(page).toContain("Utkast");
    expect(page).toContain("høy (sannsynlighet 4 × konsekvens 3 = 12)");
  });

  it("saves a screening whatever it concludes, and keeps what was ticked when the title is missing", async () => {
    const bad = await koordinator.post("/dpia/ny", [
      ["tittel", ""],
      ["kriterier", "sarbare"],
      ["kriterier", "ny-teknologi"],
      ["begrunnelse", "KI leser elevtekster."],
    ]);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(textOf(html)).toContain("Skriv en tittel.");
    expect(html).toMatch(/checked="" value="ny-teknologi"/);
    expect(html).toContain("KI leser elevtekster.");
    const unknown = await koordinator.post("/dpia/ny", [
      ["tittel", "Ukjent valg"],
      ["kriterier", "finnes-ikke"],
    ]);
    expect(unknown.status).toBe(400);
    expect(textOf(await unknown.text())).toContain("Velg blant punktene på listen.");

    const none = await koordinator.post("/dpia/ny", [["tittel", "Digital timeplan"]]);
    expect(none.status).toBe(303);
    expect(textOf((await koordinator.page(none.headers.get("location") ?? "")).html)).toContain(
      "Det trengs normalt ikke en DPIA",
    );
    const one = await koordinator.post("/dpia/ny", [
      ["tittel", "Klassens nettside"],
      ["kriterier", "sarbare"],
    ]);
    expect(textOf((await koordinator.page(one.headers.get("location") ?? "")).html)).toContain(
      "Vurder om dere skal gjøre en DPIA",
    );
    const made = await koordinator.post("/dpia/ny", [
      ["tittel", "Skrivehagen med KI-tilbakemelding"],
      ["kriterier", "sarbare"],
      ["kriterier", "ny-teknologi"],
      ["begrunnelse", "KI leser elevtekster."],
    ]);
    expect(made.status).toBe(303);
    id = idFrom(made.headers.get("location"));
    const page = textOf((await koordinator.page(`/dpia/${id}`)).html);
    expect(page).toContain("Det trengs en DPIA");
    expect(page).toContain("Gjør vurderingen ferdig før dere tar løsningen i bruk.");
    expect(page).toContain("Status: Utkast.");
    const list = textOf((await koordinator.page("/dpia")).html);
    expect(list).toContain("Digital timeplan (bare screening, ikke nødvendig)");
    expect(list).toContain("Skrivehagen med KI-tilbakemelding");
  });

  it("saves each section on its own, says what is missing, and refuses a stale save keeping the text", async () => {
    const version = await current();
    const bad = await koordinator.post(`/dpia/${id}`, description(version, { hva: "" }));
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(textOf(html)).toContain("Skriv hva som skal gjøres.");
    expect(html).toContain("Elever på 5.–7. trinn og lærerne deres.");
    const saved = await koordinator.post(`/dpia/${id}`, description(version));
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/dpia/${id}?lagret=beskrivelse#beskrivelse`);
    const page = await koordinator.page(`/dpia/${id}?lagret=beskrivelse`);
    expect(page.html).toContain("Skrivehagen fra Pennefjær AS.");
    expect(textOf(page.html)).toContain("Lagret.");
    // A form read before that save.
    const stale = await koordinator.post(`/dpia/${id}`, {
      intent: "nodvendighet",
      nodvendighet: "Fra en gammel fane",
      forholdsmessighet: "",
      version,
    });
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(textOf(staleHtml)).toContain("Noen andre endret DPIA-en mens du skrev");
    expect(staleHtml).toContain("Fra en gammel fane");
    expect((await row()).necessity).toBe("");
    // A stale description shows what the other person saved beside what was typed.
    const staleDescription = await koordinator.post(
      `/dpia/${id}`,
      description(version, { hva: "Min versjon" }),
    );
    expect(staleDescription.status).toBe(409);
    const both = textOf(await staleDescription.text());
    expect(both).toContain("Dette er lagret nå");
    expect(both).toContain("Elevene leverer skriveoppgaver i Skrivehagen.");
    expect(both).toContain("Min versjon");
    // Saving again from that answer uses the version now stored.
    const again = await koordinator.post(`/dpia/${id}`, {
      intent: "nodvendighet",
      nodvendighet: "Fra en gammel fane",
      forholdsmessighet: "",
      version: versionOf(staleHtml.slice(staleHtml.indexOf('value="nodvendighet"'))),
    });
    expect(again.status).toBe(303);
    expect((await row()).necessity).toBe("Fra en gammel fane");
    const audit = await server.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["dpia.create", "dpia.update"]));
  });

  it("adds, changes and removes risks, with levels in words and figures", async () => {
    const empty = await koordinator.post(`/dpia/${id}`, risk(await current(), { trussel: "" }));
    expect(empty.status).toBe(400);
    expect(textOf(await empty.text())).toContain("Skriv hva som kan skje.");
    const higher = await koordinator.post(`/dpia/${id}`, risk(await current(), { "konsekvens-etter": "5" }));
    expect(higher.status).toBe(400);
    const higherHtml = await higher.text();
    expect(textOf(higherHtml)).toContain("Etter tiltaket kan tallet ikke være høyere enn før.");
    expect(higherHtml).toContain("Avtalen forbyr det.");
    expect((await koordinator.post(`/dpia/${id}`, risk(await current()))).status).toBe(303);
    expect(
      (await koordinator.post(`/dpia/${id}`, risk(await current(), { trussel: "Feil i tilgangene" }))).status,
    ).toBe(303);
    let page = textOf((await koordinator.page(`/dpia/${id}`)).html);
    expect(page).toContain("høy (sannsynlighet 4 × konsekvens 4 = 16)");
    expect(page).toContain("lav (sannsynlighet 1 × konsekvens 4 = 4)");
    const [first, second] = await risks();
    const changed = await koordinator.post(
      `/dpia/${id}`,
      risk(await current(), {
        intent: "risiko-endre",
        risiko: first?.id ?? "",
        "sannsynlighet-etter": "3",
        "konsekvens-etter": "4",
      }),
    );
    expect(changed.status).toBe(303);
    page = textOf((await koordinator.page(`/dpia/${id}`)).html);
    expect(page).toContain("høy (sannsynlighet 3 × konsekvens 4 = 12)");
    expect(page).toContain("Minst én risiko er fortsatt høy etter tiltakene");
    const removed = await koordinator.post(`/dpia/${id}`, {
      intent: "risiko-slett",
      risiko: second?.id ?? "",
      version: await current(),
    });
    expect(removed.status).toBe(303);
    expect((await risks()).map((r) => r.threat)).toEqual([first?.threat]);
  });

  it("lets only the owner's personvernombud write the advice, and the koordinator approve after it", async () => {
    const early = await koordinator.post(`/dpia/${id}`, { intent: "godkjenn", version: await current() });
    expect(early.status).toBe(400);
    expect(textOf(await early.text())).toContain("Personvernombudet må gi råd før DPIA-en kan godkjennes.");
    expect((await row()).status).toBe("utkast");
    const ask = await koordinator.post(`/dpia/${id}`, { intent: "til-rad", version: await current() });
    expect(ask.status).toBe(303);
    expect((await row()).status).toBe("til-radgivning");
    const advice = { intent: "rad", rad: "Godkjenn når avtalen er signert.", version: await current() };
    expect((await koordinator.post(`/dpia/${id}`, advice)).status).toBe(404);
    expect((await leder.post(`/dpia/${id}`, advice)).status).toBe(404);
    const koordinatorPage = (await koordinator.page(`/dpia/${id}`)).html;
    expect(koordinatorPage).not.toContain('name="rad"');
    expect(textOf(koordinatorPage)).toContain("Bare personvernombudet kan skrive rådet.");
    const blank = await ombud.post(`/dpia/${id}`, { ...advice, rad: " " });
    expect(blank.status).toBe(400);
    expect(textOf(await blank.text())).toContain("Skriv rådet ditt.");
    expect((await ombud.post(`/dpia/${id}`, advice)).status).toBe(303);
    expect((await row()).advice).toBe("Godkjenn når avtalen er signert.");
    expect(textOf((await koordinator.page(`/dpia/${id}`)).html)).toContain("Skrevet av Per Personvernombud");
    // The personvernombud does not approve.
    expect((await ombud.post(`/dpia/${id}`, { intent: "godkjenn", version: await current() })).status).toBe(
      404,
    );
    // Approving a page that someone changed since it was read approves nothing.
    const stale = await koordinator.post(`/dpia/${id}`, { intent: "godkjenn", version: "1" });
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain("Noen andre endret DPIA-en etter at du åpnet siden.");
    expect((await row()).status).toBe("til-radgivning");
    const approved = await koordinator.post(`/dpia/${id}`, { intent: "godkjenn", version: await current() });
    expect(approved.status).toBe(303);
    const page = textOf((await koordinator.page(`/dpia/${id}`)).html);
    expect(page).toContain("Status: Godkjent.");
    expect(page).toMatch(/Versjon 1, godkjent .* av Kari Koordinator/);
    // Approved: the screening no longer asks for the work to be finished.
    expect(page).toContain("Vurderingen er gjort og godkjent.");
    expect(page).not.toContain("Gjør vurderingen ferdig");
    const versions = await server.services.db
      .selectFrom("dpia_version")
      .selectAll()
      .where("dpia_id", "=", id)
      .execute();
    expect(versions.map((v) => v.number)).toEqual([1]);
    expect(JSON.parse(versions[0]?.snapshot ?? "{}").risks).toHaveLength(1);
  });

  it("goes back to draft when changed after approval, while version 1 stands in the history", async () => {
    const changed = await koordinator.post(
      `/dpia/${id}`,
      description(await current(), { hva: "Nå også for 8.–10. trinn." }),
    );
    expect(changed.status).toBe(303);
    expect((await row()).status).toBe("utkast");
    const page = textOf((await koordinator.page(`/dpia/${id}`)).html);
    expect(page).toContain("Godkjent versjon 1 fra");
    expect(page).toContain("gjelder fortsatt");
    const old = await leder.page(`/dpia/${id}/versjon/1`);
    expect(old.response.status).toBe(200);
    const oldText = textOf(old.html);
    expect(oldText).toContain("Elevene leverer skriveoppgaver i Skrivehagen.");
    expect(oldText).not.toContain("Nå også for 8.–10. trinn.");
    expect(oldText).toContain("høy (sannsynlighet 3 × konsekvens 4 = 12)");
    // A version is written when the DPIA is approved: its screening says the work was done.
    expect(oldText).toContain("Vurderingen er gjort og godkjent.");
    expect(old.html.slice(old.html.indexOf("<main"))).not.toContain("<form");
    expect((await koordinator.get(`/dpia/${id}/versjon/2`)).status).toBe(404);
  });

  it("exports the DPIA as a Word document with its title, service, risks and the advice", async () => {
    /** The export's text, read back out of the .docx. */
    const opened = async (path: string) => {
      const response = await leder.get(path);
      expect(response.status).toBe(200);
      const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
      return { response, xml: (await zip.file("word/document.xml")?.async("string")) ?? "" };
    };
    const { response, xml } = await opened(`/dpia/${id}/eksport/docx`);
    expect(response.headers.get("content-disposition")).toContain(
      "dpia-demo-kommune-skrivehagen-med-ki-tilbakemelding.docx",
    );
    expect(xml).toContain("Skrivehagen med KI-tilbakemelding");
    expect(xml).toContain("Elevtekster brukes til å trene leverandørens språkmodell");
    expect(xml).toContain("høy (sannsynlighet 3 × konsekvens 4 = 12)");
    expect(xml).toContain("Godkjenn når avtalen er signert.");
    expect(xml).toContain("Skrevet av Per Personvernombud");
    expect(xml).not.toContain("Tjeneste:");
    // The demo's parent app DPIA is about a service of the systems register: its export names it and
    // its supplier among the opening facts, in the reader's language.
    const app = await server.services.db
      .selectFrom("dpia")
      .select("id")
      .where("title", "=", "Foreldreapp med bildedeling i barnehagene")
      .executeTakeFirstOrThrow();
    expect((await opened(`/dpia/${app.id}/eksport/docx`)).xml).toContain(
      "Tjeneste: Krokus barnehageapp (leverandør: Demoapp Barnehage AS)",
    );
    expect((await opened(`/dpia/${app.id}/eksport/docx?lang=en`)).xml).toContain(
      "Service: Krokus barnehageapp (supplier: Demoapp Barnehage AS)",
    );
  });

  it("keeps each DPIA inside its owner: Nabo kommune gets 404 by GET and POST and changes nothing", async () => {
    const before = await row();
    const beforeRisks = await risks();
    for (const path of [`/dpia/${id}`, `/dpia/${id}/versjon/1`, `/dpia/${id}/eksport/docx`])
      expect((await nabo.get(path)).status).toBe(404);
    const riskId = beforeRisks[0]?.id ?? "";
    const posts: Record<string, string>[] = [
      description(before.version.toString(), { hva: "Kapret" }),
      risk(before.version.toString(), { intent: "risiko-endre", risiko: riskId, trussel: "Kapret" }),
      { intent: "risiko-slett", risiko: riskId, version: before.version.toString() },
      { intent: "godkjenn", version: before.version.toString() },
    ];
    for (const post of posts) expect((await nabo.post(`/dpia/${id}`, post)).status).toBe(404);
    // Nor through a DPIA of their own: the risk belongs to Demo kommune's.
    const own = await nabo.post("/dpia/ny", [["tittel", "Nabos egen"]]);
    const ownId = idFrom(own.headers.get("location"));
    const through = await nabo.post(
      `/dpia/${ownId}`,
      risk("1", { intent: "risiko-endre", risiko: riskId, trussel: "Kapret" }),
    );
    expect(through.status).toBe(404);
    expect(await row()).toEqual(before);
    expect(await risks()).toEqual(beforeRisks);
    const list = textOf((await nabo.page("/dpia")).html);
    expect(list).toContain("Nabos egen");
    expect(list).not.toContain("Skrivehagen");
  });

  it("shows a unit leader the DPIA to read without forms, and gives an ansatt 404", async () => {
    const page = await leder.page(`/dpia/${id}`);
    expect(page.response.status).toBe(200);
    expect(textOf(page.html)).toContain(
      "Koordinatoren og personvernombudet skriver DPIA-en. Du kan lese den.",
    );
    expect(textOf(page.html)).toContain("Nå også for 8.–10. trinn.");
    expect(page.html).not.toContain('name="hva"');
    expect((await leder.post(`/dpia/${id}`, description(await current()))).status).toBe(404);
    expect((await leder.get("/dpia/ny")).status).toBe(404);
    for (const path of [
      "/dpia",
      "/dpia/ny",
      `/dpia/${id}`,
      `/dpia/${id}/versjon/1`,
      `/dpia/${id}/eksport/docx`,
    ])
      expect((await ansatt.get(path)).status).toBe(404);
    expect((await ansatt.post(`/dpia/${id}`, description(await current()))).status).toBe(404);
  });
});
