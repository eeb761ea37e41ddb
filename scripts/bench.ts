// npm run bench: Oppvern against a bare node:http server on this machine, both driven by
// autocannon from this (separate) process on 127.0.0.1, on SQLite and, when BENCH_DATABASE_URL
// or TEST_DATABASE_URL is set, on PostgreSQL. Figures go to bench/results/<date>-<db>.json and a
// Markdown table to bench/results/latest.md.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import autocannon from "autocannon";
import pg from "pg";
import oppvernRoutes from "../app/routes.ts";
import { assessmentScenarios } from "./bench-assessment.ts";
import { javaScriptKb } from "./js-size.ts";

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const PARTICIPANTS = 300;
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 20);
const WARM_SESSIONS = Number(process.env.BENCH_WARM_SESSIONS ?? 3);
// BENCH_ONLY=pages,quiz,incidents,plan,programme,assessment runs only those groups of scenarios (when profiling one);
// BENCH_ONLY=autosave runs only the first assessment scenario.
const only = process.env.BENCH_ONLY?.split(",");
const wanted = (group: "pages" | "quiz" | "incidents" | "plan" | "programme" | "assessment" | "autosave") =>
  !only || only.includes(group);

interface Scenario {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  ratio: number | null;
  errors: number;
  target: string;
  met: boolean | null;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function waitFor(url: string, timeoutMs = 30_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return Date.now() - start;
    } catch {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  throw new Error(`${url} did not answer`);
}

function rssMb(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
}

type Request = { method?: string; path: string; headers?: Record<string, string>; body?: string };

/** Runs autocannon and computes p50/p95/p99 from every response time (autocannon has no p95). */
async function load(
  url: string,
  options: { connections: number; requests?: Request[]; amount?: number; duration?: number; rate?: number },
) {
  const times: number[] = [];
  let cursor = 0;
  const requests = options.requests;
  const options_: autocannon.Options = {
    url,
    connections: options.connections,
    ...(options.rate ? { overallRate: options.rate } : {}),
    ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? DURATION }),
    requests: requests
      ? [
          {
            setupRequest: (req) => {
              const next = requests[cursor++ % requests.length] as Request;
              return {
                ...req,
                method: (next.method ?? "GET") as "GET",
                path: next.path,
                headers: next.headers,
                body: next.body,
              };
            },
          },
        ]
      : undefined,
  };
  const began = performance.now();
  let lastResponse = began;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options_, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
      lastResponse = performance.now();
    });
  });
  times.sort((a, b) => a - b);
  return {
    // A fixed number of requests: divide by the time to the last response (autocannon only
    // notices that it is done on its next one-second tick).
    rps: options.amount ? result.requests.total / ((lastResponse - began) / 1000) : result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.non2xx - (result["3xx"] ?? 0),
    total: times.length,
    duration: result.duration,
  };
}

const children = new Set<ChildProcess>();
// BENCH_PROFILE=<dir> writes a CPU profile of each app process there (see docs/performance.md).
const profile = process.env.BENCH_PROFILE
  ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`]
  : [];
function start(command: string[], env: Record<string, string>): ChildProcess {
  const args = command[0] === "server.js" ? [...profile, ...command] : command;
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}
// Never leave a server behind, whatever happens.
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

function cookiesOf(response: Response) {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function loginAs(base: string, email: string) {
  const login = await fetch(`${base}/logg-inn`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: `email=${encodeURIComponent(email)}&password=oppvern-demo`,
    redirect: "manual",
  });
  return cookiesOf(login);
}

/** Group sessions with PARTICIPANTS phones each, joined and on the first question; one answer each. */
async function prepareQuiz(base: string, host: string, sessions: number) {
  const answers: Request[] = [];
  const started: { path: string; code: string }[] = [];
  for (let s = 0; s < sessions; s++) {
    const created = await fetch(`${base}/gruppe`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: host },
      body: "pakke=barnehage&modul=3",
      redirect: "manual",
    });
    const sessionPath = created.headers.get("location") ?? "";
    const html = await (await fetch(`${base}${sessionPath}`, { headers: { cookie: host } })).text();
    const code =
      html
        .match(/class="join-code">(\d{3}) (\d{3})</)
        ?.slice(1)
        .join("") ?? "";
    await fetch(`${base}${sessionPath}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: host },
      body: "intent=start-quiz",
      redirect: "manual",
    });
    started.push({ path: sessionPath, code });
    const phone = await (await fetch(`${base}/delta?kode=${code}`)).text();
    if (!phone) throw new Error("join page missing");
    for (let p = 0; p < PARTICIPANTS; p++) {
      const joined = await fetch(`${base}/delta`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
        body: `kode=${code}`,
        redirect: "manual",
      });
      const cookie = cookiesOf(joined);
      if (p === 0) {
        const question = await (await fetch(`${base}/delta/${code}`, { headers: { cookie } })).text();
        const questionId = question.match(/name="questionId" value="([^"]+)"/)?.[1] ?? "";
        answers.push({
          method: "POST",
          path: `/delta/${code}`,
          headers: { cookie, "content-type": "application/x-www-form-urlencoded", origin: base },
          body: `questionId=${questionId}&option=a`,
        });
      } else {
        const first = answers[answers.length - p] as Request;
        answers.push({ ...first, headers: { ...first.headers, cookie } });
      }
    }
  }
  return { answers, sessions: started };
}

