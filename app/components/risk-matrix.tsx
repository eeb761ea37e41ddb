import { matrixCounts, type Rated, riskLevel, SCALE } from "../features/ros/scale.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { ScrollTable } from "./scroll-table.tsx";

/**
 * The 5 × 5 matrix: how many risks sit at each likelihood (columns) and consequence (rows, the
 * worst at the top), before or after the measures. Each cell names its level in words as well
 * as in colour (WCAG 1.4.1).
 */
export function RiskMatrix({ risks, when }: { risks: Rated[]; when: "before" | "after" }) {
  const t = useT();
  const counts = matrixCounts(risks, when);
  const label = t(when === "before" ? "ros.matrix.before" : "ros.matrix.after");
  return (
    <ScrollTable label={label}>
      <thead>
        <tr>
          <th scope="col">{t("ros.matrix.corner")}</th>
          {SCALE.map((l) => (
            <th scope="col" key={l}>
              {l} <span className="cell-note">{t(`ros.likelihood.${l}` as MessageKey)}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="risk-matrix">
        {[...SCALE].reverse().map((c) => (
          <tr key={c}>
            <th scope="row">
              {c} <span className="cell-note">{t(`ros.consequence.${c}` as MessageKey)}</span>
            </th>
            {SCALE.map((l) => {
              const count = counts[c - 1]?.[l - 1] ?? 0;
              const level = riskLevel(l * c);
              return (
                <td key={l} data-level={level}>
                  <strong>{count > 0 ? count : ""}</strong>
                  <span className="cell-note">{t(`ros.level.${level}` as MessageKey)}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** A risk's level as words and numbers, each number named: "Høy (sannsynlighet 4 × konsekvens 4 = 16)". */
export function RiskScore({ likelihood, consequence }: { likelihood: number; consequence: number }) {
  const t = useT();
  const score = likelihood * consequence;
  const level = t(`ros.level.${riskLevel(score)}` as MessageKey);
  return (
    <span className="risk-score" data-level={riskLevel(score)}>
      {t("risk.score", { level, likelihood, consequence, score })}
    </span>
  );
}

/** The two matrices side by side (one above the other on a phone): before and after the measures. */
export function RiskMatrices({ risks }: { risks: Rated[] }) {
  const t = useT();
  return (
    <div className="matrix-pair">
      {(["before", "after"] as const).map((when) => (
        <div className="stack" key={when}>
          <h3 className="ds-heading" data-size="xs">
            {t(when === "before" ? "ros.matrix.before" : "ros.matrix.after")}
          </h3>
          <RiskMatrix risks={risks} when={when} />
        </div>
      ))}
    </div>
  );
}
