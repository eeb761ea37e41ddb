import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import { dialects, startTestServer, type TestServer } from "../../../tests/support/test-server.ts";

const lastEmailTo = async (server: TestServer, to: string) => {
  const row = await server.services.db
    .selectFrom("outbox")
    .selectAll()
    .where("to_address", "=", to)
    .orderBy("created_at", "desc")
    .executeTakeFirstOrThrow();
  return { ...row, link: row.text_body.match(/https?:\/\/\S+/)?.[0] ?? "" };
};

describe.each(dialects)("accounts on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
  });
  afterAll(() => server.close());

  it("logs in with a plain form post: 303 and an HttpOnly, SameSite=Lax session cookie", async () => {
    const response = await new TestClient(server.url).post("/logg-inn", {
      email: "koordinator@demo.oppvern.no",
      password: "oppvern-demo",
    });
    expect(response.status).toBe(303);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("oppvern.session_token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http in tests; Secure is set behind https
  });

  it("answers a wrong password with the form again, a clear message, and the email kept", async () => {
    const response = await new TestClient(server.url).post("/logg-inn", {
      email: "koordinator@demo.oppvern.no",
      password: "feil-passord",
    });
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(textOf(html)).toContain("E-postadressen eller passordet er feil");
    expect(html).toContain('value="koordinator@demo.oppvern.no"');
    expect(html).not.toContain("feil-passord");
  });

  it("says what to fix when the email is not an email address", async () => {
    const response = await new TestClient(server.url).post("/logg-inn", { email: "kari", password: "x" });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Skriv en gyldig e-postadresse");
  });

  it("logs out with POST /logg-ut and the session stops working", async () => {
    const client = new TestClient(server.url);
    await client.login("leder@demo.oppvern.no");
    expect((await client.get("/profil")).status).toBe(200);
    const token = client.cookie("oppvern.session_token");
    const out = await client.post("/logg-ut", {});
    expect(out.status).toBe(303);
    expect((await client.get("/profil")).status).toBe(302);
    // The old cookie is no good either: the session is gone from the database.
    const replay = new TestClient(server.url);
    const response = await fetch(new URL("/profil", server.url), {
      headers: { cookie: `oppvern.session_token=${token}` },
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    expect(replay).toBeDefined();
  });

  it("logs out everywhere: every other browser's session ends too", async () => {
    const phone = new TestClient(server.url);
    const laptop = new TestClient(server.url);
    await phone.login("ansatt@demo.oppvern.no");
    await laptop.login("ansatt@demo.oppvern.no");
    expect((await phone.get("/profil")).status).toBe(200);
    await laptop.post("/logg-ut", { intent: "alle" });
    expect((await phone.get("/profil")).status).toBe(302);
    expect((await laptop.get("/profil")).status).toBe(302);
  });

  it("registers, sends a verification link, refuses login before it is used, and logs in after", async () => {
    const client = new TestClient(server.url);
    const email = `ny-${dialect}@skole.no`;
    const reg = await client.post("/registrer", {
      name: "Nora Ny",
      email,
      password: "fem ord som huskes",
      password2: "fem ord som huskes",
    });
    expect(reg.status).toBe(200);
    expect(textOf(await reg.text())).toContain(`sendt en lenke til ${email}`);
    const before = await client.post("/logg-inn", { email, password: "fem ord som huskes" });
    expect(textOf(await before.text())).toContain("bekrefte e-postadressen");
    const mail = await lastEmailTo(server, email);
    expect(mail.subject).toContain("Bekreft");
    const verified = await client.page(new URL(mail.link).pathname + new URL(mail.link).search);
    expect(textOf(verified.html)).toContain("E-postadressen er bekreftet");
    expect((await client.post("/logg-inn", { email, password: "fem ord som huskes" })).status).toBe(303);
  });

  it("refuses a weak password and a duplicate email with clear messages, keeping what was typed", async () => {
    const client = new TestClient(server.url);
    const weak = await client.post("/registrer", {
      name: "Ole",
      email: "ole@skole.no",
      password: "kort",
      password2: "kort",
    });
    expect(weak.status).toBe(400);
    const weakHtml = await weak.text();
    expect(textOf(weakHtml)).toContain("minst 10 tegn");
    expect(weakHtml).toContain('value="ole@skole.no"');

    const duplicate = await client.post("/registrer", {
      name: "Kari",
      email: "koordinator@demo.oppvern.no",
      password: "et langt nytt passord",
      password2: "et langt nytt passord",
    });
    expect(duplicate.status).toBe(400);
    expect(textOf(await duplicate.text())).toContain("Det finnes allerede en konto");
  });

  it("resets a password with a single-use link; a reused or expired link gets a clear message", async () => {
    const client = new TestClient(server.url);
    const email = "personvernombud@demo.oppvern.no";
    const ask = await client.post("/glemt-passord", { email });
    expect(textOf(await ask.text())).toContain("Hvis det finnes en konto");
    const mail = await lastEmailTo(server, email);
    const token = new URL(mail.link).searchParams.get("token") ?? "";
    expect(token).not.toBe("");

    const reset = await client.post("/nytt-passord", {
      token,
      password: "nytt og langt passord",
      password2: "nytt og langt passord",
    });
    expect(reset.status).toBe(303);
    expect((await client.post("/logg-inn", { email, password: "oppvern-demo" })).status).toBe(401);
    expect((await client.post("/logg-inn", { email, password: "nytt og langt passord" })).status).toBe(303);

    const reused = await client.post("/nytt-passord", {
      token,
      password: "enda et nytt passord",
      password2: "enda et nytt passord",
    });
    expect(reused.status).toBe(410);
    expect(textOf(await reused.text())).toContain("Lenken virker ikke lenger");

    await client.post("/glemt-passord", { email });
    const second = await lastEmailTo(server, email);
    const token2 = new URL(second.link).searchParams.get("token") ?? "";
    await server.services.db
      .updateTable("verification")
      .set({
        expiresAt:
          server.dialect === "postgres"
            ? new Date(Date.now() - 1000)
            : new Date(Date.now() - 1000).toISOString(),
      })
      .where("identifier", "=", `reset-password:${token2}`)
      .execute();
    const expired = await client.post("/nytt-passord", {
      token: token2,
      password: "enda et nytt passord",
      password2: "enda et nytt passord",
    });
    expect(expired.status).toBe(410);
  });

  it("never logs a password", async () => {
    // The app logs requests as JSON through pino; the body of a login is never part of it.
    const lines: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      await new TestClient(server.url).post("/logg-inn", {
        email: "leder@demo.oppvern.no",
        password: "hemmelig-passord-123",
      });
    } finally {
      process.stdout.write = original;
    }
    expect(lines.join("")).not.toContain("hemmelig-passord-123");
  });
});

