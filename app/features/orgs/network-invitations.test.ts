import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
} from "../../../tests/support/test-server.ts";

describe.each(dialects)("an owner invited to a network on %s", (dialect) => {
  let server: TestServer;
  const clients: Record<string, TestClient> = {};
  let network = "";
  let nabo = "";
  let naboOrgNumber = "";

  const as = (who: string) => clients[who] as TestClient;
  const members = async () =>
    (
      await server.services.db
        .selectFrom("network_member")
        .select("owner_id")
        .where("network_id", "=", network)
        .execute()
    ).map((r) => r.owner_id);

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    for (const [who, email] of [
      ["lead", "programansvarlig@demo.oppvern.no"],
      ["guide", "veileder@demo.oppvern.no"],
      ["admin", "admin@demo.oppvern.no"],
      ["nabo", "koordinator@nabo.oppvern.no"],
      ["ombud", "personvernombud@demo.oppvern.no"],
      ["demo", "koordinator@demo.oppvern.no"],
    ]) {
      const client = new TestClient(server.url);
      await client.login(email as string);
      clients[who as string] = client;
    }
    network = await organisationIdOf(server, "Demo digitaliseringsnettverk");
    nabo = await organisationIdOf(server, "Nabo kommune");
    naboOrgNumber = (
      await server.services.db
        .selectFrom("organisation")
        .select("org_number")
        .where("id", "=", nabo)
        .executeTakeFirstOrThrow()
    ).org_number as string;
    // Nabo kommune starts outside the network.
    expect(
      (await as("admin").post(`/nettverk/${network}`, { intent: "remove-owner", ownerId: nabo })).status,
    ).toBe(200);
    expect(await members()).not.toContain(nabo);
  });
  afterAll(() => server.close());

  it("takes an owner the admin removes from the network out of the network's programmes too", async () => {
    const { db } = server.services;
    const programme = (await db.selectFrom("programme").select("id").executeTakeFirstOrThrow()).id;
    const inProgramme = await db
      .selectFrom("programme_owner")
      .select("owner_id")
      .where("programme_id", "=", programme)
      .execute();
    expect(inProgramme.map((r) => r.owner_id)).not.toContain(nabo);
    // Its koordinator no longer reads the programme, and its shares with it are gone.
    expect((await as("nabo").get(`/program/${programme}`)).status).toBe(404);
    const shares = await db
      .selectFrom("programme_share")
      .select("owner_id")
      .where("owner_id", "=", nabo)
      .execute();
    expect(shares).toEqual([]);
    // The programansvarlig sees that it left the programme.
    expect(textOf((await as("lead").page(`/program/${programme}`)).html)).toMatch(/Nabo kommune[^.]*gikk ut/);
  });

  it("lets the programansvarlig invite an owner by its organisation number, and says what to fix", async () => {
    const page = `/nettverk/${network}`;
    expect(textOf((await as("lead").page(page)).html)).toContain("Inviter en eier til nettverket");
    const invite = (orgnr: string, who = "lead") => as(who).post(page, { intent: "invite-owner", orgnr });
    const wrong = await invite("12345");
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(textOf(wrongHtml)).toContain("Skriv et gyldig organisasjonsnummer med ni siffer.");
    expect(wrongHtml).toContain('value="12345"');
    // A valid number that no owner in Oppvern has.
    expect(textOf(await (await invite("974 760 673")).text())).toContain(
      "Ingen eier med dette organisasjonsnummeret bruker Oppvern ennå.",
    );
    const demoNumber = (
      await server.services.db
        .selectFrom("organisation")
        .select("org_number")
        .where("name", "=", "Demo kommune")
        .executeTakeFirstOrThrow()
    ).org_number as string;
    expect(textOf(await (await invite(demoNumber)).text())).toContain("Eieren er allerede med i nettverket.");
    // The guide reads the network but does not invite; nobody else reaches it.
    for (const who of ["guide", "nabo", "demo"])
      expect((await invite(naboOrgNumber, who)).status, who).toBe(404);

    const spaced = naboOrgNumber.replace(/(\d{3})(\d{3})(\d{3})/, "$1 $2 $3");
    const sent = await invite(spaced);
    expect(sent.status).toBe(200);
    expect(textOf(await sent.text())).toContain("Invitasjonen er sendt.");
    expect(textOf(await (await invite(naboOrgNumber)).text())).toContain("Eieren er allerede invitert");
    const pending = textOf((await as("lead").page(page)).html);
    expect(pending).toContain("Invitert, venter på svar (1)");
    expect(pending).toMatch(/Nabo kommune, invitert \d+\. \p{L}+ \d{4}/u);
    // The day is Norway's: an invitation sent at 23:30 UTC on 30 June was sent on 1 July here.
    await server.services.db
      .updateTable("network_invitation")
      .set({ invited_at: "2026-06-30T22:30:00.000Z" })
      .where("owner_id", "=", nabo)
      .execute();
    expect(textOf((await as("lead").page(page)).html)).toContain("Nabo kommune, invitert 1. juli 2026");
    expect(textOf((await as("nabo").page(`/eiere/${nabo}`)).html)).toContain("1. juli 2026");
    // Nabo's koordinator got an e-mail with a link to the owner's page.
    const mail = await server.services.db
      .selectFrom("outbox")
      .select(["subject", "text_body"])
      .where("to_address", "=", "koordinator@nabo.oppvern.no")
      .where("subject", "like", "%nettverket%")
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe("Demo digitaliseringsnettverk inviterer Nabo kommune med i nettverket");
    expect(mail.text_body).toContain(`/eiere/${nabo}#nettverk`);
    expect(await members()).not.toContain(nabo);
  });

  it("lets only the owner's koordinator answer; a no removes the invitation, a yes makes it a member", async () => {
    const ownerPage = `/eiere/${nabo}`;
    const answer = (intent: string, who = "nabo") => as(who).post(ownerPage, { intent, networkId: network });
    const invitation = textOf((await as("nabo").page(ownerPage)).html);
    expect(invitation).toContain("Demo digitaliseringsnettverk inviterer eieren til å bli med");
    expect(invitation).toContain("Bli med i nettverket");
    // The personvernombud reads it but the koordinator answers; others get 404.
    const ombudView = textOf((await as("ombud").page(ownerPage)).html);
    expect(ombudView).toContain("Koordinatoren hos eieren svarer på invitasjonen.");
    for (const who of ["ombud", "demo", "admin", "lead"])
      expect((await answer("join-network", who)).status, who).toBe(404);
    expect(await members()).not.toContain(nabo);

    const declined = await answer("decline-network");
    expect(declined.status).toBe(200);
    expect(textOf(await declined.text())).toContain("Invitasjonen er avslått.");
    expect(await members()).not.toContain(nabo);
    expect((await answer("join-network")).status).toBe(404);

    // Invited again, withdrawn, then invited once more and accepted.
    const invite = () =>
      as("lead").post(`/nettverk/${network}`, { intent: "invite-owner", orgnr: naboOrgNumber });
    expect((await invite()).status).toBe(200);
    const withdrawn = await as("lead").post(`/nettverk/${network}`, {
      intent: "withdraw-owner",
      ownerId: nabo,
    });
    expect(textOf(await withdrawn.text())).toContain("Invitasjonen er trukket tilbake.");
    expect(textOf((await as("nabo").page(ownerPage)).html)).not.toContain("inviterer eieren");
    expect((await invite()).status).toBe(200);
    const joined = await answer("join-network");
    expect(textOf(await joined.text())).toContain("Eieren er med i nettverket.");
    expect(await members()).toContain(nabo);
    expect(textOf((await as("lead").page(`/nettverk/${network}`)).html)).not.toContain("venter på svar");
    const after = textOf((await as("nabo").page(ownerPage)).html);
    expect(after).toMatch(/Nettverk\s+Demo digitaliseringsnettverk/);
    const log = await server.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", network)
      .where("action", "like", "network-invitation.%")
      .orderBy("id")
      .execute();
    expect(log.map((r) => r.action)).toEqual([
      "network-invitation.decline",
      "network-invitation.withdraw",
      "network-invitation.accept",
    ]);
  });
});
