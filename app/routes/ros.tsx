import { Link } from "react-router";
import { RegisterNav } from "../components/register-nav.tsx";
import { ScrollTable } from "../components/scroll-table.tsx";
import { listAssessments } from "../features/ros/ros.server.ts";
import { riskLevel } from "../features/ros/scale.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import { dayInNorway, formatDate } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/ros";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "ros.title");

/** The owner's risk assessments: koordinator and personvernombud write, unit leaders read. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, owner, ownerId, canManage, showLog } = await loadRegisterScope(context, request);
  const today = dayInNorway();
  const rows = await listAssessments(services.db, ownerId);
  return {
    owner: owner.name,
    canManage,
    showLog,
    rows: rows.map((a) => ({
      id: a.id,
      title: a.title,
      processing: a.processing_name,
      status: a.status,
      assessedOn: a.assessed_on,
      reviewOn: a.review_on,
      overdue: Boolean(a.review_on && a.review_on < today),
      risks: a.risks,
      topBefore: a.topBefore,
      topAfter: a.topAfter,
    })),
  };
}

export default function Ros({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const level = (score: number) =>
    score > 0 ? `${t(`ros.level.${riskLevel(score)}` as MessageKey)} (${score})` : "–";
  return (
    <div className="stack-lg">
      <RegisterNav current="/ros" showLog={d.showLog} />
      <div className="stack prose">
        <p className="ds-paragraph eyebrow">{d.owner}</p>
        <h1 className="ds-heading" data-size="lg">
          {t("ros.title")}
        </h1>
        <p className="ds-paragraph">{t("ros.lead")}</p>
        <p className="ds-paragraph">{t("ros.lead2")}</p>
      </div>
      {d.canManage ? (
        <p className="button-row">
          <Link className="ds-button" to="/ros/ny">
            {t("ros.new")}
          </Link>
          <Link className="ds-button" data-variant="secondary" to="/ros/delte">
            {t("shared.list.link")}
          </Link>
        </p>
      ) : null}
      {d.rows.length === 0 ? (
        <p className="ds-paragraph">{t("ros.empty")}</p>
      ) : (
        <ScrollTable label={t("ros.list.title")}>
          <thead>
            <tr>
              <th scope="col">{t("ros.field.title")}</th>
              <th scope="col">{t("ros.field.status")}</th>
              <th scope="col">{t("ros.field.assessed")}</th>
              <th scope="col">{t("ros.field.review")}</th>
              <th scope="col">{t("ros.column.risks")}</th>
              <th scope="col">{t("ros.column.topBefore")}</th>
              <th scope="col">{t("ros.column.topAfter")}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="measure-title">
                  <Link className="ds-link" to={`/ros/${r.id}`}>
                    {r.title}
                  </Link>
                  {r.processing ? <span className="cell-note">{r.processing}</span> : null}
                </th>
                <td>{t(`ros.status.${r.status}` as MessageKey)}</td>
                <td>{r.assessedOn ? formatDate(r.assessedOn, locale) : "–"}</td>
                <td>
                  {r.reviewOn ? formatDate(r.reviewOn, locale) : "–"}
                  {r.overdue ? <strong className="text-danger"> ({t("ros.reviewDue")})</strong> : null}
                </td>
                <td>{r.risks}</td>
                <td>{level(r.topBefore)}</td>
                <td>{level(r.topAfter)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </div>
  );
}
