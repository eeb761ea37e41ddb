import { Link } from "react-router";
import { Notice } from "../components/form.tsx";
import { ScrollTable } from "../components/scroll-table.tsx";
import { bankLocale } from "../features/assessment/bank.server.ts";
import { evaluatePlan } from "../features/plan/evaluation.server.ts";
import { inReaderLanguage } from "../features/plan/proposal-text.ts";
import { countKey, type MessageKey } from "../i18n/translate.ts";
import { useContentLang, useLocale, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { localeFor } from "../lib/route.server.ts";
import { loadPlanScope } from "../lib/scopes.server.ts";
import { formatDate, formatMoment } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/evaluering";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "evaluation.title");

/**
 * Evaluating the plan: what was done, what it did, and whether the answers in the follow-up round
 * moved for the questions the measures were meant to mend. Then, new or adjusted measures.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor, services, owner, ownerId, canManage } = await loadPlanScope(context, request);
  const lang = bankLocale(localeFor(request, actor));
  const { baseline, followUp, rows } = await evaluatePlan(services.db, ownerId);
  const count = (status: string) => rows.filter((r) => r.measure.status === status).length;
  const compared = rows.filter((r) => r.before !== null && r.after !== null);
  return {
    owner: owner.name,
    canManage,
    baseline: baseline ? { title: baseline.title, closedAt: baseline.closed_at ?? "" } : null,
    followUp: followUp
      ? { id: followUp.id, title: followUp.title, closedAt: followUp.closed_at ?? "" }
      : null,
    counts: {
      all: rows.length,
      done: count("ferdig"),
      going: count("pagar"),
      notStarted: count("ikke-startet"),
      better: compared.filter((r) => (r.after ?? 0) > (r.before ?? 0)).length,
      same: compared.filter((r) => r.after === r.before).length,
      worse: compared.filter((r) => (r.after ?? 0) < (r.before ?? 0)).length,
      noEffect: rows.filter((r) => r.measure.status === "ferdig" && r.measure.effect === "").length,
    },
    // A measure still in the question bank's words is shown in the reader's bokmål or nynorsk.
    rows: rows.map(({ measure: m, found, before, after }) => ({
      id: m.id,
      title: inReaderLanguage(m, found?.question ?? null, lang).title,
      status: m.status,
      doneOn: m.done_on,
      effect: m.effect,
      question: found ? found.question.tekst[lang] : null,
      before,
      after,
    })),
  };
}

export default function Evaluering({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  // The question bank is in bokmål and nynorsk: an English page marks its text bokmål.
  const contentLang = useContentLang();
  const c = d.counts;
  return (
    <div className="stack-lg">
      <div className="stack prose">
        <p className="ds-paragraph eyebrow">{d.owner}</p>
        <h1 className="ds-heading" data-size="lg">
          {t("evaluation.title")}
        </h1>
        <p className="ds-paragraph">{t("evaluation.lead")}</p>
      </div>
      {c.all === 0 ? (
        <Notice color="info">
          <span className="ds-paragraph">
            {t("evaluation.empty")}{" "}
            <Link className="ds-link" to="/prioritering">
              {t("plan.toPriority")}
            </Link>
          </span>
        </Notice>
      ) : (
        <>
          <section aria-labelledby="status" className="stack prose">
            <h2 className="ds-heading" data-size="md" id="status">
              {t("evaluation.done.title")}
            </h2>
            <p className="ds-paragraph">
              {t("evaluation.done.summary", {
                count: c.all,
                done: c.done,
                going: c.going,
                notStarted: c.notStarted,
              })}
            </p>
            {c.noEffect > 0 ? (
              <p className="ds-paragraph">
                {t(countKey("evaluation.noEffect", c.noEffect), { count: c.noEffect })}
              </p>
            ) : null}
            {d.baseline && d.followUp ? (
              <p className="ds-paragraph">
                {t("evaluation.compared", {
                  before: d.baseline.title,
                  beforeDate: formatMoment(d.baseline.closedAt, locale),
                  after: d.followUp.title,
                  afterDate: formatMoment(d.followUp.closedAt, locale),
                })}{" "}
                <strong>{t("evaluation.moved", { better: c.better, same: c.same, worse: c.worse })}</strong>
              </p>
            ) : d.baseline ? (
              <Notice color="info">
                <span className="ds-paragraph">
                  {t("evaluation.noFollowUp", { title: d.baseline.title })}{" "}
                  <Link className="ds-link" to="/kartlegging">
                    {t("priority.toAssessment")}
                  </Link>
                </span>
              </Notice>
            ) : null}
          </section>
          <ScrollTable label={t("evaluation.table")}>
            <thead>
              <tr>
                <th scope="col">{t("plan.column.measure")}</th>
                <th scope="col">{t("plan.column.status")}</th>
                <th scope="col">{t("evaluation.column.level")}</th>
                <th scope="col">{t("plan.field.effect")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="measure-title">
                    <a className="ds-link" href={`/handlingsplan/${r.id}`}>
                      {r.title}
                    </a>
                    {r.question ? (
                      <span className="ds-paragraph cell-note" lang={contentLang}>
                        {r.question}
                      </span>
                    ) : null}
                  </th>
                  <td>
                    {t(`plan.status.${r.status}` as MessageKey)}
                    {r.doneOn ? ` ${formatDate(r.doneOn, locale)}` : ""}
                  </td>
                  <td>
                    <LevelChange before={r.before} after={r.after} />
                  </td>
                  <td className="pre-line">
                    {r.effect || (r.status === "ferdig" ? t("evaluation.effectMissing") : "")}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          <section aria-labelledby="videre" className="stack prose">
            <h2 className="ds-heading" data-size="md" id="videre">
              {t("evaluation.next.title")}
            </h2>
            <p className="ds-paragraph">{t("evaluation.next.lead")}</p>
            <div className="button-row">
              <Link className="ds-button" data-variant="secondary" to="/prioritering">
                {t("plan.toPriority")}
              </Link>
              {d.canManage ? (
                <Link className="ds-button" data-variant="secondary" to="/handlingsplan/ny">
                  {t("plan.new")}
                </Link>
              ) : null}
            </div>
          </section>
        </>
      )}
    </div>
  );
}

/** A question's level in the baseline and the follow-up, in words and numbers. */
function LevelChange({ before, after }: { before: number | null; after: number | null }) {
  const t = useT();
  if (before === null) return null;
  if (after === null) return <>{t("evaluation.level.only", { before })}</>;
  const key =
    after > before
      ? "evaluation.level.better"
      : after < before
        ? "evaluation.level.worse"
        : "evaluation.level.same";
  return <>{t(key, { before, after })}</>;
}