describe.each(dialects)("login rate limiting on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true, loginAttemptsPerMinute: 3 });
  });
  afterAll(() => server.close());

  it("stops repeated attempts with a clear message and 429", async () => {
    const client = new TestClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await client.post("/logg-inn", { email: "admin@demo.oppvern.no", password: `gjetting-${i}` }))
          .status,
      );
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    const limited = await client.post("/logg-inn", {
      email: "admin@demo.oppvern.no",
      password: "oppvern-demo",
    });
    expect(limited.status).toBe(429);
    expect(textOf(await limited.text())).toMatch(/for mange ganger på kort tid\. Vent \d+ sekunder/);
  });
});

describe("better-auth loaded on first use", () => {
  it("gives every caller the same instance, also when they ask at once", async () => {
    const server = await startTestServer("sqlite", { demo: false });
    try {
      const [a, b] = await Promise.all([server.services.auth(), server.services.auth()]);
      expect(a).toBe(b);
      expect(await server.services.auth()).toBe(a);
      // and it is the instance that answers sign-ins: a new account can register through it
      const response = await new TestClient(server.url).post("/registrer", {
        name: "Ny Bruker",
        email: "ny@eksempel.no",
        password: "langt-nok-passord",
        password2: "langt-nok-passord",
      });
      expect(response.status).toBeLessThan(500);
      const ctx = await a.$context;
      expect(await ctx.internalAdapter.findUserByEmail("ny@eksempel.no")).not.toBeNull();
    } finally {
      await server.close();
    }
  });
});
