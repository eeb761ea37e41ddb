import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** The packages the built server loads before it can answer its first request. */
function packagesAtStart(): Record<string, number> {
  return JSON.parse(execFileSync(process.execPath, ["scripts/startup-modules.ts"], { encoding: "utf8" }));
}

describe("start-up", () => {
  it("loads the export writers, the mail transport, better-auth and the PostgreSQL driver only when first used", () => {
    const loaded = packagesAtStart();
    // What the first page needs is there (so the list measures what it claims).
    expect(Object.keys(loaded)).toEqual(
      expect.arrayContaining(["react-dom", "react-router", "kysely", "express"]),
    );
    // Each of these cost start-up time (docx ~1 MB of code, exceljs ~0.3 s, better-auth ~0.4 s).
    const lazy = ["docx", "exceljs", "pdfkit", "nodemailer", "better-auth", "pg", "yaml", "file-type"];
    expect(lazy.filter((name) => name in loaded)).toEqual([]);
  });
});
