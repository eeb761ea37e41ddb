import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import { dialects, startTestServer, type TestServer } from "../../../tests/support/test-server.ts";

describe.each(dialects)("organisations, invitations and the audit log on %s", (dialect) => {
  let server: TestServer;
  let admin: TestClient;
  let koordinator: TestClient;
  let demoId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    admin = new TestClient(server.url);
    await admin.login("admin@demo.oppvern.no");
    koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    demoId = (
      await server.services.db
        .selectFrom("organisation")
        .select("id")
        .where("name", "=", "Demo kommune")
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => server.close());

  const audit = (action: string, entity: string) =>
    server.services.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", action)
      .where("entity", "=", entity)
      .execute();

  it("refuses an organisasjonsnummer with a wrong check digit, says why, and keeps what was typed", async () => {
    const response = await admin.post("/admin", {
      intent: "create-owner",
      name: "Fjellbygd kommune",
      ownerType: "kommune",
      orgNumber: "910 000 005",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(textOf(html)).toContain("Dette er ikke et gyldig organisasjonsnummer");
    expect(html).toContain('value="Fjellbygd kommune"');
    expect(html).toContain('value="910 000 005"');
  });

  it("creates an owner with a valid number, refuses the same number twice, and logs who did it", async () => {
    const ok = await admin.post("/admin", {
      intent: "create-owner",
      name: "Fjellbygd kommune",
      ownerType: "kommune",
      orgNumber: "910 000 098",
    });
    expect(ok.status).toBe(200);
    expect(textOf(await ok.text())).toContain("Eieren er lagt til");
    const created = await server.services.db
      .selectFrom("organisation")
      .selectAll()
      .where("org_number", "=", "910000098")
      .executeTakeFirstOrThrow();
    expect(created.name).toBe("Fjellbygd kommune");

    const again = await admin.post("/admin", {
      intent: "create-owner",
      name: "Kopi kommune",
      ownerType: "kommune",
      orgNumber: "910000098",
    });
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain("finnes allerede");

    const rows = await audit("create", "eier");
    const row = rows.find((r) => r.entity_id === created.id);
    expect(row?.actor_user_id).toBeTruthy();
    expect(row?.tenant_id).toBe(created.id);
  });

  it("lets the coordinator add a unit, with validation, and logs it under the owner", async () => {
    const bad = await koordinator.post(`/eiere/${demoId}`, {
      intent: "create-unit",
      name: "x",
      unitType: "slott",
    });
    expect(bad.status).toBe(400);
    const badText = textOf(await bad.text());
    expect(badText).toContain("minst to tegn");
    expect(badText).toContain("Velg type enhet");
    const ok = await koordinator.post(`/eiere/${demoId}`, {
      intent: "create-unit",
      name: "Bjørka SFO",
      unitType: "sfo",
    });
    expect(ok.status).toBe(200);
    const page = await koordinator.page(`/eiere/${demoId}`);
    expect(textOf(page.html)).toContain("Bjørka SFO");
    const rows = await audit("create", "enhet");
    expect(rows.some((r) => r.tenant_id === demoId && r.details?.includes("Bjørka SFO"))).toBe(true);
  });

  it("invites by email; the link works once, creates the account, grants the role, and is logged", async () => {
    const response = await koordinator.post(`/eiere/${demoId}`, {
      intent: "invite",
      email: "Ny.Ombud@Demo.no",
      name: "Nina Ombud",
      target: `${demoId}|personvernombud`,
    });
    expect(response.status).toBe(200);
    const mail = await server.services.db
      .selectFrom("outbox")
      .selectAll()
      .where("to_address", "=", "ny.ombud@demo.no")
      .executeTakeFirstOrThrow();
    expect(mail.subject).toContain("Demo kommune");
    expect(mail.text_body).toContain("Kari Koordinator");
    const path = new URL(mail.text_body.match(/https?:\/\/\S+/)?.[0] ?? "").pathname;

    const nina = new TestClient(server.url);
    expect(textOf((await nina.page(path)).html)).toContain(
      "Du er invitert til Demo kommune. Rolle: Personvernombud",
    );
    const mismatch = await nina.post(path, {
      name: "Nina Ombud",
      password: "et langt passord her",
      password2: "et annet passord",
    });
    expect(mismatch.status).toBe(400);
    expect(textOf(await mismatch.text())).toContain("Passordene er ikke like");
    const accepted = await nina.post(path, {
      name: "Nina Ombud",
      password: "et langt passord her",
      password2: "et langt passord her",
    });
    expect(accepted.status).toBe(303);
    expect((await nina.page(`/eiere/${demoId}`)).response.status).toBe(200);

    const reused = await new TestClient(server.url).post(path, {
      name: "X",
      password: "et langt passord her",
      password2: "et langt passord her",
    });
    expect(reused.status).toBe(410);
    expect(
      (await audit("grant-role", "membership")).some(
        (r) => r.details?.includes("personvernombud") && r.tenant_id === demoId,
      ),
    ).toBe(true);
    expect((await audit("invite", "invitation")).some((r) => r.tenant_id === demoId)).toBe(true);
  });

  it("links an invitation to an existing account after the password is given", async () => {
    const naboUnit = await server.services.db
      .selectFrom("organisation")
      .select("id")
      .where("name", "=", "Eik barneskole")
      .executeTakeFirstOrThrow();
    await koordinator.post(`/eiere/${demoId}`, {
      intent: "invite",
      email: "koordinator@nabo.oppvern.no",
      target: `${naboUnit.id}|leder`,
    });
    const mail = await server.services.db
      .selectFrom("outbox")
      .selectAll()
      .where("to_address", "=", "koordinator@nabo.oppvern.no")
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    const path = new URL(mail.text_body.match(/https?:\/\/\S+/)?.[0] ?? "").pathname;
    const nils = new TestClient(server.url);
    expect(textOf((await nils.page(path)).html)).toContain("Det finnes allerede en konto");
    const wrong = await nils.post(path, { password: "feil" });
    expect(wrong.status).toBe(401);
    expect(textOf(await wrong.text())).toContain("Passordet er feil");
    expect((await nils.post(path, { password: "oppvern-demo" })).status).toBe(303);
    // Now a member of both owners: the switcher lists both.
    const home = await nils.page("/");
    expect(textOf(home.html)).toContain("Nabo kommune");
    expect(textOf(home.html)).toContain("Eik barneskole");
  });

  it("says so when an invitation has expired or was revoked", async () => {
    await koordinator.post(`/eiere/${demoId}`, {
      intent: "invite",
      email: "sen@demo.no",
      target: `${demoId}|koordinator`,
    });
    await koordinator.post(`/eiere/${demoId}`, {
      intent: "invite",
      email: "angret@demo.no",
      target: `${demoId}|koordinator`,
    });
    const link = async (to: string) =>
      new URL(
        (
          await server.services.db
            .selectFrom("outbox")
            .select("text_body")
            .where("to_address", "=", to)
            .executeTakeFirstOrThrow()
        ).text_body.match(/https?:\/\/\S+/)?.[0] ?? "",
      ).pathname;
    await server.services.db
      .updateTable("invitation")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("email", "=", "sen@demo.no")
      .execute();
    expect(textOf((await new TestClient(server.url).page(await link("sen@demo.no"))).html)).toContain(
      "Invitasjonen er for gammel",
    );

    const invitation = await server.services.db
      .selectFrom("invitation")
      .select("id")
      .where("email", "=", "angret@demo.no")
      .executeTakeFirstOrThrow();
    await koordinator.post(`/eiere/${demoId}`, { intent: "revoke-invitation", invitationId: invitation.id });
    expect(textOf((await new TestClient(server.url).page(await link("angret@demo.no"))).html)).toContain(
      "trukket tilbake",
    );
  });

  it("does not invite someone to a role they already hold", async () => {
    const response = await koordinator.post(`/eiere/${demoId}`, {
      intent: "invite",
      email: "koordinator@demo.oppvern.no",
      target: `${demoId}|koordinator`,
    });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("har allerede denne rollen");
  });

  it("does not let anyone remove their own role", async () => {
    const own = await server.services.db
      .selectFrom("membership as m")
      .innerJoin("user as u", "u.id", "m.user_id")
      .select("m.id")
      .where("u.email", "=", "koordinator@demo.oppvern.no")
      .executeTakeFirstOrThrow();
    const response = await koordinator.post(`/eiere/${demoId}`, {
      intent: "remove-member",
      membershipId: own.id,
    });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Du kan ikke fjerne din egen rolle");
    expect(
      await server.services.db
        .selectFrom("membership")
        .select("id")
        .where("id", "=", own.id)
        .executeTakeFirst(),
    ).toBeDefined();
  });

  it("renames and archives a unit; the archived unit's leader loses access", async () => {
    const unit = await server.services.db
      .selectFrom("organisation")
      .select("id")
      .where("name", "=", "Solsikken barnehage")
      .executeTakeFirstOrThrow();
    const styrer = new TestClient(server.url);
    await styrer.login("styrer@demo.oppvern.no");
    expect((await styrer.get(`/enheter/${unit.id}`)).status).toBe(200);
    // The leader may not rename or close the unit: that is the owner's call.
    expect((await styrer.post(`/enheter/${unit.id}`, { intent: "archive-unit" })).status).toBe(404);

    const renamed = await koordinator.post(`/enheter/${unit.id}`, {
      intent: "update-unit",
      name: "Solsikken FUS",
      unitType: "barnehage",
    });
    expect(renamed.status).toBe(200);
    expect(textOf((await styrer.page(`/enheter/${unit.id}`)).html)).toContain("Solsikken FUS");

    const archived = await koordinator.post(`/enheter/${unit.id}`, { intent: "archive-unit" });
    expect(archived.status).toBe(303);
    expect(textOf((await koordinator.page(`/eiere/${demoId}`)).html)).not.toContain("Solsikken FUS");
    expect((await styrer.get(`/enheter/${unit.id}`)).status).toBe(404);
    const log = await audit("archive", "enhet");
    expect(log.some((r) => r.entity_id === unit.id && r.tenant_id === demoId)).toBe(true);
  });
});
