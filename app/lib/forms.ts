import { z } from "zod";

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

/**
 * The posted form as an object for Zod, with the named multi-value fields (checkboxes) as arrays,
 * empty when none is ticked. `intent` and `version` are the form's own, not values.
 */
export function formObject(form: FormData, multi: readonly string[]): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of form) {
    if (typeof value !== "string" || key === "intent") continue;
    if (multi.includes(key)) raw[key] = [...((raw[key] as string[] | undefined) ?? []), value];
    else raw[key] = value;
  }
  for (const key of multi) raw[key] ??= [];
  return raw;
}

/** Zod's verdict on such an object: the data, or the first message per field (catalogue keys). */
export function parseObject<S extends z.ZodType>(
  schema: S,
  raw: Record<string, string | string[]>,
): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { ok: false, errors };
}

/** Reads a form's values back for its fields: one text (or ""), or the ticked ones of a group. */
export function fieldReaders(values: Record<string, string | string[]> | undefined) {
  return {
    value: (name: string) => {
      const v = values?.[name];
      return typeof v === "string" ? v : "";
    },
    list: (name: string) => {
      const v = values?.[name];
      return Array.isArray(v) ? v : [];
    },
  };
}

/** A JSON array kept in a text column, as strings; anything else reads as empty. */
export function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

/**
 * A date field: as the date picker sends it (2026-12-03), or as people type it (3.12.2026), read as
 * YYYY-MM-DD; empty stays empty. `message` is the catalogue key for anything else.
 */
export const dateField = (message: string) =>
  z
    .string()
    .trim()
    .transform((v) => {
      const typed = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
      return typed ? `${typed[3]}-${typed[2]?.padStart(2, "0")}-${typed[1]?.padStart(2, "0")}` : v;
    })
    .pipe(z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, message))
    // A day that exists: 31.02 is not read as 3 March.
    .refine((v) => v === "" || new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), message);

const anyDate = dateField("");

/**
 * What to show again in a refused form: what was typed, with a date written the Norwegian way
 * (3.12.2026) in the date picker's form, which is the only one a date field can show.
 */
export function valuesToShow(raw: Record<string, string | string[]>, dateFields: readonly string[]) {
  const shown = { ...raw };
  for (const name of dateFields) {
    const typed = raw[name];
    const date = typeof typed === "string" ? anyDate.safeParse(typed) : null;
    if (date?.success) shown[name] = date.data;
  }
  return shown;
}

/** Checked values back as the text a form shows (numbers as digits). */
export const asFormValues = (values: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v ?? "")]));
