import { z } from "zod";
import { ZEmail } from "../orgs/schemas.ts";

/** A short list of passwords that are always guessed first; length does the rest. */
const COMMON = new Set([
  "passord123",
  "passord1234",
  "password123",
  "password1234",
  "1234567890",
  "qwertyuiop",
  "sommer2025",
  "sommer2026",
  "vinter2026",
  "oppvern123",
  "0123456789",
  "abcdefghij",
]);

export const ZPassword = z
  .string()
  .min(10, "error.password.short")
  .max(200, "error.password.long")
  .refine((p) => !COMMON.has(p.toLowerCase()), "error.password.common")
  .refine((p) => new Set(p).size >= 5, "error.password.repetitive");

export const ZLoginForm = z.object({
  email: ZEmail,
  password: z.string().min(1, "error.password.missing"),
});

export const ZNewAccountForm = z
  .object({
    name: z.string().trim().min(2, "error.name.short").max(120, "error.name.long"),
    email: ZEmail,
    password: ZPassword,
    password2: z.string(),
  })
  .refine((v) => v.password === v.password2, { path: ["password2"], message: "error.password.mismatch" })
  .refine((v) => !v.password.toLowerCase().includes(v.email.split("@")[0] ?? "\u0000"), {
    path: ["password"],
    message: "error.password.containsEmail",
  });

export const ZResetRequestForm = z.object({ email: ZEmail });

export const ZResetForm = z
  .object({ token: z.string().min(1, "error.token"), password: ZPassword, password2: z.string() })
  .refine((v) => v.password === v.password2, { path: ["password2"], message: "error.password.mismatch" });
