import { readFileSync } from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import { readTags, textsOf } from "../../../tests/support/pdf-structure.ts";
import { dialects, startTestServer, type TestServer } from "../../../tests/support/test-server.ts";
import { dayInNorway, formatDate } from "../../lib/time.ts";
import { renderCertificatePdf } from "./certificates.server.ts";
import { parseModuleFile } from "./parse-module.ts";

const skole1 = parseModuleFile(readFileSync("content/learning/skole/1/nb.yaml", "utf8"), "skole/1/nb.yaml");

/** Posts the quiz with the given answers (several values per field allowed). */
async function postQuiz(client: TestClient, server: TestServer, answers: [string, string][]) {
  const body = new URLSearchParams(answers);
  const cookie = ["oppvern.session_token", "oppvern_laerer"]
    .map((n) => (client.cookie(n) ? `${n}=${client.cookie(n)}` : ""))
    .filter(Boolean)
    .join("; ");
  return fetch(`${server.url}/kompetanse/skole/1/quiz`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, cookie },
    body,
    redirect: "manual",
  });
}

const allRight = (): [string, string][] =>
  skole1.quiz.flatMap((q) =>
    q.options.filter((o) => o.correct).map((o) => [`q-${q.id}`, o.id] as [string, string]),
  );
const allWrong = (): [string, string][] =>
  skole1.quiz.map((q) => [`q-${q.id}`, q.options.find((o) => !o.correct)?.id ?? "a"] as [string, string]);

