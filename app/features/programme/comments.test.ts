import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn, type TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
} from "../../../tests/support/test-server.ts";
import { createVerifiedAccount } from "../auth/accounts.server.ts";
import { addMembership } from "../orgs/memberships.server.ts";

const PROGRAMME = "Veiledning i personvern 2026–2027";

const as = signedIn;

/** The edit links of the comments this person wrote, in the page's order. */
const editLinks = (html: string) =>
  [...html.matchAll(/href="(\/program\/[^"]+\/kommentar\/[^"]+)"/g)].map((m) => m[1] ?? "");

describe.each(dialects)("guidance-group comments and leaving a programme on %s", (dialect) => {
  let server: TestServer;
  let lead: TestClient;
  let guide: TestClient;
  let otherGuide: TestClient;
  let coordinator: TestClient;
  let dpo: TestClient;
  let nabo: TestClient;
  let staff: TestClient;
  let admin: TestClient;
  let programme: string;
  let fjorden: string;
  let demo: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    const { db } = server.services;
    programme = (await db.selectFrom("programme").select("id").executeTakeFirstOrThrow()).id;
    fjorden = (await db.selectFrom("programme_group").select("id").executeTakeFirstOrThrow()).id;
    demo = await organisationIdOf(server, "Demo kommune");
    const network = await organisationIdOf(server, "Demo digitaliseringsnettverk");
    // A second guide of the network (no group of Demo kommune's), and a second koordinator of
    // Demo kommune who reads nynorsk.
    const gunnar = await createVerifiedAccount(server.services, {
      name: "Gunnar Guide",
      email: "gunnar@demo.oppvern.no",
      password: "oppvern-demo",
      locale: "nb",
    });
    await addMembership(db, { userId: gunnar, organisationId: network, role: "veileder", actorUserId: null });
    const kaare = await createVerifiedAccount(server.services, {
      name: "Kåre Koordinator",
      email: "kaare@demo.oppvern.no",
      password: "oppvern-demo",
      locale: "nn",
    });
    await addMembership(db, { userId: kaare, organisationId: demo, role: "koordinator", actorUserId: null });
    [lead, guide, otherGuide, coordinator, dpo, nabo, staff, admin] = await Promise.all([
      as(server, "programansvarlig@demo.oppvern.no"),
      as(server, "veileder@demo.oppvern.no"),
      as(server, "gunnar@demo.oppvern.no"),
      as(server, "koordinator@demo.oppvern.no"),
      as(server, "personvernombud@demo.oppvern.no"),
      as(server, "koordinator@nabo.oppvern.no"),
      as(server, "ansatt@demo.oppvern.no"),
      as(server, "admin@demo.oppvern.no"),
    ]);
  });
  afterAll(() => server.close());

  const groupPage = () => `/program/${programme}/gruppe/${fjorden}`;
  const programmePage = () => `/program/${programme}`;
  const outbox = () =>
    server.services.db
      .selectFrom("outbox")
      .select(["to_address", "subject", "text_body"])
      .orderBy("created_at")
      .execute();

  it("lets only the author correct and delete a comment; the thread shows it was changed", async () => {
    const sent = await guide.post(groupPage(), {
      intent: "kommentar",
      eier: demo,
      tekst: "Neste samling er 12. november.",
    });
    expect(sent.status).toBe(303);
    // Vera's two comments (the demo's and this one) have links; nobody else's would.
    const links = editLinks((await guide.page(groupPage())).html);
    expect(links).toHaveLength(2);
    const mine = links[1] ?? "";
    const form = await guide.page(mine);
    expect(form.response.status).toBe(200);
    expect(form.html).toContain("Neste samling er 12. november.");
    // Refused: an empty text says what to fix; a too long one is kept as typed.
    const empty = await guide.post(mine, { intent: "lagre", tekst: "  " });
    expect(empty.status).toBe(400);
    expect(textOf(await empty.text())).toContain("Skriv kommentaren før du sender.");
    const long = `Rettelse ${"x".repeat(2000)}`;
    const tooLong = await guide.post(mine, { intent: "lagre", tekst: long });
    expect(tooLong.status).toBe(400);
    const tooLongHtml = await tooLong.text();
    expect(tooLongHtml).toContain(long);
    expect(textOf(tooLongHtml)).toContain("Kommentaren er for lang.");
    const saved = await guide.post(mine, { intent: "lagre", tekst: "Neste samling er 19. november." });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`${groupPage()}?kommentar=endret&eier=${demo}#e0-kommentarer`);
    const after = textOf((await guide.page(saved.headers.get("location") ?? "")).html);
    expect(after).toContain("Kommentaren er endret.");
    expect(after).toContain("Neste samling er 19. november.");
    expect(after).not.toContain("12. november.");
    const owner = textOf((await coordinator.page(programmePage())).html);
    expect(owner).toContain("Neste samling er 19. november.");
    expect(owner).toMatch(/\(endret \d+\. \p{L}+ \d{4} kl\. \d\d:\d\d\s?\)/u);

    // In the thread, but not the author: 403 (they know it is there). Outside it: 404.
    for (const [who, client] of [
      ["koordinator", coordinator],
      ["personvernombud", dpo],
    ] as const) {
      expect((await client.get(mine)).status, `${who} GET`).toBe(403);
      expect((await client.post(mine, { intent: "lagre", tekst: "Endret av andre" })).status, who).toBe(403);
      expect((await client.post(mine, { intent: "slett" })).status, `${who} slett`).toBe(403);
    }
    for (const [who, client] of [
      ["programansvarlig", lead],
      ["annen veileder", otherGuide],
      ["nabo", nabo],
      ["ansatt", staff],
      // The platform's admin reads no owner's comments (decision 021).
      ["admin", admin],
    ] as const) {
      expect((await client.get(mine)).status, `${who} GET`).toBe(404);
      expect((await client.post(mine, { intent: "lagre", tekst: "Endret av andre" })).status, who).toBe(404);
      expect((await client.post(mine, { intent: "slett" })).status, `${who} slett`).toBe(404);
    }
    expect(textOf((await guide.page(groupPage())).html)).not.toContain("Endret av andre");
    // The comment is read through its own programme only: under another programme it is not found.
    const other = await lead.post("/program", [
      ["navn", "Et annet program"],
      ["nettverk", await organisationIdOf(server, "Demo digitaliseringsnettverk")],
      ["eiere", demo],
    ]);
    expect(other.status).toBe(303);
    const otherId = (other.headers.get("location") ?? "").split("/")[2]?.split("?")[0] ?? "";
    const commentId = mine.split("/").pop() ?? "";
    expect((await coordinator.get(`/program/${otherId}/kommentar/${commentId}`)).status).toBe(404);
    expect((await guide.get(`/program/${otherId}/kommentar/${commentId}`)).status).toBe(404);

    // The koordinator's own answer has a link for her, and none for the guide's comments.
    await coordinator.post(programmePage(), { intent: "kommentar", eier: demo, tekst: "Det passer fint." });
    const ownerLinks = editLinks((await coordinator.page(programmePage())).html);
    expect(ownerLinks).toHaveLength(1);
    expect(ownerLinks).not.toContain(mine);
    const fixed = await coordinator.post(ownerLinks[0] ?? "", { intent: "lagre", tekst: "Det passer godt." });
    expect(fixed.status).toBe(303);
    expect(fixed.headers.get("location")).toBe(
      `${programmePage()}?kommentar=endret&eier=${demo}#o0k-kommentarer`,
    );
    expect(textOf((await guide.page(groupPage())).html)).toContain("Det passer godt.");

    // Deleting: gone for both sides at once, and only once.
    const gone = await guide.post(mine, { intent: "slett" });
    expect(gone.status).toBe(303);
    expect(textOf((await guide.page(gone.headers.get("location") ?? "")).html)).toContain(
      "Kommentaren er slettet.",
    );
    expect(textOf((await coordinator.page(programmePage())).html)).not.toContain("19. november");
    expect((await guide.get(mine)).status).toBe(404);
    expect((await guide.post(mine, { intent: "slett" })).status).toBe(404);
    const audit = await server.services.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("entity_id", "=", commentId)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      "programme.comment",
      "programme.comment.delete",
      "programme.comment.edit",
    ]);
    // The audit log keeps that the comment was changed, never its text.
    expect(JSON.stringify(audit)).not.toContain("november");
  });

  it("e-mails the other side of the thread in their language, with a link and without the text", async () => {
    const before = (await outbox()).length;
    const sent = await guide.post(groupPage(), {
      intent: "kommentar",
      eier: demo,
      tekst: "Sjekk samtykket for Ola Nordmann i 3B.",
    });
    expect(sent.status).toBe(303);
    const toOwner = (await outbox()).slice(before);
    // The koordinatorer; not the personvernombud, and not the guide who wrote.
    expect(toOwner.map((m) => m.to_address).sort()).toEqual([
      "kaare@demo.oppvern.no",
      "koordinator@demo.oppvern.no",
    ]);
    const nb = toOwner.find((m) => m.to_address === "koordinator@demo.oppvern.no");
    const nn = toOwner.find((m) => m.to_address === "kaare@demo.oppvern.no");
    expect(nb?.subject).toBe("Ny kommentar fra veilederen til Demo kommune");
    expect(nn?.subject).toBe("Ny kommentar frå rettleiaren til Demo kommune");
    for (const m of toOwner) {
      expect(m.text_body).toContain("Vera Veileder");
      expect(m.text_body).toContain(`«${PROGRAMME}»`);
      expect(m.text_body).toContain(`/program/${programme}#var-del`);
      expect(m.text_body).not.toContain("Ola Nordmann");
      expect(m.text_body).not.toContain("samtykket");
    }

    const middle = (await outbox()).length;
    await coordinator.post(programmePage(), {
      intent: "kommentar",
      eier: demo,
      tekst: "Foreldrene til Ola har trukket samtykket.",
    });
    await dpo.post(programmePage(), { intent: "kommentar", eier: demo, tekst: "Vi følger opp Ola." });
    const toGuide = (await outbox()).slice(middle);
    expect(toGuide.map((m) => m.to_address)).toEqual([
      "veileder@demo.oppvern.no",
      "veileder@demo.oppvern.no",
    ]);
    expect(toGuide[0]?.subject).toBe("Nytt svar fra Demo kommune");
    expect(toGuide[0]?.text_body).toContain("Kari Koordinator har svart deg for Demo kommune");
    expect(toGuide[1]?.text_body).toContain("Per Personvernombud har svart deg for Demo kommune");
    for (const m of toGuide) {
      expect(m.text_body).toContain(`/program/${programme}/gruppe/${fjorden}`);
      expect(m.text_body).not.toContain("Ola");
    }
    // A correction sends nothing.
    const count = (await outbox()).length;
    const link = editLinks((await coordinator.page(programmePage())).html).pop() ?? "";
    expect((await coordinator.post(link, { intent: "lagre", tekst: "Rettet." })).status).toBe(303);
    expect((await outbox()).length).toBe(count);
  });

  it("lets the koordinator take the owner out after a confirmation page; sharing and comments end, the programansvarlig sees it", async () => {
    const leave = `/program/${programme}/forlat/${demo}`;
    // Only the owner's koordinator: not its personvernombud, the guide, the programansvarlig or another owner.
    for (const [who, client] of [
      ["personvernombud", dpo],
      ["veileder", guide],
      ["programansvarlig", lead],
      ["nabo", nabo],
      ["ansatt", staff],
    ] as const) {
      expect((await client.get(leave)).status, `${who} GET`).toBe(404);
      expect((await client.post(leave, { intent: "forlat" })).status, `${who} POST`).toBe(404);
    }
    expect(
      (await nabo.get(`/program/${programme}/forlat/${await organisationIdOf(server, "Nabo kommune")}`))
        .status,
    ).toBe(200);
    const programmeHtml = (await coordinator.page(programmePage())).html;
    expect(programmeHtml).toContain(`href="${leave}"`);
    const confirm = await coordinator.page(leave);
    expect(confirm.response.status).toBe(200);
    const text = textOf(confirm.html);
    expect(text).toContain(`Skal Demo kommune gå ut av «${PROGRAMME}»?`);
    expect(text).toContain("Delingen stopper med en gang.");
    expect(text).toContain("Kommentarene mellom dere og veilederen blir slettet");
    // Before: the guide reads Demo kommune's phase and the thread.
    const guideBefore = textOf((await guide.page(groupPage())).html);
    expect(guideBefore).toContain("Demo kommune");
    expect(guideBefore).toContain("Godt jobbet med kartleggingen");
    const comments = await guide.page(groupPage());
    const oldLink = editLinks(comments.html)[0] ?? "";

    const left = await coordinator.post(leave, { intent: "forlat" });
    expect(left.status).toBe(303);
    const notice = textOf((await coordinator.page(left.headers.get("location") ?? "")).html);
    expect(notice).toContain(`Demo kommune har gått ut av «${PROGRAMME}».`);
    // Kari no longer takes part: the programme is gone from her list and her reach.
    expect(notice).not.toContain(`${PROGRAMME} (`);
    expect((await coordinator.get(programmePage())).status).toBe(404);
    // Per is also Nabo kommune's personvernombud: he still reads the programme, not Demo kommune's part.
    const dpoView = (await dpo.page(programmePage())).html;
    expect(dpoView).not.toContain("Vi følger opp Ola.");
    expect(textOf(dpoView)).not.toMatch(/Demo kommune\s*Dere er med i/);
    // The guide sees nothing of Demo kommune any more, and the old comments are gone.
    const guideAfter = (await guide.page(groupPage())).html;
    expect(guideAfter).not.toContain("Demo kommune");
    expect(guideAfter).not.toContain("Godt jobbet med kartleggingen");
    expect((await guide.get(oldLink)).status).toBe(404);
    const { db } = server.services;
    for (const table of ["programme_comment", "programme_share", "programme_group_owner"] as const)
      expect(
        (
          await db
            .selectFrom(table)
            .select("owner_id")
            .where("programme_id", "=", programme)
            .where("owner_id", "=", demo)
            .execute()
        ).length,
        table,
      ).toBe(0);
    // The programansvarlig sees who left and when; attendance at the first gathering stays.
    const leadView = textOf((await lead.page(programmePage())).html);
    expect(leadView).toContain("Eiere som har gått ut (1)");
    expect(leadView).toMatch(/Demo kommune, gikk ut \d+\. \p{L}+ \d{4}/u);
    expect(leadView).toContain("Til stede: Demo kommune, Fjordvik kommune.");
    // Another owner in the programme does not see who left.
    const naboView = textOf((await nabo.page(programmePage())).html);
    expect(naboView).not.toContain("har gått ut");
    // Leaving twice: the owner is no longer in the programme.
    expect((await coordinator.post(leave, { intent: "forlat" })).status).toBe(404);
  });

  it("lets the programansvarlig take an owner that left back in, sharing nothing until its koordinator says so", async () => {
    const form = (await lead.page(programmePage())).html;
    expect(textOf(form)).toContain("Ta med en eier fra nettverket");
    expect(form).toMatch(new RegExp(`<option value="${demo}">Demo kommune</option>`));
    // Only the programansvarlig: the guide, the owners and outsiders get 404 and nothing changes.
    for (const [who, client] of [
      ["veileder", guide],
      ["nabo", nabo],
      ["personvernombud", dpo],
      ["admin", admin],
    ] as const)
      expect((await client.post(programmePage(), { intent: "ta-med", eier: demo })).status, who).toBe(404);
    expect((await coordinator.get(programmePage())).status).toBe(404);
    // Anything but an owner of the network (here a school) is refused with a message.
    const outsider = await organisationIdOf(server, "Eik barneskole");
    const refused = await lead.post(programmePage(), { intent: "ta-med", eier: outsider });
    expect(refused.status).toBe(400);
    expect(textOf(await refused.text())).toContain("Velg en eier i nettverket som ikke er med i programmet.");
    const added = await lead.post(programmePage(), { intent: "ta-med", eier: demo });
    expect(added.status).toBe(303);
    const leadView = textOf((await lead.page(added.headers.get("location") ?? "")).html);
    expect(leadView).toContain("Eieren er med i programmet.");
    expect(leadView).not.toContain("har gått ut");
    // Kari reads the programme again; nothing is shared until she ticks it.
    expect((await coordinator.get(programmePage())).status).toBe(200);
    const shares = await server.services.db
      .selectFrom("programme_share")
      .select("owner_id")
      .where("programme_id", "=", programme)
      .where("owner_id", "=", demo)
      .execute();
    expect(shares).toEqual([]);
    const log = await server.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", programme)
      .where("action", "in", ["programme.leave", "programme.rejoin"])
      .execute();
    expect(log.map((r) => r.action).sort()).toEqual(["programme.leave", "programme.rejoin"]);
    // Taking it in twice is refused.
    expect((await lead.post(programmePage(), { intent: "ta-med", eier: demo })).status).toBe(400);
  });
});
