import type { DpiaSnapshot, RiskPlan } from "../features/dpia/snapshot.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { RiskForm } from "./dpia-forms.tsx";
import { InPlan, RiskCard } from "./dpia-parts.tsx";
import { type RefusedFor, Section } from "./dpia-section.tsx";
import { Notice } from "./form.tsx";

export interface RiskRow {
  id: string;
  values: Record<string, string>;
  /** That the risk's measure went into the action plan, and which measure for a reader of the plan. */
  plan: RiskPlan | null;
}

/**
 * The risks, each with its level before and after, a form to change or remove it, and the way into
 * the action plan (for those who own the plan); then a form for a new one.
 */
export function DpiaRisks(props: {
  risks: RiskRow[];
  snapshot: DpiaSnapshot["risks"];
  version: string;
  canPlan: boolean;
  refusedFor: RefusedFor;
  savedHere: React.ReactNode;
}) {
  const t = useT();
  const fresh = props.refusedFor("risiko-ny");
  return (
    <Section id="risikoer" title="dpia.section.risks" lead="dpia.lead.risks">
      {props.savedHere}
      {props.risks.length === 0 ? <p className="ds-paragraph">{t("dpia.risk.none")}</p> : null}
      <ol className="dpia-risks stack">
        {props.risks.map((r, i) => {
          const refused = props.refusedFor("risiko-endre", r.id) ?? props.refusedFor("risiko-slett", r.id);
          const planRefused = props.refusedFor("til-plan", r.id);
          const v = props.snapshot[i];
          if (!v) return null;
          return (
            <RiskCard key={r.id} risk={v} id={`risiko-${r.id}`}>
              <InPlan plan={r.plan} />
              {planRefused?.message ? (
                <Notice color="danger">{t(planRefused.message as MessageKey)}</Notice>
              ) : null}
              {props.canPlan && !r.plan && v.measure.trim() ? (
                <form method="post" action={`#risiko-${r.id}`}>
                  <input type="hidden" name="intent" value="til-plan" />
                  <input type="hidden" name="risiko" value={r.id} />
                  <button type="submit" className="ds-button" data-variant="secondary">
                    {t("dpia.risk.toPlan")}
                    <span className="ds-sr-only">: {v.threat}</span>
                  </button>
                </form>
              ) : null}
              <details className="ds-details" open={Boolean(refused)}>
                <summary className="ds-details-summary">{t("dpia.risk.edit", { number: i + 1 })}</summary>
                <div className="ds-details-content">
                  <RiskForm
                    intent="risiko-endre"
                    riskId={r.id}
                    values={refused?.values ?? r.values}
                    errors={refused?.errors}
                    message={refused?.message}
                    idPrefix={`r${i + 1}`}
                    anchor="risikoer"
                    submitLabel={t("dpia.risk.save")}
                  />
                </div>
              </details>
            </RiskCard>
          );
        })}
      </ol>
      <h3 className="ds-heading" data-size="sm" id="ny-risiko">
        {t("dpia.risk.add")}
      </h3>
      <RiskForm
        intent="risiko-ny"
        values={
          fresh?.values ?? {
            sannsynlighet: "3",
            konsekvens: "3",
            "sannsynlighet-etter": "2",
            "konsekvens-etter": "3",
            version: props.version,
          }
        }
        errors={fresh?.errors}
        message={fresh?.message}
        idPrefix="rn"
        anchor="ny-risiko"
        submitLabel={t("dpia.risk.addButton")}
      />
    </Section>
  );
}
