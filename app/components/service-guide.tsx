import { Link } from "react-router";
import type { GuideStep } from "../features/systems/guide.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";

/**
 * "Kan vi ta i bruk tjenesten?": the five steps as a numbered list, each done or saying what is
 * missing, with a link to the form field to fill (only for those who may edit, who have the form).
 */
export function ServiceGuide({ steps, withLinks }: { steps: GuideStep[]; withLinks: boolean }) {
  const t = useT();
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
              <p className="ds-paragraph" data-size="sm">
                <Link className="ds-link" to="/ros">
                  {t("systems.guide.toRos")}
                </Link>
              </p>
            ) : null}
            {s.id === "dpia" ? (
              <p className="ds-paragraph" data-size="sm">
                <Link className="ds-link" to="/dpia">
                  {t("systems.guide.toDpia")}
                </Link>
              </p>
            ) : null}
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
