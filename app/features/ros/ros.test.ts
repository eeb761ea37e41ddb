import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import { dialects, startTestServer, type TestServer } from "../../../tests/support/test-server.ts";
import { matrixCounts, riskLevel } from "./scale.ts";

const assessment = (extra: Record<string, string> = {}) => ({
  intent: "vurdering",
  tittel: "Skoleappen for meldinger til hjemmet",
  omfang: "Appen foresatte bruker til meldinger og fravær på ungdomsskolen.",
  behandling: "",
  deltakere: "Koordinator og rektor",
  vurdert: "2026-11-20",
  revisjon: "2027-11-20",
  status: "utkast",
  ...extra,
});

const risk = (extra: Record<string, string> = {}) => ({
  intent: "ny-risiko",
  trussel: "Foresatte ser meldinger om andre barn",
  arsak: "Grupper settes opp for hånd.",
  eksisterende: "",
  sannsynlighet: "4",
  konsekvens: "4",
  tiltak: "Kontroller gruppene før skolestart\nTo personer går gjennom gruppene hver august.",
  sannsynlighetEtter: "2",
  konsekvensEtter: "4",
  ...extra,
});

describe("the risk matrix's arithmetic", () => {
  it("names the four levels at their edges", () => {
    expect([1, 4, 5, 9, 10, 16, 20, 25].map(riskLevel)).toEqual([
      "lav",
      "lav",
      "middels",
      "middels",
      "hoy",
      "hoy",
      "svart-hoy",
      "svart-hoy",
    ]);
  });

  it("counts a risk in its cell before, and where the measure moves it after", () => {
    const risks = [
      { likelihood: 4, consequence: 5, likelihood_after: 2, consequence_after: 5 },
      { likelihood: 4, consequence: 5, likelihood_after: null, consequence_after: null },
    ];
    expect(matrixCounts(risks, "before")[4]?.[3]).toBe(2);
    const after = matrixCounts(risks, "after");
    expect(after[4]?.[3]).toBe(1);
    expect(after[4]?.[1]).toBe(1);
  });
});

