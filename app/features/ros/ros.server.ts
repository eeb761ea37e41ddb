import type { Kysely } from "kysely";
import type { Database, RiskAssessmentTable, RosRiskTable } from "../../db/schema.ts";
import type { MessageKey, TFunction } from "../../i18n/translate.ts";
import { nowIso } from "../../lib/time.ts";
import { newId } from "../../lib/tokens.server.ts";
import { changedFields, saveVersioned, writeAudit } from "../audit/write-audit.server.ts";
import { createMeasure } from "../plan/plan.server.ts";
import { riskLevel, scoreAfter, scoreBefore } from "./scale.ts";
import type { AssessmentValues, RiskValues } from "./schemas.ts";

type Db = Kysely<Database>;

/** The form's fields and the columns they are kept in. */
const ASSESSMENT_COLUMNS = {
  tittel: "title",
  omfang: "scope",
  behandling: "processing_id",
  tjeneste: "service_id",
  deltakere: "participants",
  vurdert: "assessed_on",
  revisjon: "review_on",
  status: "status",
} as const;

const RISK_COLUMNS = {
  trussel: "threat",
  arsak: "cause",
  eksisterende: "existing",
  sannsynlighet: "likelihood",
  konsekvens: "consequence",
  tiltak: "measure",
  sannsynlighetEtter: "likelihood_after",
  konsekvensEtter: "consequence_after",
} as const;

const assessmentColumns = (v: AssessmentValues) => ({
  title: v.tittel,
  scope: v.omfang,
  processing_id: v.behandling || null,
  service_id: v.tjeneste || null,
  participants: v.deltakere,
  assessed_on: v.vurdert || null,
  review_on: v.revisjon || null,
  status: v.status,
});

const riskColumns = (v: RiskValues) => ({
  threat: v.trussel,
  cause: v.arsak,
  existing: v.eksisterende,
  likelihood: v.sannsynlighet,
  consequence: v.konsekvens,
  measure: v.tiltak,
  likelihood_after: v.sannsynlighetEtter,
  consequence_after: v.konsekvensEtter,
});

/** The owner's risk assessments, newest change first, with their number of risks and top scores. */
export async function listAssessments(db: Db, ownerId: string) {
  const [assessments, risks] = await Promise.all([
    db
      .selectFrom("risk_assessment")
      .leftJoin("processing", "processing.id", "risk_assessment.processing_id")
      .leftJoin("digital_service", "digital_service.id", "risk_assessment.service_id")
      .selectAll("risk_assessment")
      .select(["processing.name as processing_name", "digital_service.name as service_name"])
      .where("risk_assessment.owner_id", "=", ownerId)
      .orderBy("risk_assessment.updated_at", "desc")
      .execute(),
    db
      .selectFrom("ros_risk")
      .select(["assessment_id", "likelihood", "consequence", "likelihood_after", "consequence_after"])
      .where("owner_id", "=", ownerId)
      .execute(),
  ]);
  const byAssessment = Map.groupBy(risks, (r) => r.assessment_id);
  return assessments.map((a) => {
    const own = byAssessment.get(a.id) ?? [];
    return {
      ...a,
      risks: own.length,
      topBefore: Math.max(0, ...own.map(scoreBefore)),
      topAfter: Math.max(0, ...own.map(scoreAfter)),
    };
  });
}

/** One assessment, only when it is the owner's (else undefined, which the page turns into 404). */
export function getAssessment(db: Db, ownerId: string, id: string) {
  return db
    .selectFrom("risk_assessment")
    .leftJoin("processing", "processing.id", "risk_assessment.processing_id")
    .leftJoin("digital_service", "digital_service.id", "risk_assessment.service_id")
    .selectAll("risk_assessment")
    .select(["processing.name as processing_name", "digital_service.name as service_name"])
    .where("risk_assessment.owner_id", "=", ownerId)
    .where("risk_assessment.id", "=", id)
    .executeTakeFirst();
}

/** An assessment's risks in the order they were added, with the plan measure each went into. */
export function listRisks(db: Db, ownerId: string, assessmentId: string) {
  return db
    .selectFrom("ros_risk")
    .leftJoin("plan_measure", "plan_measure.id", "ros_risk.plan_measure_id")
    .selectAll("ros_risk")
    .select(["plan_measure.title as plan_title", "plan_measure.status as plan_status"])
    .where("ros_risk.owner_id", "=", ownerId)
    .where("ros_risk.assessment_id", "=", assessmentId)
    .orderBy("ros_risk.created_at")
    .orderBy("ros_risk.id")
    .execute();
}

