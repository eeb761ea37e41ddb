import { createHash, randomBytes, randomUUID } from "node:crypto";

/** A random, URL-safe single-use token; only its hash is stored. */
export function createToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const newId = () => randomUUID();
