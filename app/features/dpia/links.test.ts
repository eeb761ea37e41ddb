import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import { dialects, startTestServer, type TestServer } from "../../../tests/support/test-server.ts";
import { guideSteps } from "../systems/guide.ts";
import { dpiaBasis } from "./links.server.ts";
import { riskPlans } from "./snapshot.ts";

const PLATFORM = "Læringsplattformen Læringsløypa for 1.–7. trinn";
const APP = "Foreldreapp med bildedeling i barnehagene";
const idFrom = (location: string | null) => (location ?? "").split("/")[2]?.split(/[?#]/)[0] ?? "";
const dpiaStep = (text: string) =>
  text.slice(text.indexOf("Trengs en DPIA?"), text.indexOf("Databehandleravtale ("));

describe("the service guide's DPIA step", () => {
  it("is done by the service's field, an approved DPIA or a screening that needs none, and says which", () => {
    const step = (v: Record<string, string>, basis: Parameters<typeof guideSteps>[2]) =>
      guideSteps(v, false, basis).find((s) => s.id === "dpia");
    expect(step({ dpia: "ikke-vurdert" }, null)).toMatchObject({ done: false });
    expect(step({ dpia: "ikke-vurdert" }, "approved")).toMatchObject({
      done: true,
      basis: "systems.guide.dpia.byApproved",
    });
    expect(step({ dpia: "ikke-vurdert" }, "notNeeded")?.basis).toBe("systems.guide.dpia.byScreening");
    expect(step({ dpia: "gjennomfort" }, null)).toMatchObject({
      done: true,
      basis: "systems.guide.dpia.byField",
    });
    // An approved version stays in force after a change; a screening that says "consider it" is not enough.
    expect(dpiaBasis([{ approved_at: "2026-01-01", conclusion: "trengs" }])).toBe("approved");
    expect(dpiaBasis([{ approved_at: null, conclusion: "vurder" }])).toBeNull();
    expect(dpiaBasis([{ approved_at: null, conclusion: "ikke" }])).toBe("notNeeded");
  });
});

describe("which of a DPIA's risks are in the action plan", () => {
  const snapshotRisk = { likelihood: 3, consequence: 4, likelihoodAfter: 1, consequenceAfter: 4 };
  const now = [
    { id: "a", threat: "Lekkasje", measure: "Tofaktor", plan_measure_id: "m1", plan_title: "Tofaktor" },
    { id: "b", threat: "Feil tilgang", measure: "Roller", plan_measure_id: null, plan_title: null },
  ];
  it("finds a risk by its id, or in an older version by the same threat and measure", () => {
    expect(
      riskPlans(
        [
          { ...snapshotRisk, id: "a", threat: "Lekkasje (før endringen)", measure: "" },
          { ...snapshotRisk, id: "b", threat: "Feil tilgang", measure: "Roller" },
          { ...snapshotRisk, id: "slettet", threat: "Lekkasje", measure: "Tofaktor" },
          { ...snapshotRisk, threat: "Lekkasje", measure: "Tofaktor" },
          { ...snapshotRisk, threat: "Lekkasje", measure: "Et annet tiltak" },
        ],
        now,
        true,
      ),
    ).toEqual([
      { measure: { id: "m1", title: "Tofaktor" } },
      null,
      null,
      { measure: { id: "m1", title: "Tofaktor" } },
      null,
    ]);
  });
  it("names the plan's measure only to a reader who may read the plan", () => {
    expect(
      riskPlans([{ ...snapshotRisk, id: "a", threat: "Lekkasje", measure: "Tofaktor" }], now, false),
    ).toEqual([{ measure: null }]);
  });
});

describe.each(dialects)("a DPIA joined to the action plan and the systems register on %s", (dialect) => {
  let server: TestServer;
  let koordinator: TestClient;
  let ombud: TestClient;
  let leder: TestClient;
  let nabo: TestClient;
  let platform: string;
  let app: string;

  const dpiaId = async (title: string) =>
    (
      await server.services.db
        .selectFrom("dpia")
        .select("id")
        .where("title", "=", title)
        .executeTakeFirstOrThrow()
    ).id;
  const risksOf = (id: string) =>
    server.services.db
      .selectFrom("dpia_risk")
      .selectAll()
      .where("dpia_id", "=", id)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
  const serviceId = async (name: string) =>
    (
      await server.services.db
        .selectFrom("digital_service")
        .select("id")
        .where("name", "=", name)
        .executeTakeFirstOrThrow()
    ).id;
  const measures = async () =>
    Number(
      (
        await server.services.db
          .selectFrom("plan_measure")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    ombud = new TestClient(server.url);
    await ombud.login("personvernombud@demo.oppvern.no");
    leder = new TestClient(server.url);
    await leder.login("leder@demo.oppvern.no");
    nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
    platform = await dpiaId(PLATFORM);
    app = await dpiaId(APP);
  });
  afterAll(() => server.close());

  it("puts a risk's measure in the action plan once, and the two pages link to each other", async () => {
    // The demo already put one risk's measure in the plan (its risks are made in the same
    // millisecond, so they are found by what they are, not by their order).
    const all = await risksOf(platform);
    const seeded = all.find((r) => r.plan_measure_id);
    const second = all.find((r) => !r.plan_measure_id && r.measure);
    expect(seeded?.plan_measure_id).toBeTruthy();
    const before = await koordinator.page(`/dpia/${platform}`);
    expect(textOf(before.html)).toContain("Tiltaket er i handlingsplanen:");
    expect(before.html).toContain(`href="/handlingsplan/${seeded?.plan_measure_id}"`);
    expect(before.html).toContain(`name="risiko" value="${second?.id}"`);
    expect(before.html).not.toMatch(
      new RegExp(`value="til-plan"/><input type="hidden" name="risiko" value="${seeded?.id}"`),
    );

    const count = await measures();
    const posted = await koordinator.post(`/dpia/${platform}`, {
      intent: "til-plan",
      risiko: second?.id ?? "",
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toBe(`/dpia/${platform}?lagret=til-plan#risiko-${second?.id}`);
    const linked = (await risksOf(platform)).find((r) => r.id === second?.id);
    const measureId = linked?.plan_measure_id ?? "";
    expect(measureId).toBeTruthy();
    expect(await measures()).toBe(count + 1);
    const measure = await server.services.db
      .selectFrom("plan_measure")
      .selectAll()
      .where("id", "=", measureId)
      .executeTakeFirstOrThrow();
    expect(measure.title).toBe(second?.measure);
    expect(measure.description).toContain(`DPIA-en «${PLATFORM}»`);
    // The measure names the DPIA it came from, and the DPIA lists it among its measures in the plan.
    expect(measure.dpia_id).toBe(platform);
    const audit = await server.services.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("entity_id", "=", platform)
      .where("action", "=", "dpia.risk.toPlan")
      .execute();
    expect(audit.map((a) => a.details)).toEqual(expect.arrayContaining([expect.stringContaining(measureId)]));
    const after = textOf((await koordinator.page(`/dpia/${platform}?lagret=til-plan`)).html);
    expect(after).toContain("Tiltaket er lagt i handlingsplanen.");
    expect(after.slice(after.indexOf("Tiltak i handlingsplanen"))).toContain(second?.measure ?? "?");
    // A plan action, not a change of the DPIA: it stays approved.
    expect(after).toContain("Status: Godkjent.");

    // Once: asking again adds nothing.
    expect(
      (await koordinator.post(`/dpia/${platform}`, { intent: "til-plan", risiko: second?.id ?? "" })).status,
    ).toBe(303);
    expect(await measures()).toBe(count + 1);

    const page = await koordinator.page(`/handlingsplan/${measureId}`);
    expect(textOf(page.html)).toMatch(/Fra DPIA Læringsplattformen Læringsløypa for 1\.–7\. trinn ?:/);
    expect(textOf(page.html)).toContain(second?.threat ?? "?");
    expect(page.html).toContain(`href="/dpia/${platform}"`);
  });

  it("shows a reader, and everyone reading an approved version, which risks are in the plan", async () => {
    // By now two of the platform's three risks are in the plan, one of them put there after version 1.
    const all = await risksOf(platform);
    const inPlan = all.filter((r) => r.plan_measure_id);
    const outside = all.find((r) => !r.plan_measure_id);
    expect(inPlan).toHaveLength(2);
    for (const [reader, path] of [
      [leder, `/dpia/${platform}`],
      [leder, `/dpia/${platform}/versjon/1`],
      [ombud, `/dpia/${platform}/versjon/1`],
    ] as const) {
      const page = await reader.page(path);
      expect(page.response.status).toBe(200);
      const main = page.html.slice(page.html.indexOf("<main"), page.html.indexOf("</main>"));
      expect(main).not.toContain("<form");
      // The risk cards, up to the list of the DPIA's measures in the plan that follows them.
      const cards = (main.split('id="tiltak-i-planen"')[0] ?? "").split('<li class="ds-card').slice(1);
      const card = (threat: string) => cards.find((c) => textOf(c).includes(threat)) ?? "";
      for (const r of inPlan) {
        expect(textOf(card(r.threat))).toContain("Tiltaket er i handlingsplanen:");
        expect(card(r.threat)).toContain(`href="/handlingsplan/${r.plan_measure_id}"`);
      }
      expect(textOf(card(outside?.threat ?? "?"))).not.toContain("handlingsplanen");
      expect(card(outside?.threat ?? "?")).not.toBe("");
    }
  });

  it("refuses a risk without a measure with a message, and gives the personvernombud no button and 404", async () => {
    const risk = (await risksOf(app)).find((r) => !r.measure);
    const empty = await koordinator.post(`/dpia/${app}`, { intent: "til-plan", risiko: risk?.id ?? "" });
    expect(empty.status).toBe(400);
    expect(textOf(await empty.text())).toContain(
      "Skriv et tiltak for risikoen før dere legger det i handlingsplanen.",
    );
    expect((await risksOf(app)).find((r) => r.id === risk?.id)?.plan_measure_id).toBeNull();

    const third = (await risksOf(platform)).find((r) => !r.plan_measure_id);
    const page = await ombud.page(`/dpia/${platform}`);
    expect(page.response.status).toBe(200);
    expect(page.html).not.toContain('value="til-plan"');
    expect(textOf(page.html)).not.toContain("Legg tiltaket i handlingsplanen");
    expect(
      (await ombud.post(`/dpia/${platform}`, { intent: "til-plan", risiko: third?.id ?? "" })).status,
    ).toBe(404);
    expect(
      (await leder.post(`/dpia/${platform}`, { intent: "til-plan", risiko: third?.id ?? "" })).status,
    ).toBe(404);
    expect((await risksOf(platform)).find((r) => r.id === third?.id)?.plan_measure_id).toBeNull();
  });

  it("gives another owner 404 for the DPIA and for its risk through a DPIA of their own", async () => {
    const third = (await risksOf(platform)).find((r) => !r.plan_measure_id);
    const count = await measures();
    expect(
      (await nabo.post(`/dpia/${platform}`, { intent: "til-plan", risiko: third?.id ?? "" })).status,
    ).toBe(404);
    const own = await nabo.post("/dpia/ny", [["tittel", "Nabos egen DPIA"]]);
    const ownId = idFrom(own.headers.get("location"));
    expect((await nabo.post(`/dpia/${ownId}`, { intent: "til-plan", risiko: third?.id ?? "" })).status).toBe(
      404,
    );
    // A risk of a Demo DPIA named on Nabo's own page is not found there either.
    expect(
      (
        await koordinator.post(`/dpia/${platform}`, {
          intent: "til-plan",
          risiko: (await risksOf(app))[0]?.id ?? "",
        })
      ).status,
    ).toBe(404);
    expect(await measures()).toBe(count);
    expect((await risksOf(platform)).find((r) => r.id === third?.id)?.plan_measure_id).toBeNull();
  });

  it("ties a DPIA to one of the owner's services, refusing another owner's, and both pages list the link", async () => {
    const krokus = await serviceId("Krokus barnehageapp");
    // The demo's parent app DPIA is about the parent app of the systems register.
    const dpiaPage = await leder.page(`/dpia/${app}`);
    expect(textOf(dpiaPage.html)).toContain("DPIA-en gjelder tjenesten Krokus barnehageapp");
    expect(dpiaPage.html).toContain(`href="/systemer/${krokus}"`);
    const servicePage = await koordinator.page(`/systemer/${krokus}`);
    expect(textOf(servicePage.html)).toContain(`${APP} (Utkast)`);
    expect(servicePage.html).toContain(`href="/dpia/${app}"`);
    expect(servicePage.html).toContain(`href="/dpia/ny?tjeneste=${krokus}"`);
    // The reader is sent to the register, not to a form they cannot use.
    const readerPage = await leder.page(`/systemer/${krokus}`);
    expect(readerPage.html).toContain(`href="/dpia/${app}"`);
    expect(readerPage.html).not.toContain("/dpia/ny?tjeneste=");

    const start = await koordinator.page(`/dpia/ny?tjeneste=${krokus}`);
    expect(start.html).toContain(`<option value="${krokus}" selected="">Krokus barnehageapp</option>`);
    expect(start.html).toContain('value="Krokus barnehageapp"');

    const foreign = await nabo.post("/dpia/ny", [
      ["tittel", "Nabos app"],
      ["tjeneste", krokus],
    ]);
    expect(foreign.status).toBe(400);
    const foreignHtml = await foreign.text();
    expect(textOf(foreignHtml)).toContain("Velg en tjeneste fra listen.");
    expect(foreignHtml).toContain('value="Nabos app"');
    expect(foreignHtml).not.toContain("Krokus barnehageapp");
  });

  it("counts the guide's DPIA step done by a screening that needs none, then by an approved DPIA", async () => {
    const quiz = await serviceId("Quizkameraten");
    let step = dpiaStep(textOf((await koordinator.page(`/systemer/${quiz}`)).html));
    expect(step).toContain("(mangler noe)");
    expect(step).toContain("Vurder om tjenesten trenger en DPIA.");

    const screened = await koordinator.post("/dpia/ny", [
      ["tittel", "Quizkameraten i 8. klasse"],
      ["tjeneste", quiz],
    ]);
    expect(screened.status).toBe(303);
    step = dpiaStep(textOf((await koordinator.page(`/systemer/${quiz}`)).html));
    expect(step).toContain("(gjort)");
    expect(step).toContain("Gjort fordi en screening av tjenesten kom til at det ikke trengs en DPIA.");
    expect(step).toContain("Quizkameraten i 8. klasse (Utkast, bare screening, ikke nødvendig)");

    // The approved platform DPIA is now said to be about the quiz service (a screening change).
    const html = (await koordinator.page(`/dpia/${platform}`)).html;
    const version = html.match(/name="version" value="(\d+)"/)?.[1] ?? "";
    const moved = await koordinator.post(`/dpia/${platform}`, [
      ["intent", "screening"],
      ["tittel", PLATFORM],
      ["tjeneste", quiz],
      ["kriterier", "evaluering"],
      ["kriterier", "sarbare"],
      ["version", version],
    ]);
    expect(moved.status).toBe(303);
    step = dpiaStep(textOf((await koordinator.page(`/systemer/${quiz}`)).html));
    expect(step).toContain("Gjort fordi en DPIA av tjenesten er godkjent.");

    const field = dpiaStep(
      textOf((await koordinator.page(`/systemer/${await serviceId("Ordlaben digital ordbok")}`)).html),
    );
    expect(field).toContain("(gjort)");
    expect(field).toContain("Gjort etter det som er registrert om DPIA på tjenesten.");
  });
});
