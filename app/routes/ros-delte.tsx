import { Link } from "react-router";
import { ScrollTable } from "../components/scroll-table.tsx";
import { listShared } from "../features/shared/shared.server.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { loadSharedListScope } from "../lib/scopes.server.ts";
import { formatMoment } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/ros-delte";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "shared.list.title");

/** Risk assessments other owners in the user's networks have shared (see loadSharedListScope for who). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, ownerId, networks, canAdopt } = await loadSharedListScope(context, request);
  const rows = await listShared(
    services.db,
    networks.map((n) => n.id),
  );
  return {
    networks: networks.map((n) => n.name),
    // The user's own owner is in the register already; only the others' are offered.
    ownerView: ownerId !== null && networks.some((n) => n.member),
    canAdopt,
    rows: rows
      .filter((r) => r.owner_id !== ownerId)
      .map((r) => ({
        id: r.id,
        title: r.title,
        service: r.service_name,
        owner: r.owner_name,
        network: r.network_name,
        at: r.published_at,
        risks: r.riskCount,
      })),
  };
}

export default function RosDelte({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="stack-lg">
      <div className="stack prose">
        {d.ownerView ? (
          <p className="ds-paragraph eyebrow">
            <Link className="ds-link" to="/ros">
              {t("ros.title")}
            </Link>
          </p>
        ) : null}
        <h1 className="ds-heading" data-size="lg">
          {t("shared.list.title")}
        </h1>
        <p className="ds-paragraph">{t(d.canAdopt ? "shared.list.lead" : "shared.list.leadReader")}</p>
        {d.networks.length > 0 ? (
          <p className="ds-paragraph">{t("shared.list.networks", { names: d.networks.join(", ") })}</p>
        ) : (
          <p className="ds-paragraph">{t("shared.noNetwork")}</p>
        )}
      </div>
      {d.networks.length === 0 ? null : d.rows.length === 0 ? (
        <p className="ds-paragraph">{t("shared.list.empty")}</p>
      ) : (
        <ScrollTable label={t("shared.list.title")}>
          <thead>
            <tr>
              <th scope="col">{t("ros.field.title")}</th>
              <th scope="col">{t("shared.column.owner")}</th>
              <th scope="col">{t("shared.column.published")}</th>
              <th scope="col">{t("ros.column.risks")}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="measure-title">
                  <Link className="ds-link" to={`/ros/delte/${r.id}`}>
                    {r.title}
                  </Link>
                  {r.service ? <span className="cell-note">{r.service}</span> : null}
                </th>
                <td>
                  {r.owner}
                  {d.networks.length > 1 ? <span className="cell-note">{r.network}</span> : null}
                </td>
                <td>{formatMoment(r.at, locale)}</td>
                <td>{r.risks}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </div>
  );
}
