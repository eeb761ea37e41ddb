import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
} from "../../../tests/support/test-server.ts";
import { loadNewestBankFromDisk } from "./bank-schema.ts";

const bank = loadNewestBankFromDisk();
const schoolAreas = bank.areas
  .map((area) => ({
    area,
    questions: area.sporsmal.filter((q) => q.niva === "enhet" && q.gjelder.includes("skole")),
  }))
  .filter((a) => a.questions.length > 0);

describe.each(dialects)("a leader's way through a round on %s", (dialect) => {
  let server: TestServer;
  let koordinator: TestClient;
  let leder: TestClient;

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    leder = new TestClient(server.url);
    await leder.login("leder@demo.oppvern.no");
  });
  afterAll(() => server.close());

  it("ends at the round overview, and stops offering to go on once everything is answered", async () => {
    const eik = await organisationIdOf(server, "Eik barneskole");
    const started = await koordinator.post("/kartlegging", [
      ["tittel", "Kartlegging for Eik"],
      ["frist", ""],
      ["enhet", eik],
    ]);
    expect(started.status, textOf(await started.clone().text()).slice(0, 400)).toBe(303);
    const roundId = (started.headers.get("location") ?? "").split("/")[2]?.split("?")[0] ?? "";
    const [first] = schoolAreas;
    const last = schoolAreas.at(-1);
    if (!first || !last) throw new Error("no areas for a school");

    // Partly answered: the round page offers to go on where the leader left off.
    await leder.post(`/kartlegging/${roundId}/${eik}/${first.area.id}/autosave`, [
      ["sporsmal", first.questions[0]?.id ?? ""],
      [`niva-${first.questions[0]?.id}`, "3"],
    ]);
    expect(textOf((await leder.page(`/kartlegging/${roundId}`)).html)).toContain("Fortsett der du slapp");

    // The last area leads back to the round instead of to a next area.
    const lastPage = textOf((await leder.page(`/kartlegging/${roundId}/${eik}/${last.area.id}`)).html);
    expect(lastPage).toContain("Siste område – tilbake til oversikten over runden");

    // Everything answered: no offer to go on, and the part shows 100 %.
    for (const { area, questions } of schoolAreas)
      for (const q of questions)
        expect(
          (
            await leder.post(`/kartlegging/${roundId}/${eik}/${area.id}/autosave`, [
              ["sporsmal", q.id],
              [`niva-${q.id}`, "4"],
            ])
          ).status,
        ).toBe(200);
    const done = textOf((await leder.page(`/kartlegging/${roundId}`)).html);
    expect(done).not.toContain("Fortsett der du slapp");
    expect(done).toContain("100 %");
  });

  it("says which units have nobody to invite, before and after the start", async () => {
    // In the demo, Fjellsida ungdomsskole has no leader; Eik barneskole has Lars Leder.
    const form = textOf((await koordinator.page("/kartlegging")).html);
    expect(form).toContain("Fjellsida ungdomsskole – ingen leder er registrert, så ingen får e-post");
    expect(form).not.toContain("Eik barneskole – ingen leder");
    const started = await koordinator.post("/kartlegging", [
      ["tittel", "Kartlegging med Fjellsida"],
      ["frist", ""],
      ["enhet", await organisationIdOf(server, "Eik barneskole")],
      ["enhet", await organisationIdOf(server, "Fjellsida ungdomsskole")],
    ]);
    const page = textOf((await koordinator.page(started.headers.get("location") ?? "")).html);
    expect(page).toContain("Ingen ble invitert til å svare for Fjellsida ungdomsskole");
    expect(page).not.toContain("svare for Eik barneskole");
  });
});