export function getRisk(db: Db, ownerId: string, assessmentId: string, id: string) {
  return db
    .selectFrom("ros_risk")
    .selectAll()
    .where("owner_id", "=", ownerId)
    .where("assessment_id", "=", assessmentId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The processing and the service a form names must be the owner's: the fields' messages when not. */
export async function foreignReferences(db: Db, ownerId: string, v: AssessmentValues) {
  const wrong: Record<string, string> = {};
  const [processing, service] = await Promise.all([
    v.behandling
      ? db
          .selectFrom("processing")
          .select("id")
          .where("owner_id", "=", ownerId)
          .where("id", "=", v.behandling)
          .executeTakeFirst()
      : true,
    v.tjeneste
      ? db
          .selectFrom("digital_service")
          .select("id")
          .where("owner_id", "=", ownerId)
          .where("id", "=", v.tjeneste)
          .executeTakeFirst()
      : true,
  ]);
  if (!processing) wrong.behandling = "ros.unknownProcessing";
  if (!service) wrong.tjeneste = "ros.unknownService";
  return wrong;
}

/** The owner's risk assessments of one service, newest first: for the service's guide. */
export function assessmentsOfService(db: Db, ownerId: string, serviceId: string) {
  return db
    .selectFrom("risk_assessment")
    .select(["id", "title", "status", "assessed_on"])
    .where("owner_id", "=", ownerId)
    .where("service_id", "=", serviceId)
    .orderBy("updated_at", "desc")
    .execute();
}

export async function createAssessment(
  db: Db,
  options: { ownerId: string; userId: string; values: AssessmentValues },
) {
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("risk_assessment")
      .values({
        ...assessmentColumns(options.values),
        id,
        owner_id: options.ownerId,
        version: 1,
        created_at: now,
        updated_at: now,
        updated_by: options.userId,
      })
      .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "ros.create",
      entity: "risk_assessment",
      entityId: id,
    });
  });
  return id;
}

/** Saves the frame when nobody saved it since the form was read (its version); audited by field. */
export async function saveAssessment(
  db: Db,
  options: { ownerId: string; id: string; userId: string; values: AssessmentValues },
): Promise<"saved" | "conflict" | "not-found"> {
  return saveVersioned(db, {
    table: "risk_assessment",
    ownerId: options.ownerId,
    id: options.id,
    userId: options.userId,
    version: options.values.version,
    fields: ASSESSMENT_COLUMNS,
    columns: assessmentColumns(options.values),
    action: "ros.update",
  });
}

/** A change to a risk also marks its assessment as changed (the list is newest change first). */
async function touch(db: Db, ownerId: string, assessmentId: string, userId: string) {
  await db
    .updateTable("risk_assessment")
    .set({ updated_at: nowIso(), updated_by: userId })
    .where("owner_id", "=", ownerId)
    .where("id", "=", assessmentId)
    .execute();
}

export async function addRisk(
  db: Db,
  options: { ownerId: string; assessmentId: string; userId: string; values: RiskValues },
) {
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("ros_risk")
      .values({
        ...riskColumns(options.values),
        id,
        owner_id: options.ownerId,
        assessment_id: options.assessmentId,
        plan_measure_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await touch(tx, options.ownerId, options.assessmentId, options.userId);
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "ros.risk.create",
      entity: "ros_risk",
      entityId: id,
    });
  });
  return id;
}

export async function saveRisk(
  db: Db,
  options: { ownerId: string; assessmentId: string; id: string; userId: string; values: RiskValues },
): Promise<"saved" | "not-found"> {
  const columns = riskColumns(options.values);
  return db.transaction().execute(async (tx) => {
    const before = await getRisk(tx, options.ownerId, options.assessmentId, options.id);
    if (!before) return "not-found";
    await tx
      .updateTable("ros_risk")
      .set({ ...columns, updated_at: nowIso() })
      .where("owner_id", "=", options.ownerId)
      .where("id", "=", options.id)
      .execute();
    await touch(tx, options.ownerId, options.assessmentId, options.userId);
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "ros.risk.update",
      entity: "ros_risk",
      entityId: options.id,
      details: { fields: changedFields(RISK_COLUMNS, before, columns) },
    });
    return "saved";
  });
}

