import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import { startTestServer, type TestServer } from "../../../tests/support/test-server.ts";

// The classifier stores nothing, so SQLite alone is enough here.
describe("the classifier API, page and catalogue API", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite", { classifyPerMinute: 5 });
  });
  afterAll(() => server.close());

  const classify = (body: unknown, raw = false) =>
    fetch(`${server.url}/api/v1/klassifiser`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: raw ? String(body) : JSON.stringify(body),
    });

  it("answers with the JSON of the contract", async () => {
    const response = await classify({ tekst: "bilde av elev med hijab på nettsiden" });
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer).toEqual({
      personopplysning: true,
      kategori: "saerlig",
      saerligeKategorier: ["religion"],
      usikker: false,
      begrunnelse: expect.arrayContaining([expect.stringContaining("religion")]),
      treff: expect.arrayContaining(["bilde", "religiost-symbol"]),
    });
    const nynorsk = await (await classify({ tekst: "fråvær", sprak: "nn" })).json();
    expect(nynorsk.usikker).toBe(true);
    expect(nynorsk.begrunnelse.join(" ")).toContain("særleg kategori");
  });

  it("is described at /api/v1/openapi.json, and what it describes answers as described", async () => {
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/eiere/{ownerId}/behandlinger",
      "/eiere/{ownerId}/systemer",
      "/eiere/{ownerId}/tiltak",
      "/katalog",
      "/klassifiser",
      "/meg",
      "/sporsmalsbank",
    ]);
    // The request body is the schema the route checks with: the 300-character limit included.
    const body = doc.paths["/klassifiser"].post.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(["tekst"]);
    expect(body.properties.tekst.maxLength).toBe(300);
    expect(body.properties.sprak.enum).toEqual(["nb", "nn"]);
    // The answer's fields, as the first test above receives them (no call here: the limit is 5 a minute).
    const described = doc.paths["/klassifiser"].post.responses["200"].content["application/json"].schema;
    expect([...described.required].sort()).toEqual([
      "begrunnelse",
      "kategori",
      "personopplysning",
      "saerligeKategorier",
      "treff",
      "usikker",
    ]);
    for (const path of ["/katalog", "/sporsmalsbank"]) {
      const got = await (await fetch(`${server.url}/api/v1${path}`)).json();
      const schema = doc.paths[path].get.responses["200"].content["application/json"].schema;
      expect(Object.keys(got).sort()).toEqual([...schema.required].sort());
    }
  });

  it("says what is wrong with empty, too long and broken input", async () => {
    const empty = await classify({ tekst: "   " });
    expect(empty.status).toBe(400);
    expect((await empty.json()).feil).toContain("Skriv kort hva opplysningen er");
    const long = await classify({ tekst: "a".repeat(301) });
    expect(long.status).toBe(400);
    expect((await long.json()).feil).toContain("høyst 300 tegn");
    const broken = await classify("{tekst:", true);
    expect(broken.status).toBe(400);
    expect((await broken.json()).feil).toContain("Send JSON");
  });

  it("limits how often one address may ask, with a clear answer", async () => {
    const statuses: number[] = [];
    let last = await classify({ tekst: "fravær" });
    statuses.push(last.status);
    for (let i = 0; i < 5; i++) {
      last = await classify({ tekst: "fravær" });
      statuses.push(last.status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect((await last.json()).feil).toContain("Vent et minutt");
  });

  it("answers GET with how to use it", async () => {
    const response = await fetch(`${server.url}/api/v1/klassifiser`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("serves the catalogue", async () => {
    const body = await (await fetch(`${server.url}/api/v1/katalog`)).json();
    expect(body.versjon).toMatch(/^\d{4}-\d{2}/);
    expect(body.oppforinger.length).toBeGreaterThanOrEqual(60);
    const sick = body.oppforinger.find((e: { id: string }) => e.id === "sykefravaer");
    expect(sick).toMatchObject({
      kategori: "saerlig",
      saerligeKategorier: ["helse"],
      navn: { nb: "Sykefravær" },
    });
  });

  it("the form page answers without JavaScript, keeps the text and explains mistakes", async () => {
    const client = new TestClient(server.url);
    const ok = await client.post("/personopplysninger/sjekk", { tekst: "karakter i samisk" });
    expect(ok.status).toBe(200);
    const html = await ok.text();
    expect(textOf(html)).toContain("Særlig kategori");
    expect(textOf(html)).toContain("etnisk opprinnelse");
    expect(html).toContain(">karakter i samisk</textarea>");
    const long = await client.post("/personopplysninger/sjekk", { tekst: "ord ".repeat(100) });
    expect(long.status).toBe(400);
    expect(textOf(await long.text())).toContain("Teksten er for lang");
    const nn = await client.post("/personopplysninger/sjekk?lang=nn", { tekst: "sjukefråvær" });
    expect(textOf(await nn.text())).toContain("Særleg kategori");
  });

  it("the catalogue page filters by words and category", async () => {
    const client = new TestClient(server.url);
    const page = textOf((await client.page("/personopplysninger/katalog?q=allergi")).html);
    expect(page).toContain("Allergi");
    expect(page).not.toContain("Lønn");
    const special = textOf((await client.page("/personopplysninger/katalog?kategori=ikke")).html);
    expect(special).toContain("Ikke en personopplysning");
    expect(special).not.toContain("Sykefravær");
  });
});
