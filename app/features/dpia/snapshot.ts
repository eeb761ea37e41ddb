import type { DpiaConclusion } from "../../db/schema.ts";

/** Everything a reader needs of a DPIA and its risks; an approval keeps one as its version. */
export interface DpiaSnapshot {
  title: string;
  processing: string | null;
  /** The service of the systems register; absent in versions approved before DPIAs named one. */
  service?: string | null;
  /** The service's supplier as the systems register names it; absent in older versions. */
  serviceSupplier?: string | null;
  criteria: string[];
  listItems: string[];
  conclusion: DpiaConclusion;
  screeningNote: string;
  what: string;
  purpose: string;
  who: string;
  dataTypes: string;
  systems: string;
  retention: string;
  necessity: string;
  proportionality: string;
  measures: string;
  advice: string;
  adviceBy: string | null;
  adviceAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  risks: {
    /** The risk's id, to find what has become of it since; absent in older versions. */
    id?: string;
    threat: string;
    likelihood: number;
    consequence: number;
    measure: string;
    likelihoodAfter: number;
    consequenceAfter: number;
  }[];
}

/**
 * That a risk's measure is in the action plan, with the plan's measure for a reader who may read the
 * plan (null for one who may not: they learn only that it is there).
 */
export interface RiskPlan {
  measure: { id: string; title: string } | null;
}

/**
 * Which of a snapshot's risks are in the action plan now, read from the DPIA's risks as they are:
 * by id, or, in a version approved before snapshots kept the ids, by the same threat and measure.
 * A measure put in the plan after the approval counts: that is a plan action, not a change of the
 * DPIA.
 */
export function riskPlans(
  risks: DpiaSnapshot["risks"],
  now: readonly {
    id: string;
    threat: string;
    measure: string;
    plan_measure_id: string | null;
    plan_title: string | null;
  }[],
  canReadPlan: boolean,
): (RiskPlan | null)[] {
  return risks.map((r) => {
    const found = r.id
      ? now.find((n) => n.id === r.id)
      : now.find((n) => n.threat === r.threat && n.measure === r.measure);
    if (!found?.plan_measure_id) return null;
    return {
      measure: canReadPlan ? { id: found.plan_measure_id, title: found.plan_title ?? "" } : null,
    };
  });
}
