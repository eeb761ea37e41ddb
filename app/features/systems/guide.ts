import type { MessageKey } from "../../i18n/translate.ts";

type Values = Record<string, string | string[] | undefined>;
const text = (v: Values, name: string) => {
  const value = v[name];
  return typeof value === "string" ? value.trim() : "";
};

export interface GuideGap {
  /** The form field to fix (its anchor is #f-<field>). */
  field: string;
  message: MessageKey;
}
export interface GuideStep {
  id: "forstevurdering" | "ros" | "dpia" | "dba" | "beslutning";
  done: boolean;
  missing: GuideGap[];
  /** What made the step done, when it was not the service's own field. */
  basis?: MessageKey;
}

/** What the DPIA register says about the service: an approved DPIA, or a screening that needs none. */
export type DpiaBasis = "approved" | "notNeeded" | null;

/**
 * "Kan vi ta i bruk tjenesten?": the five steps the sector follows before a school starts using a
 * digital service, each done or with what is missing, read from the service's saved values. The risk
 * assessment is done when its date is filled in, or when a ROS of the service in /ros is finished; the
 * DPIA step when the service's field says so, or when the DPIA register does (`dpia`).
 */
export function guideSteps(v: Values, rosFinished = false, dpia: DpiaBasis = null): GuideStep[] {
  const step = (id: GuideStep["id"], missing: (GuideGap | false)[]): GuideStep => {
    const gaps = missing.filter((m): m is GuideGap => m !== false);
    return { id, done: gaps.length === 0, missing: gaps };
  };
  const decided = v.status === "i-bruk" || v.status === "avvist";
  return [
    step("forstevurdering", [
      !text(v, "formal") && { field: "formal", message: "systems.guide.missing.purpose" },
      !text(v, "opplysninger") && { field: "opplysninger", message: "systems.guide.missing.personalData" },
      v.databehandler === "usikker" && { field: "databehandler", message: "systems.guide.missing.processor" },
    ]),
    step("ros", [
      !text(v, "rosDato") && !rosFinished && { field: "rosDato", message: "systems.guide.missing.ros" },
    ]),
    {
      ...step("dpia", [
        v.dpia === "ikke-vurdert" && !dpia && { field: "dpia", message: "systems.guide.missing.dpia" },
      ]),
      ...(dpia
        ? { basis: dpia === "approved" ? "systems.guide.dpia.byApproved" : "systems.guide.dpia.byScreening" }
        : v.dpia !== "ikke-vurdert"
          ? { basis: "systems.guide.dpia.byField" }
          : {}),
    } as GuideStep,
    step("dba", [
      v.dba !== "signert" &&
        v.dba !== "ikke-nodvendig" && { field: "dba", message: "systems.guide.missing.dpa" },
    ]),
    step("beslutning", [
      !decided && { field: "status", message: "systems.guide.missing.decision" },
      decided && !text(v, "begrunnelse") && { field: "begrunnelse", message: "systems.guide.missing.reason" },
    ]),
  ];
}

/** A service in use whose supplier processes personal data for the owner: it needs a signed agreement, reviewed in time. */
export const needsAgreement = (v: Values) => v.status === "i-bruk" && v.databehandler === "ja";

/** The agreement's review date of such a service: passed, missing, or fine (null). */
export function reviewState(v: Values, today: string): "passed" | "missing" | null {
  if (!needsAgreement(v)) return null;
  const review = text(v, "dbaGjennomgang");
  if (!review) return "missing";
  return review < today ? "passed" : null;
}

/** What is allowed but unwise, shown on the service's page (never refused). */
export function serviceWarnings(v: Values, today: string): MessageKey[] {
  const warnings: MessageKey[] = [];
  if (needsAgreement(v) && v.dba !== "signert") warnings.push("systems.warning.inUseWithoutDpa");
  if (v.status === "i-bruk" && v.dpia === "nodvendig") warnings.push("systems.warning.dpiaNotDone");
  const review = reviewState(v, today);
  if (review === "passed") warnings.push("systems.warning.reviewPassed");
  if (review === "missing" && v.dba === "signert") warnings.push("systems.warning.reviewMissing");
  return warnings;
}