/** Resolves true when the event stream says "change" within the time limit (then stops reading). */
async function watchEvents(url: string, cookie: string, timeoutMs = 30_000): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { headers: { cookie }, signal: controller.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("event: change")) {
      const { value, done } = await reader.read();
      if (done) return false;
      text += decoder.decode(value);
    }
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

async function runOn(db: "sqlite" | "postgres", databaseUrl?: string) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "oppvern-bench-"));
  const barePort = await freePort();
  const appPort = await freePort();
  const base = `http://127.0.0.1:${appPort}`;
  const bare = start(["scripts/bench-bare.ts"], { PORT: String(barePort) });
  await waitFor(`http://127.0.0.1:${barePort}/`);

  const appEnv = {
    PORT: String(appPort),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    OPPVERN_DEMO: "1",
    PUBLIC_URL: base,
    LOG_LEVEL: "warn",
    LOGIN_ATTEMPTS_PER_MINUTE: "100000",
    REMINDER_INTERVAL_MINUTES: "1440",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  // The first start seeds the demo data; the cold start is measured on the second, as on a restart.
  const seeding = start(["server.js"], appEnv);
  await waitFor(`${base}/healthz`);
  seeding.kill("SIGTERM");
  await new Promise((r) => seeding.once("exit", r));
  // The national data around the demo: 3,000 owners, 8,000 units, 250,000 staff and so on.
  const seedStarted = Date.now();
  const national = spawn(process.execPath, ["scripts/seed-national.ts"], {
    env: { ...process.env, ...appEnv },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const seeded = await new Promise<number | null>((r) => national.once("exit", r));
  if (seeded !== 0) throw new Error("seed:national failed");
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  process.stdout.write(`${db}: national data seeded in ${seedSeconds.toFixed(0)} s\n`);
  const reference = await machineReference();
  const startedAt = Date.now();
  const app = start(["server.js"], appEnv);
  await waitFor(`${base}/healthz`);
  const coldStartMs = Date.now() - startedAt;
  await new Promise((r) => setTimeout(r, 1000));
  const rssIdle = rssMb(app.pid as number);

  const scenarios: Scenario[] = [];
  // Warm both servers up (JIT) before measuring.
  await load(`http://127.0.0.1:${barePort}/`, { connections: 10, duration: 2 });
  for (const warm of ["/", "/kompetanse/skole/1", "/kompetanse"])
    await load(`${base}${warm}`, { connections: 10, duration: 2 });
  const bareResult = await load(`http://127.0.0.1:${barePort}/`, { connections: 50 });
  const record = (name: string, r: Awaited<ReturnType<typeof load>>, target: string, met: boolean | null) => {
    scenarios.push({ name, ...r, ratio: r.rps / bareResult.rps, target, met });
    process.stdout.write(`${db} ${name}: ${r.rps.toFixed(0)} req/s, p95 ${r.p95.toFixed(1)} ms\n`);
  };
  scenarios.push({ name: "bare node:http hello", ...bareResult, ratio: 1, target: "baseline", met: null });

  // Course pages, anonymous.
  let rssLoad = 0;
  const javascript: { page: string; kb: number }[] = [];
  if (wanted("pages")) {
    const module = await (await fetch(`${base}/kompetanse/skole/1`)).text();
    const firstStep =
      module.match(/href="(\/kompetanse\/skole\/1\/[a-z0-9-]+)"/)?.[1] ?? "/kompetanse/skole/1";
    const page = await load(`${base}/kompetanse/skole/1`, { connections: 50 });
    record(
      "module page, new visitor (no cookie: shared page cache, 50 conn.)",
      page,
      "p95 < 50 ms; ≥ 5 % of bare",
      page.p95 < 50 && page.rps / bareResult.rps >= 0.05,
    );
    // A learner who has read the first page: the module page shows their progress, so it is
    // rendered for each request.
    const stepPost = await fetch(`${base}${firstStep}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
      body: "",
      redirect: "manual",
    });
    const learner = cookiesOf(stepPost);
    const own = await (await fetch(`${base}/kompetanse/skole/1`, { headers: { cookie: learner } })).text();
    if (!own.includes("Fortsett der du slapp"))
      throw new Error("the learner's module page shows no progress");
    const ownPage = await load(base, {
      connections: 50,
      requests: [{ path: "/kompetanse/skole/1", headers: { cookie: learner } }],
    });
    record(
      "module page, learner with progress (rendered each time, 50 conn.)",
      ownPage,
      "p95 < 100 ms; ≥ 5 % of bare",
      ownPage.p95 < 100 && ownPage.rps / bareResult.rps >= 0.05,
    );
    const rendered = (r: { rps: number; p95: number }) => r.p95 < 100 && r.rps / bareResult.rps >= 0.05;
    // A course step: shared for a new visitor, rendered for the learner who has gone on from it.
    const step = await load(`${base}${firstStep}`, { connections: 50 });
    record(
      "course step page, new visitor (no cookie: shared page cache, 50 conn.)",
      step,
      "p95 < 50 ms; ≥ 5 % of bare",
      step.p95 < 50 && step.rps / bareResult.rps >= 0.05,
    );
    const ownStep = await load(base, {
      connections: 50,
      requests: [{ path: stepPost.headers.get("location") ?? firstStep, headers: { cookie: learner } }],
    });
    record(
      "course step page, learner with progress (rendered each time, 50 conn.)",
      ownStep,
      "p95 < 100 ms; ≥ 5 % of bare",
      rendered(ownStep),
    );
    const front = await load(`${base}/`, { connections: 50 });
    record(
      "front page, new visitor (no cookie: shared page cache, 50 conn.)",
      front,
      "p95 < 50 ms; ≥ 5 % of bare",
      front.p95 < 50 && front.rps / bareResult.rps >= 0.05,
    );

    const leader = await loginAs(base, "leder@demo.oppvern.no");
    const coordinator = await loginAs(base, "koordinator@demo.oppvern.no");
    const signedIn = await load(base, {
      connections: 20,
      requests: [{ path: "/", headers: { cookie: leader } }],
    });
    record(
      "front page, signed in (rendered each time, 20 conn.)",
      signedIn,
      "p95 < 100 ms; ≥ 5 % of bare",
      rendered(signedIn),
    );
    // The floor of a page rendered for its reader: the accessibility statement reads nothing but
    // the session, so this is the framework's cost (React Router's request handling, React's
    // render of the layout) with no work of the page's own. A reference, not a target.
    const floor = await load(base, {
      connections: 20,
      requests: [{ path: "/tilgjengelighet", headers: { cookie: leader } }],
    });
    record(
      "reference: signed-in page that reads only the session (/tilgjengelighet, 20 conn.)",
      floor,
      "framework floor (no target)",
      null,
    );

    // The framework's own ceiling, without any of Oppvern's code: React Router serving a one-line
    // page through Express, with one route and with Oppvern's route table (bench/framework).
    for (const [routes, label] of [
      ["one", "one route"],
      ["all", `Oppvern's ${routeCount} routes`],
    ] as const) {
      const port = await freePort();
      const framework = start(["bench/framework/server.ts"], {
        PORT: String(port),
        FRAMEWORK_BUILD: `bench/framework/build/${routes}`,
      });
      const url = `http://127.0.0.1:${port}`;
      await waitFor(`${url}/tilgjengelighet`);
      await load(`${url}/tilgjengelighet`, { connections: 10, duration: 2 });
      const ceiling = await load(url, {
        connections: 20,
        requests: [{ path: "/tilgjengelighet", headers: { cookie: leader } }],
      });
      record(
        `reference: React Router alone, a one-line page, ${label} (bench/framework, 20 conn.)`,
        ceiling,
        "framework ceiling (no target)",
        null,
      );
      framework.kill("SIGTERM");
      await new Promise((r) => framework.once("exit", r));
    }

    // Gzipped JavaScript per page (learner pages have a budget of 100 KB; server/js-budget.test.ts).
    for (const [name, pagePath, cookie] of [
      ["course list", "/kompetanse", ""],
      ["module page", "/kompetanse/skole/1", ""],
      ["course step", firstStep, ""],
      ["quiz", "/kompetanse/skole/1/quiz", ""],
      ["phone joining a group session", "/delta", ""],
      ["front page", "/", ""],
      ["organisation page (signed in)", "/organisasjon", coordinator],
      ["group sessions (signed in)", "/gruppe", leader],
    ] as const) {
      const html = await (await fetch(`${base}${pagePath}`, { headers: cookie ? { cookie } : {} })).text();
      javascript.push({ page: `${name} (${pagePath})`, kb: Math.round(javaScriptKb(html).kb * 10) / 10 });
    }

    // Completion over the national data (1,000,000 completions in the table): the leader's matrix
    // of staff × modules, and the koordinator's completion per unit and module. Each page is found
    // from the user's menu on the front page.
    for (const [name, cookie, menuLink] of [
      ["leader's completion matrix (20 conn.)", leader, /href="(\/enheter\/[^"/]+)"/],
      ["owner's completion per unit and module (20 conn.)", coordinator, /href="(\/eiere\/[^"/]+)"/],
    ] as const) {
      const home = (await (await fetch(`${base}/`, { headers: { cookie } })).text()).match(menuLink)?.[1];
      const result = await load(base, {
        connections: 20,
        requests: [{ path: `${home}/kompetanse`, headers: { cookie } }],
      });
      record(name, result, "p95 < 100 ms", result.p95 < 100);
    }
  }

  // Live quiz: sessions of 300 phones each; every phone answers the open question once.
  if (wanted("quiz")) {
    const host = await loginAs(base, "leder@demo.oppvern.no");
    // Warmed up as the pages are (JIT): the answers of WARM_SESSIONS sessions before, not measured.
    const prepared = await prepareQuiz(base, host, WARM_SESSIONS + SESSIONS);
    const warm = prepared.answers.slice(0, WARM_SESSIONS * PARTICIPANTS);
    if (warm.length > 0) await load(base, { connections: 50, requests: warm, amount: warm.length });
    const answers = prepared.answers.slice(WARM_SESSIONS * PARTICIPANTS);
    const quiz = await load(base, { connections: 50, requests: answers, amount: answers.length });
    rssLoad = Math.max(rssLoad, rssMb(app.pid as number));
    const quizRatio = quiz.rps / bareResult.rps;
    record(
      `live-quiz answer POST (${SESSIONS}×${PARTICIPANTS} phones)`,
      quiz,
      "≥ 2,000 answers/s; ≥ 25 % of bare",
      quiz.rps >= 2000 && quizRatio >= 0.25,
    );

    // The quiz's ceiling: the same phones and posts to a server that does only the phone's work, in
    // node:http and node:sqlite, with none of Oppvern's code (scripts/bench-answer-floor.ts).
    const floorPort = await freePort();
    const floorServer = start(["scripts/bench-answer-floor.ts"], {
      PORT: String(floorPort),
      SESSIONS: String(WARM_SESSIONS + SESSIONS),
      PARTICIPANTS: String(PARTICIPANTS),
    });
    const floorBase = `http://127.0.0.1:${floorPort}`;
    await waitFor(`${floorBase}/`);
    const questionId = prepared.answers[0]?.body?.match(/questionId=([^&]+)/)?.[1] ?? "q";
    const posts = Array.from({ length: WARM_SESSIONS + SESSIONS }, (_, s) =>
      Array.from(
        { length: PARTICIPANTS },
        (_, p): Request => ({
          method: "POST",
          path: `/delta/${100000 + s}`,
          headers: {
            cookie: `phone=phone-${s}-${p}`,
            "content-type": "application/x-www-form-urlencoded",
            origin: floorBase,
          },
          body: `questionId=${questionId}&option=a`,
        }),
      ),
    ).flat();
    const floorWarm = posts.slice(0, WARM_SESSIONS * PARTICIPANTS);
    if (floorWarm.length > 0)
      await load(floorBase, { connections: 50, requests: floorWarm, amount: floorWarm.length });
    const floorPosts = posts.slice(WARM_SESSIONS * PARTICIPANTS);
    record(
      `reference: the phone's answer alone, node:http and node:sqlite (${SESSIONS}×${PARTICIPANTS} phones)`,
      await load(floorBase, { connections: 50, requests: floorPosts, amount: floorPosts.length }),
      "the quiz's ceiling (no target)",
      null,
    );
    floorServer.kill("SIGTERM");
    await new Promise((r) => floorServer.once("exit", r));

    // PostgreSQL: a second instance on the same database, both under load at once. Every phone
    // joins on the first instance; half of the sessions answer on the second.
    if (databaseUrl) {
      const otherPort = await freePort();
      const other = `http://127.0.0.1:${otherPort}`;
      const second = start(["server.js"], { ...appEnv, PORT: String(otherPort) });
      await waitFor(`${other}/healthz`);
      const dual = await prepareQuiz(base, host, SESSIONS);
      // The leader's session, made on the first instance, works on the second.
      const hostPage = await (await fetch(`${other}/gruppe`, { headers: { cookie: host } })).text();
      const sharedLogin = hostPage.includes("Lars Leder");
      // Sessions alternate between the instances: even ones answer on the first, odd ones on the
      // second. The presenter of an odd session watches on the first, so what it sees came
      // through the database's notices.
      const onFirst = dual.answers.filter((_, i) => Math.floor(i / PARTICIPANTS) % 2 === 0);
      const onSecond = dual.answers.filter((_, i) => Math.floor(i / PARTICIPANTS) % 2 === 1);
      const watched = dual.sessions[1] as { path: string };
      const presenter = watchEvents(`${base}${watched.path}/hendelser`, host);
      const [onA, onB] = await Promise.all([
        load(base, { connections: 25, requests: onFirst, amount: onFirst.length }),
        load(other, { connections: 25, requests: onSecond, amount: onSecond.length }),
      ]);
      const sawAnswers = await presenter;
      // Every answer counted once, whichever instance took it.
      const counted = (
        await (await fetch(`${other}${watched.path}`, { headers: { cookie: host } })).text()
      ).includes(`Svar: ${PARTICIPANTS} av ${PARTICIPANTS}`);
      second.kill("SIGTERM");
      await new Promise((r) => second.once("exit", r));
      const both = {
        ...onA,
        rps: onA.rps + onB.rps,
        p50: Math.max(onA.p50, onB.p50),
        p95: Math.max(onA.p95, onB.p95),
        p99: Math.max(onA.p99, onB.p99),
        errors: onA.errors + onB.errors,
        total: onA.total + onB.total,
      };
      process.stdout.write(
        `${db} two instances: login shared ${sharedLogin}, presenter saw answers from the other instance ${sawAnswers}, counted once ${counted}\n`,
      );
      record(
        "two instances, one database: live-quiz answers on both at once (sum)",
        both,
        "login, live updates and answers work across instances",
        sharedLogin && sawAnswers && counted && both.errors === 0,
      );
    }
  }

  // Incidents: staff members reporting at once (each report also e-mails the owner's koordinator
  // and personvernombud and the school's leader), then the koordinator's log with what they sent.
  if (wanted("incidents")) {
    const staff = await loginAs(base, "ansatt@demo.oppvern.no");
    const coordinator = await loginAs(base, "koordinator@demo.oppvern.no");
    const form = await (await fetch(`${base}/avvik/ny`, { headers: { cookie: staff } })).text();
    const unit = form.match(/<option value="([^"]+)" selected/)?.[1] ?? "";
    const body = new URLSearchParams([
      ["hva", "En e-post med elevlister ble sendt til feil mottaker."],
      ["enhet", unit],
      ["dato", ""],
      ["registrerte", "elever"],
      ["antall", "mange"],
      ["sensitive", "nei"],
      ["gjort", ""],
    ]).toString();
    const reports = await load(base, {
      connections: 20,
      duration: 4,
      requests: [
        {
          method: "POST",
          path: "/avvik/ny",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: staff },
          body,
        },
      ],
    });
    record("incident report POST (20 conn., e-mail to 3 people)", reports, "p95 < 100 ms", reports.p95 < 100);
    const log = await load(base, {
      connections: 20,
      requests: [{ path: "/avvik", headers: { cookie: coordinator } }],
    });
    record("koordinator's incident log, first page of 50 (20 conn.)", log, "p95 < 100 ms", log.p95 < 100);
  }

  // The action plan: the koordinator adds measures (a bounded number: a plan of about 60), then the
  // plan and the prioritising page with the proposals from last spring's round, over 30,000
  // measures of other owners.
  if (wanted("plan")) {
    const coordinator = await loginAs(base, "koordinator@demo.oppvern.no");
    const body = new URLSearchParams({
      tittel: "Gå gjennom hvem som har tilgang til elevmappene",
      beskrivelse: "",
      ansvarlig: "",
      frist: "15.3.2027",
      status: "ikke-startet",
      fremdrift: "",
      behandling: "",
      innsats: "middels",
      konsekvens: "2",
      begrunnelse: "",
      effekt: "",
      version: "0",
    }).toString();
    const added = await load(base, {
      connections: 10,
      amount: 60,
      requests: [
        {
          method: "POST",
          path: "/handlingsplan/ny",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: coordinator },
          body,
        },
      ],
    });
    record("new action-plan measure POST (10 conn., 60 in all)", added, "p95 < 100 ms", added.p95 < 100);
    for (const [name, path] of [
      ["koordinator's action plan, about 60 measures (20 conn.)", "/handlingsplan"],
      ["prioritising, first 10 of ~100 proposals with their forms (20 conn.)", "/prioritering"],
    ] as const) {
      const result = await load(base, {
        connections: 20,
        requests: [{ path, headers: { cookie: coordinator } }],
      });
      record(name, result, "p95 < 100 ms", result.p95 < 100);
    }
  }

  // The network's cohort figures: the programme page of the demo network's programme, whose
  // figures are computed on every view from the national tables (area scores, plans, staff).
  if (wanted("programme")) {
    const coordinator = await loginAs(base, "programansvarlig@demo.oppvern.no");
    const list = await (await fetch(`${base}/program`, { headers: { cookie: coordinator } })).text();
    const path = list.match(/href="(\/program\/[^"]+)"/)?.[1] ?? "/program/finnes-ikke";
    const result = await load(base, {
      connections: 10,
      requests: [{ path, headers: { cookie: coordinator } }],
    });
    record(
      "network cohort figures, programme of 7 owners (10 conn.)",
      result,
      "p95 < 200 ms",
      result.p95 < 200 && result.errors === 0,
    );
  }

  if (wanted("assessment") || wanted("autosave"))
    await assessmentScenarios({
      base,
      load,
      record,
      loginAs,
      dataDir,
      databaseUrl,
      autosaveOnly: !wanted("assessment"),
    });

  rssLoad = Math.max(rssLoad, rssMb(app.pid as number));
  app.kill("SIGTERM");
  bare.kill("SIGTERM");
  await new Promise((r) => app.once("exit", r));
  // BENCH_KEEP_DATA=1 keeps the SQLite file with the benchmark's rounds, to profile a page later.
  if (process.env.BENCH_KEEP_DATA === "1") process.stdout.write(`${db}: data kept in ${dataDir}\n`);
  else rmSync(dataDir, { recursive: true, force: true });
  return {
    db,
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "", node: process.version },
    reference,
    coldStartMs,
    seedSeconds: Math.round(seedSeconds),
    rssIdleMb: Math.round(rssIdle),
    rssLoadMb: Math.round(rssLoad),
    javascript,
    scenarios,
  };
}

