import type { ReactNode } from "react";
import { useT } from "../i18n/use-t.ts";
import { RiskScore } from "./risk-matrix.tsx";

/** A risk's values and words as a list of facts: before and after the measure, cause, what prevents it now, the measure. */
export function RiskFacts({
  risk: r,
  after,
  children,
}: {
  risk: { likelihood: number; consequence: number; cause: string; existing: string; measure: string };
  /** The judgement after the measure, or null when none is made. */
  after: { likelihood: number; consequence: number } | null;
  /** More facts at the end (e.g. the measure in the action plan). */
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <dl className="facts">
      <div>
        <dt>{t("ros.before")}</dt>
        <dd>
          <RiskScore likelihood={r.likelihood} consequence={r.consequence} />
        </dd>
      </div>
      <div>
        <dt>{t("ros.after")}</dt>
        <dd>
          {after ? (
            <RiskScore likelihood={after.likelihood} consequence={after.consequence} />
          ) : (
            t("ros.notJudged")
          )}
        </dd>
      </div>
      {r.cause ? (
        <div>
          <dt>{t("ros.field.cause")}</dt>
          <dd className="pre-line">{r.cause}</dd>
        </div>
      ) : null}
      {r.existing ? (
        <div>
          <dt>{t("ros.field.existing")}</dt>
          <dd className="pre-line">{r.existing}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t("ros.field.measure")}</dt>
        <dd className="pre-line">{r.measure || t("ros.noMeasure")}</dd>
      </div>
      {children}
    </dl>
  );
}