describe.each(dialects)("risk assessments (ROS) on %s", (dialect) => {
  let server: TestServer;
  let koordinator: TestClient;
  let personvernombud: TestClient;
  let leder: TestClient;
  let ansatt: TestClient;
  let nabo: TestClient;
  let id: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    personvernombud = new TestClient(server.url);
    await personvernombud.login("personvernombud@demo.oppvern.no");
    leder = new TestClient(server.url);
    await leder.login("leder@demo.oppvern.no");
    ansatt = new TestClient(server.url);
    await ansatt.login("ansatt@demo.oppvern.no");
    nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
  });
  afterAll(() => server.close());

  it("shows the demo assessment with its highest risk before and after", async () => {
    const list = textOf((await leder.page("/ros")).html);
    expect(list).toContain("Læringsplattform på barneskolene");
    expect(list).toContain("Høy (12)");
    // A reader who does not write the register gets no button to start one.
    expect(list).not.toContain("Ny risikovurdering");
  });

  it("refuses a frame without a name and with a review date before the assessment, keeping what was typed", async () => {
    const response = await koordinator.post(
      "/ros/ny",
      assessment({ tittel: "", vurdert: "20.11.2026", revisjon: "2026-11-01" }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(textOf(html)).toContain("Gi vurderingen et navn.");
    expect(textOf(html)).toContain("Datoen for å se på den igjen må være etter datoen den ble vurdert.");
    expect(html).toContain('value="2026-11-20"');
    expect(html).toContain("Appen foresatte bruker til meldinger");
  });

  it("creates an assessment, adds a risk after a refused one, and shows it in the matrix", async () => {
    const created = await koordinator.post("/ros/ny", assessment());
    expect(created.status).toBe(303);
    id = (created.headers.get("location") ?? "").split("/")[2]?.split("?")[0] ?? "";
    expect(id).not.toBe("");

    const refused = await koordinator.post(
      `/ros/${id}`,
      risk({ sannsynlighet: "", konsekvensEtter: "", tiltak: "Sjekk gruppene" }),
    );
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(textOf(refusedHtml)).toContain("Velg en sannsynlighet fra 1 til 5.");
    expect(textOf(refusedHtml)).toContain(
      "Velg både sannsynlighet og konsekvens etter tiltaket, eller ingen av dem.",
    );
    expect(refusedHtml).toContain('value="Foresatte ser meldinger om andre barn"');

    const higher = await koordinator.post(`/ros/${id}`, risk({ konsekvensEtter: "5" }));
    expect(higher.status).toBe(400);
    expect(textOf(await higher.text())).toContain("Etter tiltaket kan ikke tallet være høyere enn før.");

    const added = await koordinator.post(`/ros/${id}`, risk());
    expect(added.status).toBe(303);
    const page = textOf((await koordinator.page(added.headers.get("location") ?? "")).html);
    expect(page).toContain("Risikoen er lagret.");
    expect(page).toContain("Høy (sannsynlighet 4 × konsekvens 4 = 16)");
    expect(page).toContain("Middels (sannsynlighet 2 × konsekvens 4 = 8)");
    expect(page).toContain("Risikoer (1)");
  });

  it("will not call an assessment done without its date, and saves it done", async () => {
    const { html } = await koordinator.page(`/ros/${id}`);
    const version = html.match(/name="version" value="(\d+)"/)?.[1] ?? "";
    const refused = await koordinator.post(
      `/ros/${id}`,
      assessment({ version, status: "ferdig", vurdert: "" }),
    );
    expect(refused.status).toBe(400);
    expect(textOf(await refused.text())).toContain("Skriv datoen vurderingen ble gjort");
    const saved = await koordinator.post(`/ros/${id}`, assessment({ version, status: "ferdig" }));
    expect(saved.status).toBe(303);
    expect(textOf((await koordinator.page(`/ros/${id}`)).html)).toContain("Ferdig");
  });

  it("refuses a stale save and keeps what was typed", async () => {
    const { html } = await personvernombud.page(`/ros/${id}`);
    const version = html.match(/name="version" value="(\d+)"/)?.[1] ?? "";
    const first = await koordinator.post(
      `/ros/${id}`,
      assessment({ version, status: "ferdig", deltakere: "A" }),
    );
    expect(first.status).toBe(303);
    const stale = await personvernombud.post(
      `/ros/${id}`,
      assessment({ version, status: "ferdig", deltakere: "Personvernombudet skrev dette" }),
    );
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(textOf(staleHtml)).toContain("Noen andre har lagret vurderingen mens du skrev.");
    expect(staleHtml).toContain("Personvernombudet skrev dette");
  });

  it("puts a risk's measure into the action plan once, and the measure links back", async () => {
    const { html } = await koordinator.page(`/ros/${id}`);
    const riskId = html.match(/name="risiko" value="([\w-]+)"/)?.[1] ?? "";
    expect(riskId).not.toBe("");
    // The personvernombud writes the register but does not own the plan.
    expect((await personvernombud.post(`/ros/${id}`, { intent: "til-plan", risiko: riskId })).status).toBe(
      404,
    );
    const moved = await koordinator.post(`/ros/${id}`, { intent: "til-plan", risiko: riskId });
    expect(moved.status).toBe(303);
    const page = (await koordinator.page(moved.headers.get("location") ?? "")).html;
    expect(textOf(page)).toContain("Tiltaket er lagt i handlingsplanen.");
    const measureHref = page.match(/href="(\/handlingsplan\/[\w-]+)"/)?.[1] ?? "";
    expect(measureHref).not.toBe("");
    const again = await koordinator.post(`/ros/${id}`, { intent: "til-plan", risiko: riskId });
    expect(again.status).toBe(303);
    const plan = textOf((await koordinator.page("/handlingsplan")).html);
    expect(plan.match(/Kontroller gruppene før skolestart/g)?.length).toBe(1);
    const measure = textOf((await koordinator.page(measureHref)).html);
    expect(measure).toContain("Fra risikovurdering");
    expect(measure).toContain("Skoleappen for meldinger til hjemmet");
    expect(measure).toContain("To personer går gjennom gruppene hver august.");
  });

  it("exports the assessment as XLSX that opens with its risk", async () => {
    const response = await leder.get(`/ros/${id}/eksport/xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(
      "ros-demo-kommune-skoleappen-for-meldinger-til-hjemmet.xlsx",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const risks = workbook.worksheets[0];
    expect(risks?.getRow(1).getCell(1).value).toBe("Hva kan skje");
    expect(risks?.getRow(2).getCell(1).value).toBe("Foresatte ser meldinger om andre barn");
    expect(risks?.getRow(2).getCell(6).value).toBe("Høy (16)");
    expect(risks?.getRow(2).getCell(11).value).toBe("Kontroller gruppene før skolestart");
    // The sheet about the document: its title, then every field of the assessment with its value.
    const about = workbook.worksheets[1];
    expect(about?.name).toBe("Om dokumentet");
    expect(about?.getRow(2).getCell(2).value).toBe("Risikovurdering: Skoleappen for meldinger til hjemmet");
    const name = about?.getRows(1, about.rowCount)?.find((r) => r.getCell(1).value === "Navn på vurderingen");
    expect(name?.getCell(2).value).toBe("Skoleappen for meldinger til hjemmet");
  });

  it("changes and removes a risk", async () => {
    const { html } = await koordinator.page(`/ros/${id}`);
    const edit = html.match(/href="(\/ros\/[\w-]+\/risiko\/[\w-]+)"/)?.[1] ?? "";
    expect(edit).not.toBe("");
    const saved = await koordinator.post(edit, {
      ...risk({ intent: "lagre", konsekvens: "5", konsekvensEtter: "5" }),
    });
    expect(saved.status).toBe(303);
    expect(textOf((await koordinator.page(`/ros/${id}`)).html)).toContain(
      "Svært høy (sannsynlighet 4 × konsekvens 5 = 20)",
    );
    // Readers and other owners cannot reach the form.
    expect((await leder.get(edit)).status).toBe(404);
    expect((await nabo.get(edit)).status).toBe(404);
    const removed = await koordinator.post(edit, { intent: "slett" });
    expect(removed.status).toBe(303);
    expect(textOf((await koordinator.page(`/ros/${id}`)).html)).toContain("Risikoer (0)");
  });

  it("assesses a service: the service's guide lists the ROS and counts step 2 done once it is finished", async () => {
    const { html: list } = await koordinator.page("/systemer");
    const serviceHref = list.match(/href="(\/systemer\/[\w-]+)"[^>]*>Quizkameraten/)?.[1] ?? "";
    expect(serviceHref).not.toBe("");
    const serviceId = serviceHref.split("/")[2] ?? "";
    const guide = (await koordinator.page(serviceHref)).html;
    expect(guide).toContain(`/ros/ny?tjeneste=${serviceId}`);
    // From the guide, the new assessment starts with the service chosen and named.
    const form = (await koordinator.page(`/ros/ny?tjeneste=${serviceId}`)).html;
    expect(form).toMatch(new RegExp(`<option value="${serviceId}" selected`));
    // Another owner cannot tie its assessment to this owner's service.
    const foreign = await nabo.post("/ros/ny", assessment({ tjeneste: serviceId }));
    expect(foreign.status).toBe(400);
    expect(textOf(await foreign.text())).toContain("Velg en tjeneste fra listen.");

    const created = await koordinator.post(
      "/ros/ny",
      assessment({ tittel: "ROS av quiz-appen", tjeneste: serviceId }),
    );
    const rosId = (created.headers.get("location") ?? "").split("/")[2]?.split("?")[0] ?? "";
    expect(textOf((await koordinator.page(`/ros/${rosId}`)).html)).toContain(
      "Tjeneste i oversikten over systemer",
    );
    const rosStep = (html: string) =>
      textOf(html).match(/Risikovurdering \(ROS\)\s+\((gjort|mangler noe)\)/)?.[1];
    const before = (await koordinator.page(serviceHref)).html;
    expect(textOf(before)).toContain("ROS av quiz-appen (Under arbeid");
    const stepBefore = rosStep(before);
    await koordinator.post(`/ros/${rosId}`, risk());
    const { html } = await koordinator.page(`/ros/${rosId}`);
    const version = html.match(/name="version" value="(\d+)"/)?.[1] ?? "";
    const done = await koordinator.post(
      `/ros/${rosId}`,
      assessment({ tittel: "ROS av quiz-appen", tjeneste: serviceId, status: "ferdig", version }),
    );
    expect(done.status).toBe(303);
    const after = (await koordinator.page(serviceHref)).html;
    expect(textOf(after)).toContain("ROS av quiz-appen (Ferdig");
    expect(stepBefore).toBe("mangler noe");
    expect(rosStep(after)).toBe("gjort");
  });

  it("keeps another owner and staff out by URL and by post", async () => {
    for (const path of [`/ros/${id}`, `/ros/${id}/eksport/xlsx`]) {
      expect((await nabo.get(path)).status).toBe(404);
      expect((await ansatt.get(path)).status).toBe(404);
    }
    const before = textOf((await koordinator.page(`/ros/${id}`)).html);
    expect((await nabo.post(`/ros/${id}`, risk({ trussel: "Fra nabo" }))).status).toBe(404);
    expect((await nabo.post(`/ros/${id}`, assessment({ tittel: "Overtatt", version: "99" }))).status).toBe(
      404,
    );
    expect((await leder.post(`/ros/${id}`, risk({ trussel: "Fra leder" }))).status).toBe(404);
    const after = textOf((await koordinator.page(`/ros/${id}`)).html);
    expect(after).toBe(before);
    expect(textOf((await nabo.page("/ros")).html)).not.toContain("Skoleappen for meldinger til hjemmet");
  });
});
