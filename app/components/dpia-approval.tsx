import { Link } from "react-router";
import type { DpiaSnapshot } from "../features/dpia/snapshot.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { dayInNorway, formatDate } from "../lib/time.ts";
import { SectionForm } from "./dpia-forms.tsx";
import { AdviceBy, TextFacts } from "./dpia-parts.tsx";
import { type RefusedFor, Section } from "./dpia-section.tsx";
import { Notice } from "./form.tsx";

/** What the advice and approval sections read of the DPIA and of the reader. */
export interface ApprovalData {
  status: string;
  version: string;
  snapshot: DpiaSnapshot;
  isDpo: boolean;
  isCoordinator: boolean;
  highRemains: boolean;
  adviceValues: Record<string, string>;
}

/** What the advice and the approval sections are given by the page. */
interface StepProps {
  d: ApprovalData;
  refusedFor: RefusedFor;
  savedHere: React.ReactNode;
}

/** The two sections: where each starts, its heading and lead, and the post whose refusal it explains. */
const STEPS = {
  advice: { id: "rad", title: "dpia.section.advice", lead: "dpia.lead.advice", intent: "til-rad" },
  approval: {
    id: "godkjenning",
    title: "dpia.section.approval",
    lead: "dpia.lead.approval",
    intent: "godkjenn",
  },
} as const satisfies Record<string, { id: string; title: MessageKey; lead: MessageKey; intent: string }>;

/** The frame of the advice and the approval: the section, the notice of a save, and why a post was refused. */
function Step({
  step,
  refusedFor,
  savedHere,
  children,
}: Omit<StepProps, "d"> & {
  step: (typeof STEPS)[keyof typeof STEPS];
  children: React.ReactNode;
}) {
  const t = useT();
  const refused = refusedFor(step.intent);
  return (
    <Section id={step.id} title={step.title} lead={step.lead}>
      {savedHere}
      {refused?.message ? <Notice color="warning">{t(refused.message as MessageKey)}</Notice> : null}
      {children}
    </Section>
  );
}

/** The DPO's advice: the owner's personvernombud writes it; the koordinator can ask for it. */
export function DpiaAdvice({ d, ...frame }: StepProps) {
  const t = useT();
  const { refusedFor } = frame;
  return (
    <Step step={STEPS.advice} {...frame}>
      {d.isDpo ? (
        <SectionForm
          intent="rad"
          fields={[{ name: "rad", label: "dpia.field.advice", help: "dpia.help.advice", rows: 6 }]}
          values={refusedFor("rad")?.values ?? d.adviceValues}
          errors={refusedFor("rad")?.errors}
          message={refusedFor("rad")?.message}
          idPrefix="a"
          anchor="rad"
          submitLabel={t("dpia.advice.save")}
        />
      ) : (
        <>
          <TextFacts rows={[["dpia.field.advice", d.snapshot.advice]]} />
          <p className="ds-paragraph" data-size="sm">
            {t("dpia.advice.onlyDpo")}
          </p>
        </>
      )}
      <AdviceBy by={d.snapshot.adviceBy} at={d.snapshot.adviceAt} />
      {d.isCoordinator && d.status === "utkast" && !d.snapshot.advice ? (
        <form method="post" action="#rad">
          <input type="hidden" name="intent" value="til-rad" />
          <input type="hidden" name="version" value={d.version} />
          <button type="submit" className="ds-button" data-variant="secondary">
            {t("dpia.advice.ask")}
          </button>
        </form>
      ) : null}
      {d.status === "til-radgivning" ? <p className="ds-paragraph">{t("dpia.advice.waiting")}</p> : null}
    </Step>
  );
}

/** The koordinator approves, once the advice is written; a high risk left means asking Datatilsynet first. */
export function DpiaApproval({ d, ...frame }: StepProps) {
  const t = useT();
  return (
    <Step step={STEPS.approval} {...frame}>
      {d.highRemains ? (
        <Notice color="warning">
          <span className="ds-paragraph">{t("dpia.priorConsultation")}</span>
        </Notice>
      ) : null}
      {d.status === "godkjent" ? (
        <p className="ds-paragraph">{t("dpia.isApproved")}</p>
      ) : !d.isCoordinator ? (
        <p className="ds-paragraph">{t("dpia.approval.onlyCoordinator")}</p>
      ) : !d.snapshot.advice ? (
        <p className="ds-paragraph">{t("dpia.error.adviceFirst")}</p>
      ) : (
        <form method="post" action="#godkjenning" className="stack">
          <input type="hidden" name="intent" value="godkjenn" />
          <input type="hidden" name="version" value={d.version} />
          <p className="ds-paragraph">{t("dpia.approval.what")}</p>
          <p>
            <button type="submit" className="ds-button">
              {t("dpia.approve")}
            </button>
          </p>
        </form>
      )}
    </Step>
  );
}

/** The approved versions, each a link to the DPIA as it was approved. */
export function DpiaVersions({
  id,
  versions,
}: {
  id: string;
  versions: { number: number; approved_at: string; approved_by_name: string | null }[];
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="versjoner" className="stack">
      <h2 className="ds-heading" data-size="md" id="versjoner">
        {t("dpia.section.versions")}
      </h2>
      {versions.length === 0 ? (
        <p className="ds-paragraph">{t("dpia.noVersions")}</p>
      ) : (
        <ul className="ds-list">
          {versions.map((v) => (
            <li key={v.number}>
              <Link className="ds-link" to={`/dpia/${id}/versjon/${v.number}`}>
                {t("dpia.versionLink", {
                  number: v.number,
                  date: formatDate(dayInNorway(v.approved_at), locale),
                  name: v.approved_by_name ?? t("dpia.someone"),
                })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
