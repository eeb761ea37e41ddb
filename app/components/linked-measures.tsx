import { Link } from "react-router";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { formatDate } from "../lib/time.ts";

/**
 * The action plan's measures about one register entry (a service, a DPIA), each a link to the
 * measure, with its status and due date; and for the plan's owner a link to add one about it.
 */
export function LinkedMeasures(props: {
  measures: { id: string; title: string; status: string; due_on: string | null }[];
  /** `/handlingsplan/ny?…` with the entry filled in, for those who may add measures. */
  newHref: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="tiltak-i-planen" className="stack">
      <h2 className="ds-heading" data-size="sm" id="tiltak-i-planen">
        {t("plan.linkedMeasures")}
      </h2>
      {props.measures.length === 0 ? (
        <p className="ds-paragraph">{t("plan.linkedMeasuresNone")}</p>
      ) : (
        <ul className="ds-list">
          {props.measures.map((m) => (
            <li key={m.id}>
              <Link className="ds-link" to={`/handlingsplan/${m.id}`}>
                {m.title}
              </Link>{" "}
              – {t(`plan.status.${m.status}` as MessageKey)}
              {m.due_on && m.status !== "ferdig"
                ? `, ${t("plan.field.due").toLowerCase()} ${formatDate(m.due_on, locale)}`
                : ""}
            </li>
          ))}
        </ul>
      )}
      {props.newHref ? (
        <p>
          <Link className="ds-link" to={props.newHref}>
            {t("plan.newAbout")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
