import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { formObject, parseObject } from "../../lib/forms.ts";
import type { Actor } from "../policy/policy.server.ts";
import {
  approveDpia,
  askForAdvice,
  isOwnProcessing,
  type Outcome,
  type Section,
  saveRisk,
  saveSection,
} from "./dpia.server.ts";
import { isOwnService } from "./links.server.ts";
import { ZAdvice, ZDescription, ZMeasures, ZNecessity, ZRisk, ZScreening, ZVersionOnly } from "./schemas.ts";

/** Does this person hold the given role on the owner itself (not only through a unit)? */
export const hasOwnerRole = (actor: Actor, ownerId: string, role: "koordinator" | "personvernombud") =>
  actor.memberships.some((m) => m.kind === "eier" && m.ownerId === ownerId && m.role === role);

export type FormValues = Record<string, string | string[]>;

export type Checked<T> =
  | { ok: true; values: T }
  | { ok: false; errors: Record<string, string>; values: FormValues };

/** Reads the screening form: the schema, then that the processing and the service are the owner's. */
export async function checkScreening(db: Kysely<Database>, ownerId: string, form: FormData) {
  const raw = formObject(form, ["kriterier", "liste"]);
  const parsed = parseObject(ZScreening, raw);
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  if (parsed.ok && parsed.data.behandling && !(await isOwnProcessing(db, ownerId, parsed.data.behandling)))
    errors.behandling = "dpia.error.unknownProcessing";
  if (parsed.ok && parsed.data.tjeneste && !(await isOwnService(db, ownerId, parsed.data.tjeneste)))
    errors.tjeneste = "dpia.error.unknownService";
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false as const, errors, values: raw };
  return { ok: true as const, values: parsed.data };
}

const SECTION_SCHEMAS = {
  beskrivelse: ZDescription,
  nodvendighet: ZNecessity,
  tiltak: ZMeasures,
  rad: ZAdvice,
} as const;

export const INTENTS = [
  "screening",
  "beskrivelse",
  "nodvendighet",
  "tiltak",
  "rad",
  "risiko-ny",
  "risiko-endre",
  "risiko-slett",
  "til-rad",
  "godkjenn",
] as const;
export type Intent = (typeof INTENTS)[number];

/** What a refused post answers: the section, what was typed, and why. */
export interface Refusal {
  intent: Intent;
  riskId: string | null;
  errors: Record<string, string>;
  values: FormValues;
  message: string | null;
  status: 400 | 404 | 409;
}

/**
 * One post to a DPIA's page: which section, who may send it, the section's schema, the save. Gives
 * null when saved, or what to show again. The koordinator asks for advice and approves; only the
 * owner's personvernombud writes the advice; both edit the rest.
 */
export async function handleDpiaPost(
  db: Kysely<Database>,
  who: { actor: Actor; ownerId: string; id: string; canManage: boolean },
  form: FormData,
): Promise<Refusal | null> {
  const intent = String(form.get("intent") ?? "") as Intent;
  const riskId = typeof form.get("risiko") === "string" ? String(form.get("risiko")) : null;
  const refuse = (status: Refusal["status"], rest: Partial<Refusal> = {}): Refusal => ({
    intent,
    riskId,
    errors: {},
    values: {},
    message: null,
    status,
    ...rest,
  });
  const isCoordinator = hasOwnerRole(who.actor, who.ownerId, "koordinator");
  const isDpo = hasOwnerRole(who.actor, who.ownerId, "personvernombud");
  const allowed =
    INTENTS.includes(intent) &&
    who.canManage &&
    (intent === "rad" ? isDpo : intent === "til-rad" || intent === "godkjenn" ? isCoordinator : true);
  if (!allowed) return refuse(404);
  const change = { ownerId: who.ownerId, id: who.id, userId: who.actor.userId };
  const raw = formObject(form, ["kriterier", "liste"]);
  let outcome: Outcome | "no-advice";
  if (intent === "screening") {
    const checked = await checkScreening(db, who.ownerId, form);
    if (!checked.ok) return refuse(400, { errors: checked.errors, values: checked.values });
    outcome = await saveSection(db, {
      ...change,
      version: checked.values.version,
      section: "screening",
      values: checked.values,
    });
  } else if (intent in SECTION_SCHEMAS) {
    const section = intent as keyof typeof SECTION_SCHEMAS;
    const parsed = parseObject(SECTION_SCHEMAS[section], raw);
    if (!parsed.ok) return refuse(400, { errors: parsed.errors, values: raw });
    outcome = await saveSection(db, {
      ...change,
      version: parsed.data.version,
      section: section as Section,
      values: parsed.data,
    });
  } else if (intent === "risiko-ny" || intent === "risiko-endre") {
    const parsed = parseObject(ZRisk, raw);
    if (!parsed.ok) return refuse(400, { errors: parsed.errors, values: raw });
    if (intent === "risiko-endre" && !riskId) return refuse(404);
    outcome = await saveRisk(db, {
      ...change,
      version: parsed.data.version,
      riskId: intent === "risiko-endre" ? riskId : null,
      values: parsed.data,
    });
  } else {
    // A version that is not a number matches none, and is refused as stale.
    const version = ZVersionOnly.safeParse({ version: raw.version }).data?.version ?? -1;
    outcome =
      intent === "risiko-slett"
        ? riskId
          ? await saveRisk(db, { ...change, version, riskId, values: null })
          : "not-found"
        : intent === "til-rad"
          ? await askForAdvice(db, { ...change, version })
          : await approveDpia(db, { ...change, version });
  }
  if (outcome === "saved") return null;
  if (outcome === "not-found") return refuse(404);
  if (outcome === "no-advice") return refuse(400, { message: "dpia.error.adviceFirst", values: raw });
  // Nothing typed to keep when approving, asking for advice or removing: look again first.
  const typed = !["godkjenn", "til-rad", "risiko-slett"].includes(intent);
  return refuse(409, { message: typed ? "dpia.conflict" : "dpia.conflictLookAgain", values: raw });
}
