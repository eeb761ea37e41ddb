import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { Events, OAuth2Server } from "oauth2-mock-server";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });

let child: ChildProcess | null = null;
let dataDir = "";
let idp: OAuth2Server | null = null;

/** The person the mock Feide signs in: the demo's leder, with an e-mail Feide vouches for. */
export const FEIDE_PERSON = { sub: "e2e-feide-leder", email: "leder@demo.oppvern.no", email_verified: true };

/** A mock OpenID provider on 127.0.0.1 standing in for Feide (sso.e2e.ts); it runs in this process. */
async function startMockFeide() {
  idp = new OAuth2Server();
  await idp.issuer.keys.generate("RS256");
  await idp.start(0, "127.0.0.1");
  idp.service.on(Events.BeforeTokenSigning, (token) => {
    Object.assign(token.payload, FEIDE_PERSON);
  });
  return idp.issuer.url ?? "";
}

/** Starts the real production server in demo mode on a fresh SQLite database. */
export async function setup(project: TestProject) {
  const port = await freePort();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "oppvern-e2e-"));
  const baseUrl = `http://127.0.0.1:${port}`;
  const feideIssuer = await startMockFeide();
  child = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      OPPVERN_DEMO: "1",
      PUBLIC_URL: baseUrl,
      LOG_LEVEL: "warn",
      LOGIN_ATTEMPTS_PER_MINUTE: "200",
      OIDC_FEIDE_ISSUER: feideIssuer,
      OIDC_FEIDE_CLIENT_ID: "oppvern-e2e",
      OIDC_FEIDE_CLIENT_SECRET: "e2e-hemmelig",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += String(chunk);
  });
  const started = Date.now();
  while (Date.now() - started < 30_000) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  if (!output.includes("koordinator@demo.oppvern.no")) {
    await new Promise((r) => setTimeout(r, 500));
  }
  project.provide("baseUrl", baseUrl);
}

export async function teardown() {
  if (child) {
    child.kill("SIGTERM");
    await new Promise((r) => child?.once("exit", r));
  }
  await idp?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
