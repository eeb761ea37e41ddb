import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { formObject, parseObject, valuesToShow } from "../../lib/forms.ts";
import { listUnits } from "../orgs/owners.server.ts";
import { DATE_FIELDS, MULTI_FIELDS, type ServiceValues, ZService } from "./schemas.ts";

/** The owner's units, which a service can be used by. */
export async function serviceUnits(db: Kysely<Database>, ownerId: string) {
  return (await listUnits(db, ownerId)).map((u) => ({ id: u.id, name: u.name }));
}

export type ServiceCheck =
  | { ok: true; values: ServiceValues; raw: Record<string, string | string[]> }
  | { ok: false; errors: Record<string, string>; values: Record<string, string | string[]> };

/** Reads a posted service form: the schema, then that the chosen units are the owner's. */
export function checkService(form: FormData, units: { id: string }[]): ServiceCheck {
  const raw = formObject(form, MULTI_FIELDS);
  const parsed = parseObject(ZService, raw);
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  const chosen = Array.isArray(raw.enheter) ? raw.enheter : [];
  if (chosen.some((id) => !units.some((u) => u.id === id))) errors.enheter ??= "systems.unknownUnit";
  if (!parsed.ok || Object.keys(errors).length > 0)
    return { ok: false, errors, values: valuesToShow(raw, DATE_FIELDS) };
  return { ok: true, values: parsed.data, raw: valuesToShow(raw, DATE_FIELDS) };
}
