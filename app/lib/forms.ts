import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export type ParsedForm<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Values to put back into the form; passwords are never sent back. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !/password|passord/i.test(key)) values[key] = value;
  }
  return values;
}

/**
 * Validates a posted form with a Zod schema whose messages are message-catalogue keys.
 * On failure it returns the first message per field, and what the user typed.
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): ParsedForm<z.infer<S>> {
  const raw: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") raw[key] = value;
  const values = formValues(formData);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values };
}
