import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { TextFacts } from "./dpia-parts.tsx";

/** What a refused post to a DPIA's page answers: the form it came from, what was typed, and why. */
export interface Refused {
  intent: string;
  riskId: string | null;
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
  message: string | null;
  status: number;
}
/** The refused post's answer, when it came from this form (and this risk). */
export type RefusedFor = (intent: string, riskId?: string | null) => Refused | null;

/** One section of a DPIA's page, with its heading and lead, and what the other person saved after a stale save. */
export function Section(props: {
  id: string;
  title: MessageKey;
  lead: MessageKey;
  /** After a refused stale save: what the other person saved, to compare with what was typed. */
  savedNow?: [MessageKey, string][] | null;
  children: React.ReactNode;
}) {
  const t = useT();
  return (
    <section aria-labelledby={props.id} className="stack dpia-section">
      <h2 className="ds-heading" data-size="md" id={props.id} tabIndex={-1}>
        {t(props.title)}
      </h2>
      <p className="ds-paragraph">{t(props.lead)}</p>
      {props.savedNow ? (
        <details className="ds-details" open>
          <summary className="ds-details-summary">{t("dpia.savedByOther")}</summary>
          <div className="ds-details-content">
            <TextFacts rows={props.savedNow} />
          </div>
        </details>
      ) : null}
      {props.children}
    </section>
  );
}
