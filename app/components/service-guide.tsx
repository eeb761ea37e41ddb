import { Link } from "react-router";
import type { GuideStep } from "../features/systems/guide.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { formatDate } from "../lib/time.ts";

/**
 * "Kan vi ta i bruk tjenesten?": the five steps as a numbered list, each done or saying what is
 * missing, with a link to the form field to fill (only for those who may edit, who have the form).
 */
export function ServiceGuide({
  steps,
  withLinks,
  serviceId,
  assessments,
  dpias,
}: {
  steps: GuideStep[];
  withLinks: boolean;
  serviceId: string;
  /** The service's risk assessments in /ros. */
  assessments: { id: string; title: string; status: "utkast" | "ferdig"; on: string | null }[];
  /** The service's DPIAs in /dpia. */
  dpias: { id: string; title: string; status: string; conclusion: string }[];
}) {
  const t = useT();
  const locale = useLocale();
  const done = steps.filter((s) => s.done).length;
  return (
    <section aria-labelledby="veileder" className="stack">
      <h2 className="ds-heading" data-size="md" id="veileder">
        {t("systems.guide.title")}
      </h2>
      <p className="ds-paragraph">{t("systems.guide.progress", { done, total: steps.length })}</p>
      <ol className="guide-steps">
        {steps.map((s) => (
          <li key={s.id} className="stack" data-done={s.done ? "true" : "false"}>
            <h3 className="ds-heading" data-size="xs">
              {t(`systems.guide.${s.id}.title` as MessageKey)}{" "}
              <span className={s.done ? "text-success" : "text-danger"}>
                ({s.done ? t("systems.guide.done") : t("systems.guide.notDone")})
              </span>
            </h3>
            <p className="ds-paragraph" data-size="sm">
              {t(`systems.guide.${s.id}.text` as MessageKey)}
            </p>
            {s.id === "ros" ? (
              <>
                {assessments.length > 0 ? (
                  <ul className="ds-list">
                    {assessments.map((a) => (
                      <li key={a.id}>
                        <Link className="ds-link" to={`/ros/${a.id}`}>
                          {a.title}
                        </Link>{" "}
                        ({t(`ros.status.${a.status}` as MessageKey)}
                        {a.on ? `, ${formatDate(a.on, locale)}` : ""})
                      </li>
                    ))}
                  </ul>
                ) : null}
                <p className="ds-paragraph" data-size="sm">
                  <Link className="ds-link" to={withLinks ? `/ros/ny?tjeneste=${serviceId}` : "/ros"}>
                    {t(withLinks ? "systems.guide.newRos" : "systems.guide.toRos")}
                  </Link>
                </p>
              </>
            ) : null}
            {s.basis ? (
              <p className="ds-paragraph" data-size="sm">
                {t(s.basis)}
              </p>
            ) : null}
            {s.id === "dpia" ? <DpiaLinks dpias={dpias} serviceId={withLinks ? serviceId : null} /> : null}
            {s.missing.length > 0 ? (
              <ul className="ds-list">
                {s.missing.map((m) => (
                  <li key={m.field}>
                    {withLinks ? (
                      <a className="ds-link" href={`#f-${m.field}`}>
                        {t(m.message)}
                      </a>
                    ) : (
                      t(m.message)
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The service's DPIAs with their status, and where to start one (only for those who may). */
function DpiaLinks({
  dpias,
  serviceId,
}: {
  dpias: { id: string; title: string; status: string; conclusion: string }[];
  serviceId: string | null;
}) {
  const t = useT();
  return (
    <>
      {dpias.length > 0 ? (
        <ul className="ds-list" aria-label={t("systems.guide.dpiaList")}>
          {dpias.map((p) => (
            <li key={p.id}>
              <Link className="ds-link" to={`/dpia/${p.id}`}>
                {p.title}
              </Link>{" "}
              ({t(`dpia.status.${p.status}` as MessageKey)}
              {p.conclusion !== "trengs"
                ? `, ${t(`dpia.conclusion.short.${p.conclusion}` as MessageKey)}`
                : ""}
              )
            </li>
          ))}
        </ul>
      ) : null}
      <p className="ds-paragraph" data-size="sm">
        <Link className="ds-link" to={serviceId ? `/dpia/ny?tjeneste=${serviceId}` : "/dpia"}>
          {t(serviceId ? "systems.guide.newDpia" : "systems.guide.toDpia")}
        </Link>
      </p>
    </>
  );
}
