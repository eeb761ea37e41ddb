import { Link } from "react-router";
import { listMeasures, planOrder } from "../features/plan/plan.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { loadPlanScope } from "../lib/scopes.server.ts";
import { dayInNorway, formatDate } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/handlingsplan";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "plan.title");

/**
 * The action plan: the measures the team chose, what is not done first and the nearest due date
 * first, with who is responsible. "Mine" narrows it to what the reader is responsible for.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor, services, owner, ownerId, canManage } = await loadPlanScope(context, request);
  const mine = new URL(request.url).searchParams.get("vis") === "mine";
  const all = planOrder(await listMeasures(services.db, ownerId, ["valgt"]));
  const today = dayInNorway();
  const rows = mine ? all.filter((m) => m.responsible_id === actor.userId) : all;
  return {
    owner: owner.name,
    canManage,
    mine,
    counts: {
      all: all.length,
      done: all.filter((m) => m.status === "ferdig").length,
      overdue: all.filter((m) => m.status !== "ferdig" && m.due_on !== null && m.due_on < today).length,
      mine: all.filter((m) => m.responsible_id === actor.userId && m.status !== "ferdig").length,
    },
    rows: rows.map((m) => ({
      id: m.id,
      title: m.title,
      responsible: m.responsible_name,
      due: m.due_on,
      overdue: m.status !== "ferdig" && m.due_on !== null && m.due_on < today,
      status: m.status,
      processing: m.processing_name,
      processingId: m.processing_id,
    })),
  };
}

export default function Handlingsplan({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const caption = d.mine ? t("plan.mine.title") : t("plan.list.title");
  return (
    <div className="stack-lg">
      <div className="stack prose">
        <p className="ds-paragraph eyebrow">{d.owner}</p>
        <h1 className="ds-heading" data-size="lg">
          {t("plan.title")}
        </h1>
        <p className="ds-paragraph">{t("plan.lead")}</p>
        <p className="ds-paragraph">
          {t("plan.summary", { count: d.counts.all, done: d.counts.done, overdue: d.counts.overdue })}
        </p>
        <div className="button-row">
          {d.canManage ? (
            <Link className="ds-button" to="/handlingsplan/ny">
              {t("plan.new")}
            </Link>
          ) : null}
          <Link className="ds-button" data-variant="secondary" to="/prioritering">
            {t("plan.toPriority")}
          </Link>
        </div>
      </div>
      <section aria-labelledby="tiltak" className="stack">
        <h2 className="ds-heading" data-size="md" id="tiltak">
          {caption}
        </h2>
        <nav aria-label={t("plan.filter")} className="button-row">
          {d.mine ? (
            <Link className="ds-link" to="/handlingsplan">
              {t("plan.showAll", { count: d.counts.all })}
            </Link>
          ) : (
            <Link className="ds-link" to="/handlingsplan?vis=mine">
              {t("plan.showMine", { count: d.counts.mine })}
            </Link>
          )}
        </nav>
        {d.rows.length === 0 ? (
          <p className="ds-paragraph prose">{d.mine ? t("plan.mine.empty") : t("plan.empty")}</p>
        ) : (
          <section
            className="table-scroll"
            aria-label={caption}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1)
            tabIndex={0}
          >
            <table className="ds-table" data-border>
              <caption className="ds-sr-only">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("plan.column.measure")}</th>
                  <th scope="col">{t("plan.column.responsible")}</th>
                  <th scope="col">{t("plan.column.due")}</th>
                  <th scope="col">{t("plan.column.status")}</th>
                  <th scope="col">{t("plan.column.processing")}</th>
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" className="measure-title">
                      <a className="ds-link" href={`/handlingsplan/${r.id}`}>
                        {r.title}
                      </a>
                    </th>
                    <td>{r.responsible ?? t("plan.nobodyYet")}</td>
                    <td>
                      {r.due ? formatDate(r.due, locale) : t("plan.noDue")}
                      {r.overdue ? (
                        <>
                          {" "}
                          <strong className="text-danger">{t("plan.overdue")}</strong>
                        </>
                      ) : null}
                    </td>
                    <td>{t(`plan.status.${r.status}` as MessageKey)}</td>
                    <td>
                      {r.processingId ? (
                        <a className="ds-link" href={`/behandlinger/${r.processingId}`}>
                          {r.processing}
                        </a>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {d.counts.all > 0 ? (
          <p>
            <a className="ds-button" data-variant="secondary" href="/handlingsplan/eksport/xlsx" download>
              {t("plan.export")}
            </a>
          </p>
        ) : null}
      </section>
    </div>
  );
}
