import { Form, Link } from "react-router";
import { ExportLinks } from "../components/export-links.tsx";
import { Notice } from "../components/form.tsx";
import { RegisterNav } from "../components/register-nav.tsx";
import { ScrollTable } from "../components/scroll-table.tsx";
import { needsAgreement, reviewState } from "../features/systems/guide.ts";
import { SERVICE_STATUSES } from "../features/systems/schemas.ts";
import { listServices, serviceValues } from "../features/systems/systems.server.ts";
import { type CountedKey, countKey, type MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import { dayInNorway, formatDate } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/systemer";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "systems.title");

/** The owner's digital services: koordinator and personvernombud edit, unit leaders read. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, owner, ownerId, canManage, showLog } = await loadRegisterScope(context, request);
  const today = dayInNorway();
  const rows = (await listServices(services.db, ownerId)).map((r) => {
    const v = serviceValues(r);
    return {
      id: r.id,
      name: r.name,
      supplier: r.supplier,
      status: r.status,
      dpa: r.dpa_status,
      review: r.dpa_review_on,
      reviewState: reviewState(v, today),
      missingDpa: needsAgreement(v) && r.dpa_status !== "signert",
      ros: r.ros_on,
    };
  });
  const show = new URL(request.url).searchParams.get("vis") ?? "";
  const view = (SERVICE_STATUSES as readonly string[]).includes(show) || show === "oppfolging" ? show : "";
  const followUp = (r: (typeof rows)[number]) => r.missingDpa || r.reviewState !== null;
  return {
    owner: owner.name,
    canManage,
    showLog,
    deleted: new URL(request.url).searchParams.get("slettet") === "1",
    view,
    total: rows.length,
    rows: rows.filter((r) => (view === "oppfolging" ? followUp(r) : view === "" || r.status === view)),
    inUse: rows.filter((r) => r.status === "i-bruk").length,
    missingDpa: rows.filter((r) => r.missingDpa).length,
    reviewDue: rows.filter((r) => r.reviewState !== null).length,
  };
}

export default function Systemer({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const count = (stem: CountedKey, n: number) => t(countKey(stem, n), { count: n });
  return (
    <div className="stack-lg">
      <RegisterNav current="/systemer" showLog={d.showLog} />
      <div className="stack">
        <p className="ds-paragraph eyebrow">{d.owner}</p>
        <h1 className="ds-heading" data-size="lg">
          {t("systems.title")}
        </h1>
        <p className="ds-paragraph">{t("systems.lead")}</p>
      </div>
      <div id="slettet">{d.deleted ? <Notice>{t("systems.delete.done")}</Notice> : null}</div>
      {d.total > 0 ? (
        <ul className="ds-list" aria-label={t("systems.summary.label")}>
          <li>{count("systems.summary.inUse", d.inUse)}</li>
          <li>
            {d.missingDpa > 0 ? (
              <strong>{count("systems.summary.missingDpa", d.missingDpa)}</strong>
            ) : (
              t("systems.summary.noneMissingDpa")
            )}
          </li>
          {d.reviewDue > 0 ? (
            <li>
              <strong>{count("systems.summary.reviewDue", d.reviewDue)}</strong>
            </li>
          ) : null}
        </ul>
      ) : null}
      {d.canManage ? (
        <p className="button-row">
          <Link className="ds-button" to="/systemer/ny">
            {t("systems.new")}
          </Link>
        </p>
      ) : null}
      {d.total > 0 ? (
        <Form method="get" className="filter-form" role="search">
          <div className="ds-field">
            <label className="ds-label" htmlFor="vis">
              {t("systems.filter")}
            </label>
            <select className="ds-input" id="vis" name="vis" defaultValue={d.view}>
              <option value="">{t("systems.filter.all")}</option>
              <option value="oppfolging">{t("systems.filter.followUp")}</option>
              {SERVICE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`systems.status.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="ds-button" data-variant="secondary">
            {t("systems.filter.show")}
          </button>
        </Form>
      ) : null}
      {d.rows.length === 0 ? (
        <p className="ds-paragraph">{d.total === 0 ? t("systems.empty") : t("systems.filter.none")}</p>
      ) : (
        <ScrollTable label={t("systems.title")}>
          <thead>
            <tr>
              <th scope="col">{t("systems.field.name")}</th>
              <th scope="col">{t("systems.field.supplier")}</th>
              <th scope="col">{t("systems.field.status")}</th>
              <th scope="col">{t("systems.field.dpa")}</th>
              <th scope="col">{t("systems.field.dpaReview")}</th>
              <th scope="col">{t("systems.column.ros")}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link className="ds-link" to={`/systemer/${r.id}`}>
                    {r.name}
                  </Link>
                </th>
                <td>{r.supplier}</td>
                <td>{t(`systems.status.${r.status}` as MessageKey)}</td>
                <td>
                  {r.missingDpa ? (
                    <strong className="text-danger">{t(`systems.dpa.${r.dpa}` as MessageKey)}</strong>
                  ) : (
                    t(`systems.dpa.${r.dpa}` as MessageKey)
                  )}
                </td>
                <td>
                  {r.review ? formatDate(r.review, locale) : r.reviewState ? null : "–"}
                  {r.reviewState ? (
                    <>
                      {r.review ? " " : null}
                      <strong className="text-danger">
                        {t(`systems.review.${r.reviewState}` as MessageKey)}
                      </strong>
                    </>
                  ) : null}
                </td>
                <td>{r.ros ? formatDate(r.ros, locale) : t("systems.noRos")}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <section aria-labelledby="eksport" className="stack">
        <h2 className="ds-heading" data-size="sm" id="eksport">
          {t("systems.export")}
        </h2>
        <ExportLinks base="/systemer/eksport" />
      </section>
    </div>
  );
}