/** The machine's speed for page-like work without Oppvern's code (scripts/bench-reference.ts). */
async function machineReference(): Promise<{
  reactRendersPerSecond: number;
  sqliteGroupingsPerSecond: number;
}> {
  const child = spawn(process.execPath, ["scripts/bench-reference.ts"], {
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((r) => child.once("exit", r));
  if (code !== 0) throw new Error("bench-reference failed");
  return JSON.parse(out);
}

async function freshPostgres(url: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query("drop database if exists oppvern_bench with (force)");
  await admin.query("create database oppvern_bench");
  await admin.end();
  const target = new URL(url);
  target.pathname = "/oppvern_bench";
  return target.toString();
}

/** The routes a request is matched against: every route without children. */
const leaves = (entries: RouteConfigEntry[]): number =>
  entries.reduce((n, e) => n + (e.children?.length ? leaves(e.children) : 1), 0);
const routeCount = leaves(oppvernRoutes);

// React Router alone with one route and with Oppvern's route table, for the framework's ceiling.
if (wanted("pages"))
  for (const routes of ["one", "all"]) {
    const built = spawnSync(
      process.execPath,
      ["node_modules/@react-router/dev/bin.cjs", "build", "bench/framework"],
      { env: { ...process.env, FRAMEWORK_ROUTES: routes }, stdio: ["ignore", "ignore", "inherit"] },
    );
    if (built.status !== 0) throw new Error("building bench/framework failed");
  }

// BENCH_DB=sqlite or postgres runs one of them; by default both (PostgreSQL when a URL is set).
const which = process.env.BENCH_DB;
const results = which === "postgres" ? [] : [await runOn("sqlite")];
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl && which !== "sqlite") results.push(await runOn("postgres", await freshPostgres(pgUrl)));

mkdirSync("bench/results", { recursive: true });
const day = new Date().toISOString().slice(0, 10);
const lines = [
  `# Benchmark ${new Date().toISOString()}`,
  "",
  `Machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ""}, Node ${process.version}. Load from a separate process on 127.0.0.1 with autocannon, ${DURATION} s per scenario.`,
  "",
];
for (const r of results) {
  writeFileSync(`bench/results/${day}-${r.db}.json`, `${JSON.stringify(r, null, 2)}\n`);
  lines.push(
    `## ${r.db}`,
    "",
    `Machine speed without Oppvern's code (scripts/bench-reference.ts): React renders a results-sized page ${r.reference.reactRendersPerSecond} times a second; SQLite groups 20,000 rows ${r.reference.sqliteGroupingsPerSecond} times a second.`,
    "",
    `National data (npm run seed:national) seeded in ${r.seedSeconds} s · cold start (process start to first 200): ${r.coldStartMs} ms (target < 1,000 ms) · RSS idle ${r.rssIdleMb} MB (target < 200 MB) · RSS under load ${r.rssLoadMb} MB`,
    "",
  );
  lines.push(
    "| scenario | req/s | p50 ms | p95 ms | p99 ms | × bare | errors | target | met |",
    "|---|---|---|---|---|---|---|---|---|",
  );
  for (const s of r.scenarios) {
    lines.push(
      `| ${s.name} | ${s.rps.toFixed(0)} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.ratio === null ? "" : `${(s.ratio * 100).toFixed(1)} %`} | ${s.errors} | ${s.target} | ${s.met === null ? "" : s.met ? "yes" : "**no**"} |`,
    );
  }
  if (r.javascript.length > 0)
    lines.push(
      "",
      "| page | gzipped JavaScript |",
      "|---|---|",
      ...r.javascript.map((j) => `| ${j.page} | ${j.kb} KB |`),
    );
  lines.push("");
}
writeFileSync("bench/results/latest.md", `${lines.join("\n")}\n`);
process.stdout.write(`\n${lines.join("\n")}\n`);
