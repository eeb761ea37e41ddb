import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** content/question-bank/bank-lock.json: the SHA-256 of every released version's files. */
export const LOCK_FILE = "content/question-bank/bank-lock.json";

/** One hash over the names and bytes of every file of a version, in name order. */
export function hashVersion(dir: string): string {
  const hash = createHash("sha256");
  for (const name of readdirSync(dir).sort()) {
    hash.update(`${name}\n`);
    hash.update(readFileSync(path.join(dir, name)));
    hash.update("\n");
  }
  return hash.digest("hex");
}

export function readLock(file = LOCK_FILE): Record<string, string> {
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
}