describe.each(dialects)("learning on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
  });
  afterAll(() => server.close());

  it("lists both packages and opens a module without an account", async () => {
    const client = new TestClient(server.url);
    const list = textOf((await client.page("/kompetanse")).html);
    expect(list).toContain("Personvern i skolen");
    expect(list).toContain("Personvern i barnehagen");
    expect(list).toContain(skole1.title);
    const module = await client.page("/kompetanse/skole/1");
    expect(module.response.status).toBe(200);
    expect(textOf(module.html)).toContain("Start modulen");
    expect((await client.get("/kompetanse/skole/9")).status).toBe(404);
    expect((await client.get("/kompetanse/skole/1/finnes-ikke")).status).toBe(404);
  });

  it("marks the bokmål course text as bokmål for a reader who chose English", async () => {
    const step = `/kompetanse/skole/1/${skole1.steps[0]?.id}`;
    const english = (await new TestClient(server.url).page(`${step}?lang=en`)).html;
    expect(english).toMatch(/<html lang="en"/);
    expect(english).toMatch(new RegExp(`<h1 id="step-title"[^>]*lang="nb"[^>]*>${skole1.steps[0]?.title}`));
    // The buttons are English, and not marked otherwise.
    expect(english).toContain(">Next<");
    // The course list: the modules' titles and summaries are marked, the list's own words are not.
    const list = (await new TestClient(server.url).page("/kompetanse?lang=en")).html;
    expect(list).toMatch(new RegExp(`<h3[^>]*lang="nb"[^>]*><a[^>]*>${skole1.title.slice(0, 20)}`));
    expect(list).toMatch(/<h2[^>]*>Privacy in schools</);
    // On the quiz the questions and options are marked, the question numbers (English) are not.
    const quiz = (await new TestClient(server.url).page("/kompetanse/skole/1/quiz?lang=en")).html;
    const first = skole1.quiz[0];
    expect(quiz).toMatch(/<p class="ds-paragraph quiz-number">Question 1</);
    // The question is the name of its group of choices (the legend), marked bokmål.
    expect(quiz).toMatch(new RegExp(`<legend[^>]*><span lang="nb">${first?.question.slice(0, 20)}`));
    expect(quiz).toMatch(new RegExp(`<label[^>]*lang="nb"[^>]*>${first?.options[0]?.text.slice(0, 15)}`));
    const norwegian = (await new TestClient(server.url).page(step)).html;
    expect(norwegian).not.toContain('lang="nb"><');
    // A question that asks for every right answer says so once: the course text already does.
    const quizNb = textOf((await new TestClient(server.url).page("/kompetanse/skole/1/quiz")).html);
    const several = skole1.quiz.filter((q) => q.type === "multiple");
    expect(several.length).toBeGreaterThan(0);
    for (const q of several) expect(quizNb).toContain(q.question);
    expect(quizNb).not.toContain("(velg alle som passer)");
    expect(norwegian).toMatch(/<h1 id="step-title" class="ds-heading" data-size="lg">/);
  });

  it("shares a public page among visitors without cookies, never with a learner or a user", async () => {
    const path = "/kompetanse/barnehage/2";
    const first = await new TestClient(server.url).page(path);
    const again = await new TestClient(server.url).page(path);
    expect(first.response.headers.get("x-cache")).toBeNull();
    expect(again.response.headers.get("x-cache")).toBe("hit");
    expect(again.html).toBe(first.html);
    expect(textOf(again.html)).toContain("Start modulen");
    // The shared copy carries no request's nonce; each response still gets its own policy.
    expect(again.html).not.toContain("nonce=");
    expect(again.response.headers.get("content-security-policy")).not.toBe(
      first.response.headers.get("content-security-policy"),
    );

    // A learner with progress sees their own page.
    const learner = new TestClient(server.url);
    const firstStep = parseModuleFile(
      readFileSync("content/learning/barnehage/2/nb.yaml", "utf8"),
      "barnehage/2/nb.yaml",
    ).steps[0];
    await learner.post(`${path}/${firstStep?.id}`, {});
    const own = await learner.page(path);
    expect(own.response.headers.get("x-cache")).toBeNull();
    expect(textOf(own.html)).toContain("Fortsett der du slapp");

    // A logged-in leader sees the group-session form, which no shared copy holds.
    const leader = new TestClient(server.url);
    await leader.login("leder@demo.oppvern.no");
    const leaders = await leader.page(path);
    expect(leaders.response.headers.get("x-cache")).toBeNull();
    expect(textOf(leaders.html)).toContain("Ta modulen sammen");
    expect(textOf(first.html)).not.toContain("Ta modulen sammen");

    // Choosing a language sets a cookie, so that page is not shared; nynorsk is not served as bokmål.
    for (let i = 0; i < 2; i++) {
      const nn = await new TestClient(server.url).page(`${path}?lang=nn`);
      expect(nn.response.headers.get("x-cache")).toBeNull();
      expect(nn.html).toContain('lang="nn"');
    }
    // A course step is shared too, until the visitor goes on and has progress (a cookie).
    const step = `${path}/${firstStep?.id}`;
    const firstVisit = await new TestClient(server.url).page(step);
    const secondVisit = await new TestClient(server.url).page(step);
    expect(secondVisit.response.headers.get("x-cache")).toBe("hit");
    expect(secondVisit.html).toBe(firstVisit.html);
    expect(textOf(secondVisit.html)).toContain(firstStep?.title ?? "?");
    expect((await learner.get(step)).headers.get("x-cache")).toBeNull();
    // A page not marked as shared (the login form, which is hydrated) is rendered for each visitor.
    await new TestClient(server.url).get("/logg-inn");
    expect((await new TestClient(server.url).get("/logg-inn")).headers.get("x-cache")).toBeNull();
  });

  it("keeps an anonymous learner's progress page by page, and grades the quiz with explanations", async () => {
    const client = new TestClient(server.url);
    const first = skole1.steps[0];
    const second = skole1.steps[1];
    const next = await client.post(`/kompetanse/skole/1/${first?.id}`, {});
    expect(next.status).toBe(303);
    expect(next.headers.get("location")).toBe(`/kompetanse/skole/1/${second?.id}`);
    expect(client.cookie("oppvern_laerer")).toMatch(/^a:/);
    const step = textOf((await client.page(`/kompetanse/skole/1/${second?.id}`)).html);
    expect(step).toContain(`Side 2 av ${skole1.steps.length}`);
    const started = textOf((await client.page("/kompetanse/skole/1")).html);
    expect(started).toContain("Fortsett der du slapp");
    expect(started).not.toContain("Fullført");

    const incomplete = await postQuiz(client, server, allRight().slice(0, 2));
    expect(incomplete.status).toBe(400);
    expect(textOf(await incomplete.text())).toContain("Noen spørsmål mangler svar");

    const wrong = await postQuiz(client, server, allWrong());
    const wrongText = textOf(await wrong.text());
    expect(wrongText).toContain(`Du hadde 0 av ${skole1.quiz.length} riktige`);
    // Every chosen wrong option is explained, and so is the right one.
    const q1 = skole1.quiz[0];
    const wrongOption = q1?.options.find((o) => !o.correct);
    expect(wrongText).toContain(
      textOf(wrongOption?.feedback ?? "")
        .trim()
        .slice(0, 40),
    );

    const right = await postQuiz(client, server, allRight());
    const rightHtml = await right.text();
    const rightText = textOf(rightHtml);
    expect(rightText).toContain(`Du hadde ${skole1.quiz.length} av ${skole1.quiz.length} riktige`);
    expect(rightText).toContain("Modulen er fullført");
    expect(rightText).toContain("Logg inn eller lag en konto for å få kursbevis");
    // A way to sign in that comes back to the courses, where the certificate is.
    expect(rightHtml).toContain('href="/logg-inn?neste=%2Fkompetanse"');
    expect(textOf((await client.page("/kompetanse")).html)).toContain("Fullført");
    const done = (await client.page("/kompetanse/skole/1")).html;
    expect(textOf(done)).toContain("Fullført");
    // A finished module offers to go through it again from the start, not to «continue» into the quiz.
    expect(done).toContain(`href="/kompetanse/skole/1/${skole1.steps[0]?.id}"`);
    expect(textOf(done)).toContain("Gå gjennom modulen igjen");
    expect(textOf(done)).not.toContain("Fortsett der du slapp");
  });

  it("carries anonymous progress over at login, issues a certificate PDF, and verifies it publicly until withdrawn", async () => {
    const client = new TestClient(server.url);
    await client.post(`/kompetanse/skole/1/${skole1.steps[0]?.id}`, {});
    await postQuiz(client, server, allRight());
    await client.login("ansatt@demo.oppvern.no");
    const list = await client.page("/kompetanse");
    expect(client.cookie("oppvern_laerer")).toBeUndefined();
    const code = list.html.match(/href="\/bevis\/([A-Z0-9-]+)\/pdf"/)?.[1];
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);

    const pdf = await client.get(`/bevis/${code}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    const document = await getDocumentProxy(bytes.slice());
    const { text } = await extractText(document, { mergePages: true });
    expect(text).toContain("Kursbevis");
    expect(text).toContain("Anne Ansatt");
    expect(text.replace(/\s+/g, " ")).toContain(skole1.title);
    // The day written out, as on the page: «5. desember 2026».
    expect(text).toContain(`Dato: ${formatDate(dayInNorway(), "nb")}`);
    expect(text).toContain(code);
    expect(text).toContain("Gjennomført på egen hånd.");
    // Tagged for a screen reader: the language, the title shown, one heading, the text in order.
    const tags = await readTags(bytes);
    expect(tags.lang).toBe("nb");
    expect(tags.displayTitle).toBe(true);
    expect(textsOf(tags.elements, "H1")).toEqual(["Kursbevis"]);
    expect(textsOf(tags.elements, "P").join(" ")).toContain("Anne Ansatt har fullført");

    const publicView = textOf((await new TestClient(server.url).page(`/bevis/${code}`)).html);
    expect(publicView).toContain("Kursbeviset er ekte");
    expect(publicView).toContain("Anne Ansatt");
    // The date written out, as everywhere else («5. desember 2026»), not as 2026-12-05.
    expect(publicView).toContain(formatDate(dayInNorway(), "nb"));
    expect(publicView).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // Someone else cannot download it.
    const other = new TestClient(server.url);
    await other.login("leder@demo.oppvern.no");
    expect((await other.get(`/bevis/${code}/pdf`)).status).toBe(404);

    await client.post("/kompetanse", { intent: "certificate-visibility", code: code ?? "", public: "0" });
    const hidden = textOf((await new TestClient(server.url).page(`/bevis/${code}`)).html);
    expect(hidden).toContain("Vi finner ikke et kursbevis");
    expect(hidden).not.toContain("Anne Ansatt");
  });

  it("counts one completion however often the quiz is posted", async () => {
    const client = new TestClient(server.url);
    await client.login("leder@demo.oppvern.no");
    await postQuiz(client, server, allRight());
    await postQuiz(client, server, allRight());
    const user = await server.services.db
      .selectFrom("user")
      .select("id")
      .where("email", "=", "leder@demo.oppvern.no")
      .executeTakeFirstOrThrow();
    const completions = await server.services.db
      .selectFrom("module_completion")
      .selectAll()
      .where("user_id", "=", user.id)
      .execute();
    expect(completions).toHaveLength(1);
    const certificates = await server.services.db
      .selectFrom("certificate")
      .selectAll()
      .where("user_id", "=", user.id)
      .execute();
    expect(certificates).toHaveLength(1);
  });
});

// A holder in a Sami municipality sees their name on the certificate as it is written.
describe("the certificate PDF", () => {
  it("prints Sami letters as written, and says the reader's language", async () => {
    const pdf = await renderCertificatePdf(
      {
        heading: "Kursduođaštus",
        holder: "Máret Ŋuolja-Čáhppe har fullført",
        module: "Skole – modul 1: Hva er personvern?",
        completed: "i Oppvern – kurs om personvern i skole og barnehage.",
        date: "Dato: 5. desember 2026",
        mode: "Alene",
        verify: "Sjekk at beviset er ekte på https://oppvern.example/bevis/ABCDE-FGHIJ",
        code: "ABCDE-FGHIJ",
      },
      "nn",
    );
    const bytes = new Uint8Array(pdf);
    const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
    expect(text).toContain("Máret Ŋuolja-Čáhppe har fullført");
    expect(text).toContain("Kursduođaštus");
    const tags = await readTags(bytes);
    expect(tags.lang).toBe("nn");
    expect(tags.title).toBe("Kursduođaštus");
    expect(textsOf(tags.elements, "H1")).toEqual(["Kursduođaštus"]);
  });
});
