import type { SharedRisk } from "../features/shared/shared.server.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { formatDate } from "../lib/time.ts";
import { RiskScore } from "./risk-matrix.tsx";

export interface SharedFrameData {
  scope: string;
  serviceName: string | null;
  serviceSupplier: string | null;
  assessedOn: string | null;
}

/** What a shared assessment is about: the same fields whether previewed by its owner or read by others. */
export function SharedFrame({ frame: f }: { frame: SharedFrameData }) {
  const t = useT();
  const locale = useLocale();
  return (
    <dl className="facts">
      <div>
        <dt>{t("ros.field.scope")}</dt>
        <dd className="pre-line">{f.scope}</dd>
      </div>
      {f.serviceName ? (
        <div>
          <dt>{t("shared.field.service")}</dt>
          <dd>
            {f.serviceName}
            {f.serviceSupplier ? ` (${f.serviceSupplier})` : null}
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t("ros.field.assessed")}</dt>
        <dd>{f.assessedOn ? formatDate(f.assessedOn, locale) : "–"}</dd>
      </div>
    </dl>
  );
}

/** The shared risks, worst first, each as a card that reads on a phone. */
export function SharedRisks({ risks, idPrefix }: { risks: SharedRisk[]; idPrefix: string }) {
  const t = useT();
  const sorted = [...risks].sort((x, y) => y.likelihood * y.consequence - x.likelihood * x.consequence);
  if (sorted.length === 0) return <p className="ds-paragraph">{t("ros.risks.empty")}</p>;
  return (
    <ol className="risk-list">
      {sorted.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a snapshot's risks have no ids and never reorder
        <li key={i}>
          <article className="ds-card stack" aria-labelledby={`${idPrefix}-${i}`}>
            <h3 className="ds-heading" data-size="xs" id={`${idPrefix}-${i}`}>
              {r.threat}
            </h3>
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
                  {r.likelihood_after !== null && r.consequence_after !== null ? (
                    <RiskScore likelihood={r.likelihood_after} consequence={r.consequence_after} />
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
            </dl>
          </article>
        </li>
      ))}
    </ol>
  );
}
