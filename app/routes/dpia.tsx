import { Link } from "react-router";
import { RiskLevel } from "../components/dpia-parts.tsx";
import { RegisterNav } from "../components/register-nav.tsx";
import { ScrollTable } from "../components/scroll-table.tsx";
import { listDpias } from "../features/dpia/dpia.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import { dayInNorway, formatDate } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/dpia";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "dpia.title");

/** The owner's DPIAs: koordinator and personvernombud write them, unit leaders read. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, owner, ownerId, canManage, showLog } = await loadRegisterScope(context, request);
  const rows = await listDpias(services.db, ownerId);
  return {
    owner: owner.name,
    canManage,
    showLog,
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      processing: r.processing_id ? { id: r.processing_id, name: r.processing_name ?? "" } : null,
      status: r.status,
      conclusion: r.conclusion,
      highest: r.highest,
      approvedAt: r.approved_at,
    })),
  };
}

export default function DpiaList({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="stack-lg">
      <RegisterNav current="/dpia" showLog={d.showLog} />
      <div className="stack prose">
        <p className="ds-paragraph eyebrow">{d.owner}</p>
        <h1 className="ds-heading" data-size="lg">
          {t("dpia.title")}
        </h1>
        <p className="ds-paragraph">{t("dpia.lead")}</p>
        {d.canManage ? (
          <p>
            <Link className="ds-button" to="/dpia/ny">
              {t("dpia.new")}
            </Link>
          </p>
        ) : null}
      </div>
      {d.rows.length === 0 ? (
        <p className="ds-paragraph prose">{t("dpia.empty")}</p>
      ) : (
        <ScrollTable label={t("dpia.list")}>
          <thead>
            <tr>
              <th scope="col">{t("dpia.column.title")}</th>
              <th scope="col">{t("dpia.column.processing")}</th>
              <th scope="col">{t("dpia.column.status")}</th>
              <th scope="col">{t("dpia.column.highest")}</th>
              <th scope="col">{t("dpia.column.approved")}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link className="ds-link" to={`/dpia/${r.id}`}>
                    {r.title}
                  </Link>
                  {r.conclusion !== "trengs" ? (
                    <span className="ds-paragraph" data-size="sm">
                      {" "}
                      ({t(`dpia.conclusion.short.${r.conclusion}` as MessageKey)})
                    </span>
                  ) : null}
                </th>
                <td>
                  {r.processing ? (
                    <Link className="ds-link" to={`/behandlinger/${r.processing.id}`}>
                      {r.processing.name}
                    </Link>
                  ) : (
                    "–"
                  )}
                </td>
                <td>{t(`dpia.status.${r.status}` as MessageKey)}</td>
                <td>
                  {r.highest ? (
                    <RiskLevel likelihood={r.highest.likelihood} consequence={r.highest.consequence} />
                  ) : (
                    t("dpia.risk.noneShort")
                  )}
                </td>
                <td>{r.approvedAt ? formatDate(dayInNorway(r.approvedAt), locale) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </div>
  );
}
