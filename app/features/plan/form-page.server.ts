import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { formObject, parseObject, valuesToShow } from "../../lib/forms.ts";
import { listProcessings } from "../processing/processing.server.ts";
import { foreignReferences, responsibleCandidates } from "./plan.server.ts";
import { type MeasureValues, ZMeasure } from "./schemas.ts";

/**
 * What the measure form offers: the people a measure can be given to, and the register entries it
 * can be about (the record's processings, the systems register's services, the DPIAs).
 */
export async function measureFormOptions(db: Kysely<Database>, ownerId: string) {
  const [people, processings, services, dpias] = await Promise.all([
    responsibleCandidates(db, ownerId),
    listProcessings(db, ownerId),
    db
      .selectFrom("digital_service")
      .select(["id", "name"])
      .where("owner_id", "=", ownerId)
      .orderBy("name")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("dpia")
      .select(["id", "title as name"])
      .where("owner_id", "=", ownerId)
      .orderBy("title")
      .orderBy("id")
      .execute(),
  ]);
  return {
    people: people.map((p) => ({ id: p.id, name: p.name })),
    processings: processings.map((p) => ({ id: p.id, name: p.name })),
    services,
    dpias,
  };
}
export type MeasureFormOptions = Awaited<ReturnType<typeof measureFormOptions>>;

export type MeasureCheck =
  | { ok: true; values: MeasureValues }
  | { ok: false; errors: Record<string, string>; values: Record<string, string> };

/** Reads a posted measure form: the schema, then that the person and the entry are the owner's. */
export async function checkMeasure(
  db: Kysely<Database>,
  ownerId: string,
  form: FormData,
): Promise<MeasureCheck> {
  const raw = formObject(form, []);
  const parsed = parseObject(ZMeasure, raw);
  const errors = parsed.ok ? await foreignReferences(db, ownerId, parsed.data) : { ...parsed.errors };
  if (!parsed.ok || Object.keys(errors).length > 0)
    return { ok: false, errors, values: valuesToShow(raw, ["frist"]) as Record<string, string> };
  return { ok: true, values: parsed.data };
}
