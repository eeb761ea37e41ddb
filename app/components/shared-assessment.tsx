import type { SharedRisk } from "../features/shared/shared.server.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { formatDate } from "../lib/time.ts";
import { RiskFacts } from "./risk-facts.tsx";

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
            <RiskFacts
              risk={r}
              after={
                r.likelihood_after !== null && r.consequence_after !== null
                  ? { likelihood: r.likelihood_after, consequence: r.consequence_after }
                  : null
              }
            />
          </article>
        </li>
      ))}
    </ol>
  );
}
