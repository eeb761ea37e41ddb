import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn, type TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
  userIdOf,
} from "../../../tests/support/test-server.ts";
import { createVerifiedAccount } from "../auth/accounts.server.ts";
import { addMembership } from "../orgs/memberships.server.ts";
import { phaseOf } from "./sharing.server.ts";

/** Whether the page has a ticked checkbox with this name and value. */
const ticked = (html: string, name: string, value: string) =>
  [...html.matchAll(/<input[^>]*>/g)].some(
    ([tag]) => tag.includes(`name="${name}"`) && tag.includes(`value="${value}"`) && tag.includes("checked"),
  );

const as = signedIn;

describe("an owner's phase in the work cycle", () => {
  it("follows the latest round and the chosen measures", () => {
    const none = { measures: 0, done: 0 };
    expect(phaseOf(null, none)).toBe("kartlegging");
    expect(phaseOf({ status: "open" }, { measures: 4, done: 4 })).toBe("kartlegging");
    expect(phaseOf({ status: "closed" }, none)).toBe("prioritering");
    expect(phaseOf({ status: "closed" }, { measures: 4, done: 1 })).toBe("gjennomforing");
    expect(phaseOf({ status: "closed" }, { measures: 4, done: 4 })).toBe("evaluering");
  });
});

describe.each(dialects)("guidance groups on %s", (dialect) => {
  let server: TestServer;
  let lead: TestClient;
  let guide: TestClient;
  let otherGuide: TestClient;
  let coordinator: TestClient;
  let dpo: TestClient;
  let nabo: TestClient;
  let staff: TestClient;
  let programme: string;
  let fjorden: string;
  let ids: Record<"demo" | "nabo" | "fjordvik" | "lia" | "bakkeby", string>;
  let otherGuideId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    const { db } = server.services;
    programme = (await db.selectFrom("programme").select("id").executeTakeFirstOrThrow()).id;
    fjorden = (await db.selectFrom("programme_group").select("id").executeTakeFirstOrThrow()).id;
    ids = {
      demo: await organisationIdOf(server, "Demo kommune"),
      nabo: await organisationIdOf(server, "Nabo kommune"),
      fjordvik: await organisationIdOf(server, "Fjordvik kommune"),
      lia: await organisationIdOf(server, "Lia kommune"),
      bakkeby: await organisationIdOf(server, "Bakkeby kommune"),
    };
    // A second guide of the network, for a group of their own.
    const network = await organisationIdOf(server, "Demo digitaliseringsnettverk");
    otherGuideId = await createVerifiedAccount(server.services, {
      name: "Gunnar Guide",
      email: "gunnar@demo.oppvern.no",
      password: "oppvern-demo",
      locale: "nb",
    });
    await addMembership(db, {
      userId: otherGuideId,
      organisationId: network,
      role: "veileder",
      actorUserId: null,
    });
    [lead, guide, otherGuide, coordinator, dpo, nabo, staff] = await Promise.all([
      as(server, "programansvarlig@demo.oppvern.no"),
      as(server, "veileder@demo.oppvern.no"),
      as(server, "gunnar@demo.oppvern.no"),
      as(server, "koordinator@demo.oppvern.no"),
      as(server, "personvernombud@demo.oppvern.no"),
      as(server, "koordinator@nabo.oppvern.no"),
      as(server, "ansatt@demo.oppvern.no"),
    ]);
  });
  afterAll(() => server.close());

  const groupPage = () => `/program/${programme}/gruppe/${fjorden}`;

  it("shows the demo group: the guide sees Demo kommune's phase, and 'not shared' for the rest", async () => {
    const html = (await guide.page(groupPage())).html;
    const text = textOf(html);
    expect(text).toContain("Gruppe Fjorden");
    expect(text).toContain("Demo kommune");
    expect(text).toContain("Fjordvik kommune");
    // Demo kommune's latest round is closed and only some of its chosen measures are done.
    expect(text).toMatch(/Fase\s+Gjennomføring/);
    expect(text).toMatch(/tiltak er gjennomført, \d+ er forsinket/);
    // Demo kommune shares no scores, Fjordvik nothing at all.
    expect(text.match(/Ikke delt/g)?.length).toBe(1 + 3 + 1 + 3 + 1);
    expect(html).not.toContain("Resultater per område fra");
    expect(text).toContain("Vera Veileder");
    expect(text).toContain("Godt jobbet med kartleggingen i vår!");
    const page = textOf((await lead.page(`/program/${programme}`)).html);
    expect(page).toContain("Til stede: Demo kommune, Fjordvik kommune.");
    expect(page).toContain("Gruppe Fjorden");
  });

  it("lets the programansvarlig make, change, move owners between and delete groups, and says what to fix", async () => {
    const form = await lead.page(`/program/${programme}/grupper`);
    expect(form.response.status).toBe(200);
    expect(textOf(form.html)).toContain("Lia kommune (nå i Gruppe Fjorden)");
    const refused = await lead.post(`/program/${programme}/grupper`, [
      ["intent", "ny"],
      ["navn", "  "],
      ["veileder", ""],
      ["eiere", ids.nabo],
    ]);
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(textOf(refusedHtml)).toContain("Skriv et navn på gruppen.");
    expect(textOf(refusedHtml)).toContain("Velg en veileder fra listen.");
    // The ticked owner stays ticked.
    expect(ticked(refusedHtml, "eiere", ids.nabo)).toBe(true);
    // Someone who is not one of the network's guides cannot lead a group.
    const notGuide = await lead.post(`/program/${programme}/grupper`, [
      ["intent", "ny"],
      ["navn", "Gruppe Skogen"],
      ["veileder", await userIdOf(server, "koordinator@demo.oppvern.no")],
    ]);
    expect(notGuide.status).toBe(400);
    const made = await lead.post(`/program/${programme}/grupper`, [
      ["intent", "ny"],
      ["navn", "Gruppe Skogen"],
      ["veileder", otherGuideId],
      ["eiere", ids.nabo],
      ["eiere", ids.lia],
    ]);
    expect(made.status).toBe(303);
    const skogen = (made.headers.get("location") ?? "").split("#gruppe-")[1] ?? "";
    const after = textOf((await lead.page(`/program/${programme}`)).html);
    // Lia kommune moved: it left Gruppe Fjorden.
    expect(after).toMatch(
      /Gruppe Fjorden\s*:\s*veileder Vera Veileder\.\s*Eiere: Demo kommune, Fjordvik kommune\./,
    );
    expect(after).toMatch(/Gruppe Skogen\s*:\s*veileder Gunnar Guide\.\s*Eiere: Lia kommune, Nabo kommune\./);
    const renamed = await lead.post(`/program/${programme}/grupper`, [
      ["intent", "lagre"],
      ["gruppe", skogen],
      ["navn", "Gruppe Skogen og sjøen"],
      ["veileder", otherGuideId],
      ["eiere", ids.nabo],
      ["eiere", ids.lia],
      ["eiere", ids.bakkeby],
    ]);
    expect(renamed.status).toBe(303);
    expect(textOf((await lead.page(`/program/${programme}`)).html)).toContain(
      "Eiere: Bakkeby kommune, Lia kommune, Nabo kommune.",
    );
    const gone = await lead.post(`/program/${programme}/grupper`, { intent: "slett", gruppe: skogen });
    expect(gone.status).toBe(303);
    expect(textOf((await lead.page(`/program/${programme}`)).html)).not.toContain("Gruppe Skogen");
    // A group that is not this programme's is not found.
    expect(
      (await lead.post(`/program/${programme}/grupper`, { intent: "slett", gruppe: skogen })).status,
    ).toBe(404);
  });

  it("shares only what the koordinator ticks, and withdraws it again", async () => {
    const page = (await coordinator.page(`/program/${programme}`)).html;
    expect(textOf(page)).toContain("Ingenting deles før du krysser av.");
    expect(ticked(page, "fremdrift", "ja")).toBe(true);
    expect(ticked(page, "resultater", "ja")).toBe(false);
    const shared = await coordinator.post(`/program/${programme}`, {
      intent: "del",
      eier: ids.demo,
      fremdrift: "ja",
      resultater: "ja",
    });
    expect(shared.status).toBe(303);
    const withScores = textOf((await guide.page(groupPage())).html);
    expect(withScores).toContain("Resultater per område fra");
    expect(withScores).toMatch(/Styring og internkontroll \d+/);
    const withdrawn = await coordinator.post(`/program/${programme}`, { intent: "del", eier: ids.demo });
    expect(withdrawn.status).toBe(303);
    const html = (await guide.page(groupPage())).html;
    // Nothing of Demo kommune's work appears in the guide's page once withdrawn.
    expect(html).not.toContain("Resultater per område fra");
    expect(html).not.toContain("Resultat (av 100)");
    expect(html).not.toContain("Styring og internkontroll");
    expect(html).not.toContain("Gjennomføring");
    expect(html).not.toContain("tiltak er gjennomført");
    // The personvernombud reads what is shared, but only the koordinator decides.
    expect(textOf((await dpo.page(`/program/${programme}`)).html)).toContain(
      "Dere deler ingenting med programmet.",
    );
    expect(
      (await dpo.post(`/program/${programme}`, { intent: "del", eier: ids.demo, fremdrift: "ja" })).status,
    ).toBe(404);
    // Nabo kommune's koordinator cannot share for Demo kommune.
    expect(
      (await nabo.post(`/program/${programme}`, { intent: "del", eier: ids.demo, fremdrift: "ja" })).status,
    ).toBe(404);
    await coordinator.post(`/program/${programme}`, { intent: "del", eier: ids.demo, fremdrift: "ja" });
  });

  it("lets the guide comment and the owner's koordinator answer; nobody else reads the thread", async () => {
    const empty = await guide.post(groupPage(), { intent: "kommentar", eier: ids.demo, tekst: "   " });
    expect(empty.status).toBe(400);
    expect(textOf(await empty.text())).toContain("Skriv kommentaren før du sender.");
    const long = "x".repeat(2001);
    const tooLong = await guide.post(groupPage(), { intent: "kommentar", eier: ids.demo, tekst: long });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain(long);
    const sent = await guide.post(groupPage(), {
      intent: "kommentar",
      eier: ids.demo,
      tekst: "Husk å invitere rektorene til neste samling.",
    });
    expect(sent.status).toBe(303);
    const owner = textOf((await coordinator.page(`/program/${programme}`)).html);
    expect(owner).toContain("Husk å invitere rektorene til neste samling.");
    expect(owner).toContain("Vera Veileder (veileder)");
    const answered = await coordinator.post(`/program/${programme}`, {
      intent: "kommentar",
      eier: ids.demo,
      tekst: "Takk, vi sender invitasjonen i dag.",
    });
    expect(answered.status).toBe(303);
    expect(textOf((await guide.page(groupPage())).html)).toContain("Kari Koordinator (svar fra eieren)");
    expect(textOf((await dpo.page(`/program/${programme}`)).html)).toContain(
      "Takk, vi sender invitasjonen i dag.",
    );
    // The programansvarlig follows the group, but does not read or write the thread.
    const asLead = await lead.page(groupPage());
    expect(asLead.response.status).toBe(200);
    expect(asLead.html).not.toContain("Husk å invitere rektorene");
    expect((await lead.post(groupPage(), { intent: "kommentar", eier: ids.demo, tekst: "Hei" })).status).toBe(
      404,
    );
    // Nabo kommune is in the programme, but Demo kommune's thread is not theirs.
    const naboPage = (await nabo.page(`/program/${programme}`)).html;
    expect(naboPage).not.toContain("Husk å invitere rektorene");
    expect(naboPage).not.toContain("Godt jobbet med kartleggingen");
    // Nabo kommune is in no group now: there is no guide to write to.
    expect(textOf(naboPage)).toContain("Dere er ikke satt i en veiledningsgruppe ennå.");
    expect(naboPage).not.toContain('name="tekst"');
    expect(
      (await nabo.post(`/program/${programme}`, { intent: "kommentar", eier: ids.demo, tekst: "Hei" }))
        .status,
    ).toBe(404);
    // The guide writes on the group's page, not as the owner.
    expect(
      (await guide.post(`/program/${programme}`, { intent: "kommentar", eier: ids.demo, tekst: "Hei" }))
        .status,
    ).toBe(404);
  });

  it("records attendance: the programansvarlig for all, a guide only for the group's owners", async () => {
    const form = await guide.page(`/program/${programme}/oppmote/2`);
    expect(form.response.status).toBe(200);
    expect(textOf(form.html)).toContain("Fjordvik kommune");
    expect(textOf(form.html)).not.toContain("Nabo kommune");
    const outside = await guide.post(`/program/${programme}/oppmote/2`, [["deltok", ids.nabo]]);
    expect(outside.status).toBe(400);
    expect(textOf(await outside.text())).toContain("Velg eiere fra listen.");
    expect((await guide.post(`/program/${programme}/oppmote/2`, [["deltok", ids.demo]])).status).toBe(303);
    expect((await lead.post(`/program/${programme}/oppmote/2`, [["deltok", ids.nabo]])).status).toBe(303);
    // The programansvarlig's save covers every owner: Demo kommune is no longer ticked.
    const text = textOf((await coordinator.page(`/program/${programme}`)).html);
    expect(text).toContain("Til stede: Nabo kommune.");
    expect((await guide.get(`/program/${programme}/oppmote/0`)).status).toBe(404);
  });

  it("answers 404 to everyone else, by GET and by POST, on every new page and action", async () => {
    // Gunnar Guide leads a group of his own: Sundnes kommune.
    const sundnes = await organisationIdOf(server, "Sundnes kommune");
    expect(
      (
        await lead.post(`/program/${programme}/grupper`, [
          ["intent", "ny"],
          ["navn", "Gruppe Sundet"],
          ["veileder", otherGuideId],
          ["eiere", sundnes],
        ])
      ).status,
    ).toBe(303);
    expect(textOf((await otherGuide.page(`/program/${programme}`)).html)).toContain("Gruppe Sundet");
    const pages = [`/program/${programme}/grupper`, groupPage(), `/program/${programme}/oppmote/1`];
    for (const [who, client] of [
      ["other guide", otherGuide],
      ["koordinator", coordinator],
      ["nabo", nabo],
      ["ansatt", staff],
    ] as const) {
      for (const path of pages) {
        // Gunnar records attendance for his own group's owner, so that page is his too.
        if (who === "other guide" && path.includes("/oppmote/")) continue;
        expect((await client.get(path)).status, `${who} GET ${path}`).toBe(404);
        expect(
          (await client.post(path, { intent: "kommentar", eier: ids.demo, tekst: "x", navn: "x" })).status,
          `${who} POST ${path}`,
        ).toBe(404);
      }
    }
    // Gunnar's attendance page lists only his own owner, and refuses Demo kommune.
    const gunnarForm = textOf((await otherGuide.page(`/program/${programme}/oppmote/1`)).html);
    expect(gunnarForm).toContain("Sundnes kommune");
    expect(gunnarForm).not.toContain("Demo kommune");
    expect((await otherGuide.post(`/program/${programme}/oppmote/1`, [["deltok", ids.demo]])).status).toBe(
      400,
    );
    // The guide of another group sees none of this group's shared data or comments.
    expect((await otherGuide.get(`/program/${programme}`)).status).toBe(200);
    const otherView = (await otherGuide.page(`/program/${programme}`)).html;
    expect(otherView).not.toContain("Godt jobbet med kartleggingen");
    expect(otherView).not.toContain(`/gruppe/${fjorden}`);
    for (const intent of ["del", "kommentar"])
      for (const client of [otherGuide, staff])
        expect(
          (await client.post(`/program/${programme}`, { intent, eier: ids.demo, tekst: "x" })).status,
        ).toBe(404);
    // A guide only reads their own group's owners' data: the guide's group page lists them, not others.
    const guideHtml = (await guide.page(groupPage())).html;
    expect(guideHtml).not.toContain("Nabo kommune");
    // The guide cannot change groups.
    expect((await guide.get(`/program/${programme}/grupper`)).status).toBe(404);
  });
});
