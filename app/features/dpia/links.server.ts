import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { MessageKey, TFunction } from "../../i18n/translate.ts";
import { writeAudit } from "../audit/write-audit.server.ts";
import { createMeasure } from "../plan/plan.server.ts";
import { planConsequence } from "../ros/ros.server.ts";
import { riskLevel } from "./criteria.ts";

type Db = Kysely<Database>;

/** One risk of one of the owner's DPIAs (else undefined, which the page turns into 404). */
export function getDpiaRisk(db: Db, ownerId: string, dpiaId: string, riskId: string) {
  return db
    .selectFrom("dpia_risk")
    .selectAll()
    .where("owner_id", "=", ownerId)
    .where("dpia_id", "=", dpiaId)
    .where("id", "=", riskId)
    .executeTakeFirst();
}

/** Thrown inside the transaction when another post put the risk in the plan first: nothing is kept. */
class AlreadyInPlan extends Error {}

/**
 * Puts a DPIA risk's measure into the action plan as a measure of the plan, tied to the DPIA's
 * processing, and the risk points to it, all in one transaction. A risk goes in once: a second ask
 * (even one racing the first) answers "already" with the measure it went into.
 */
export async function dpiaRiskToPlan(
  db: Db,
  options: {
    ownerId: string;
    dpia: { id: string; title: string; processing_id: string | null; service_id: string | null };
    riskId: string;
    userId: string;
    t: TFunction;
  },
): Promise<{ measureId: string; already: boolean } | "not-found" | "no-measure"> {
  const { ownerId, dpia } = options;
  const risk = await getDpiaRisk(db, ownerId, dpia.id, options.riskId);
  if (!risk) return "not-found";
  if (risk.plan_measure_id) return { measureId: risk.plan_measure_id, already: true };
  if (!risk.measure.trim()) return "no-measure";
  const before = risk.likelihood * risk.consequence;
  const after = risk.likelihood_after * risk.consequence_after;
  const origin = options.t("dpia.planDescription", {
    dpia: dpia.title,
    threat: risk.threat,
    before,
    after,
    level: options.t(`dpia.level.${riskLevel(before)}` as MessageKey),
  });
  const [first = "", ...rest] = risk.measure.trim().split("\n");
  const more = rest.join("\n").trim();
  try {
    const measureId = await createMeasure(db, {
      ownerId,
      userId: options.userId,
      values: {
        tittel: (first.trim() || risk.threat).slice(0, 300),
        beskrivelse: (more ? `${origin}\n\n${more}` : origin).slice(0, 4000),
        ansvarlig: "",
        frist: "",
        status: "ikke-startet",
        innsats: "middels",
        konsekvens: planConsequence(risk.consequence),
        fremdrift: "",
        behandling: dpia.processing_id ?? "",
        system: dpia.service_id ?? "",
        dpia: dpia.id,
        begrunnelse: "",
        effekt: "",
        version: 0,
      },
      link: async (tx, id) => {
        const linked = await tx
          .updateTable("dpia_risk")
          .set({ plan_measure_id: id })
          .where("owner_id", "=", ownerId)
          .where("id", "=", risk.id)
          .where("plan_measure_id", "is", null)
          .executeTakeFirst();
        if (Number(linked.numUpdatedRows) === 0) throw new AlreadyInPlan();
        await writeAudit(tx, {
          actorUserId: options.userId,
          tenantId: ownerId,
          action: "dpia.risk.toPlan",
          entity: "dpia",
          entityId: dpia.id,
          details: { risk: risk.id, measure: id },
        });
      },
    });
    return { measureId, already: false };
  } catch (error) {
    if (!(error instanceof AlreadyInPlan)) throw error;
    const now = await getDpiaRisk(db, ownerId, dpia.id, risk.id);
    return now?.plan_measure_id ? { measureId: now.plan_measure_id, already: true } : "not-found";
  }
}

/** The DPIA risk a plan measure came from, if any: for the measure's page. */
export function dpiaRiskOfMeasure(db: Db, ownerId: string, measureId: string) {
  return db
    .selectFrom("dpia_risk")
    .innerJoin("dpia", "dpia.id", "dpia_risk.dpia_id")
    .select(["dpia_risk.id", "dpia_risk.threat", "dpia.id as dpia_id", "dpia.title"])
    .where("dpia_risk.owner_id", "=", ownerId)
    .where("dpia_risk.plan_measure_id", "=", measureId)
    .executeTakeFirst();
}

/** The owner's services a DPIA can be about, by name. */
export function serviceOptions(db: Db, ownerId: string) {
  return db
    .selectFrom("digital_service")
    .select(["id", "name"])
    .where("owner_id", "=", ownerId)
    .orderBy("name")
    .execute();
}

export async function isOwnService(db: Db, ownerId: string, id: string) {
  const found = await db
    .selectFrom("digital_service")
    .select("id")
    .where("owner_id", "=", ownerId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Boolean(found);
}

/** The owner's DPIAs of one service, newest change first: for the service's page and guide. */
export function dpiasOfService(db: Db, ownerId: string, serviceId: string) {
  return db
    .selectFrom("dpia")
    .select(["id", "title", "status", "conclusion", "approved_at"])
    .where("owner_id", "=", ownerId)
    .where("service_id", "=", serviceId)
    .orderBy("updated_at", "desc")
    .execute();
}

/**
 * Why the service's DPIA step is done, read from its DPIAs: one has been approved (a later change
 * leaves the approved version in force), or a screening of it concludes that none is needed (a
 * screening is saved whole, so a saved one is a finished one).
 */
export function dpiaBasis(
  dpias: readonly { approved_at: string | null; conclusion: string }[],
): "approved" | "notNeeded" | null {
  if (dpias.some((d) => d.approved_at !== null)) return "approved";
  if (dpias.some((d) => d.conclusion === "ikke")) return "notNeeded";
  return null;
}