export async function removeRisk(
  db: Db,
  options: { ownerId: string; assessmentId: string; id: string; userId: string },
): Promise<"removed" | "not-found"> {
  return db.transaction().execute(async (tx) => {
    const result = await tx
      .deleteFrom("ros_risk")
      .where("owner_id", "=", options.ownerId)
      .where("assessment_id", "=", options.assessmentId)
      .where("id", "=", options.id)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return "not-found";
    await touch(tx, options.ownerId, options.assessmentId, options.userId);
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "ros.risk.delete",
      entity: "ros_risk",
      entityId: options.id,
    });
    return "removed";
  });
}

/** The plan's consequence (1–3) for a risk's consequence (1–5): 1–2 small, 3 moderate, 4–5 serious. */
export const planConsequence = (consequence: number) => (consequence <= 2 ? 1 : consequence === 3 ? 2 : 3);

/**
 * Puts a risk's measure into the action plan: a measure in the plan with the risk's words (in the
 * language of `t`), tied to the assessment's processing, and the risk points to it. A risk goes in
 * once; a second ask answers "already" with the measure it went into.
 */
export async function riskToPlan(
  db: Db,
  options: {
    ownerId: string;
    assessment: Pick<RiskAssessmentTable, "id" | "title" | "processing_id" | "service_id">;
    risk: RosRiskTable;
    userId: string;
    t: TFunction;
  },
): Promise<{ measureId: string; already: boolean }> {
  const { risk, assessment } = options;
  if (risk.plan_measure_id) return { measureId: risk.plan_measure_id, already: true };
  const title = (risk.measure.split("\n")[0] ?? "").trim() || risk.threat;
  const measureId = await createMeasure(db, {
    ownerId: options.ownerId,
    userId: options.userId,
    values: {
      tittel: title.slice(0, 300),
      beskrivelse: describeForPlan(risk, assessment.title, options.t).slice(0, 4000),
      ansvarlig: "",
      frist: "",
      status: "ikke-startet",
      innsats: "middels",
      konsekvens: planConsequence(risk.consequence),
      fremdrift: "",
      behandling: assessment.processing_id ?? "",
      system: assessment.service_id ?? "",
      dpia: "",
      begrunnelse: "",
      effekt: "",
      version: 0,
    },
    link: async (tx, id) => {
      await tx
        .updateTable("ros_risk")
        .set({ plan_measure_id: id })
        .where("owner_id", "=", options.ownerId)
        .where("id", "=", risk.id)
        .execute();
    },
  });
  return { measureId, already: false };
}

/** Where a measure from a risk came from, its level before and after, and the rest of its text. */
function describeForPlan(risk: RosRiskTable, assessmentTitle: string, t: TFunction) {
  const origin = t("ros.planDescription", {
    assessment: assessmentTitle,
    threat: risk.threat,
    before: scoreBefore(risk),
    after: scoreAfter(risk),
    level: t(`ros.level.${riskLevel(scoreBefore(risk))}` as MessageKey),
  });
  const rest = risk.measure.split("\n").slice(1).join("\n").trim();
  return rest ? `${origin}\n\n${rest}` : origin;
}

/** The ROS risk a plan measure came from, if any: for the measure's page. */
export function riskOfMeasure(db: Db, ownerId: string, measureId: string) {
  return db
    .selectFrom("ros_risk")
    .innerJoin("risk_assessment", "risk_assessment.id", "ros_risk.assessment_id")
    .select([
      "ros_risk.id",
      "ros_risk.threat",
      "risk_assessment.id as assessment_id",
      "risk_assessment.title",
    ])
    .where("ros_risk.owner_id", "=", ownerId)
    .where("ros_risk.plan_measure_id", "=", measureId)
    .executeTakeFirst();
}

/** An assessment's values as its form shows them. */
export const assessmentValues = (a: RiskAssessmentTable): Record<string, string> => ({
  tittel: a.title,
  omfang: a.scope,
  behandling: a.processing_id ?? "",
  tjeneste: a.service_id ?? "",
  deltakere: a.participants,
  vurdert: a.assessed_on ?? "",
  revisjon: a.review_on ?? "",
  status: a.status,
  version: String(a.version),
});

/** A risk's values as its form shows them. */
export const riskValues = (r: RosRiskTable): Record<string, string> => ({
  trussel: r.threat,
  arsak: r.cause,
  eksisterende: r.existing,
  sannsynlighet: String(r.likelihood),
  konsekvens: String(r.consequence),
  tiltak: r.measure,
  sannsynlighetEtter: r.likelihood_after === null ? "" : String(r.likelihood_after),
  konsekvensEtter: r.consequence_after === null ? "" : String(r.consequence_after),
});
