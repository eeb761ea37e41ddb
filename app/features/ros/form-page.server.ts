import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { formObject, parseObject, valuesToShow } from "../../lib/forms.ts";
import { foreignReferences } from "./ros.server.ts";
import { type AssessmentValues, type RiskValues, ZAssessment, ZRisk } from "./schemas.ts";

type Check<T> =
  | { ok: true; values: T }
  | { ok: false; errors: Record<string, string>; values: Record<string, string> };

/** Reads a posted assessment form: the schema, then that the processing and the service are the owner's. */
export async function checkAssessment(
  db: Kysely<Database>,
  ownerId: string,
  form: FormData,
): Promise<Check<AssessmentValues>> {
  const raw = formObject(form, []);
  const parsed = parseObject(ZAssessment, raw);
  const errors = parsed.ok ? await foreignReferences(db, ownerId, parsed.data) : parsed.errors;
  if (!parsed.ok || Object.keys(errors).length > 0)
    return {
      ok: false,
      errors,
      values: valuesToShow(raw, ["vurdert", "revisjon"]) as Record<string, string>,
    };
  return { ok: true, values: parsed.data };
}

/** Reads a posted risk form. */
export function checkRisk(form: FormData): Check<RiskValues> {
  const raw = formObject(form, []);
  const parsed = parseObject(ZRisk, raw);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, values: raw as Record<string, string> };
  return { ok: true, values: parsed.data };
}

/** What the assessment form offers: the owner's processings and services. */
export async function assessmentFormOptions(db: Kysely<Database>, ownerId: string) {
  const [processings, services] = await Promise.all([
    db
      .selectFrom("processing")
      .select(["id", "name"])
      .where("owner_id", "=", ownerId)
      .orderBy("name")
      .execute(),
    db
      .selectFrom("digital_service")
      .select(["id", "name"])
      .where("owner_id", "=", ownerId)
      .orderBy("name")
      .execute(),
  ]);
  return { processings, services };
}
