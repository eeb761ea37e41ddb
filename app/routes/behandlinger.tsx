import { Link } from "react-router";
import { ExportLinks } from "../components/export-links.tsx";
import { RegisterNav } from "../components/register-nav.tsx";
import { ScrollTable } from "../components/scroll-table.tsx";
import { classifyText, getCatalogueEntry } from "../features/classifier/catalogue.server.ts";
import { listProcessings, otherLinesOf } from "../features/processing/processing.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { parseList } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { localeFor } from "../lib/route.server.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import { dayInNorway } from "../lib/time.ts";
import type { Route } from "./+types/behandlinger";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "processing.title");

/** The owner's record of processing: koordinator and personvernombud edit, unit leaders read. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, owner, ownerId, canManage, showLog, actor } = await loadRegisterScope(context, request);
  const locale = localeFor(request, actor);
  const rows = await listProcessings(services.db, ownerId);
  const today = dayInNorway();
  return {
    owner: owner.name,
    canManage,
    showLog,
    rows: rows.map((r) => {
      const special =
        parseList(r.data_types).some((id) => getCatalogueEntry(id)?.kategori === "saerlig") ||
        otherLinesOf(r.other_data_types).some((l) => classifyText(l, locale).kategori === "saerlig");
      return {
        id: r.id,
        name: r.name,
        unit: r.unit_name,
        status: r.status,
        special,
        reviewDate: r.review_date,
        overdue: Boolean(r.review_date && r.review_date < today && r.status !== "avsluttet"),
      };
    }),
  };
}

export default function Behandlinger({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack-lg">
      <RegisterNav current="/behandlinger" showLog={d.showLog} />
      <div className="stack">
        <p className="ds-paragraph eyebrow">{d.owner}</p>
        <h1 className="ds-heading" data-size="lg">
          {t("processing.title")}
        </h1>
        <p className="ds-paragraph">{t("processing.lead")}</p>
      </div>
      {d.canManage ? (
        <p className="button-row">
          <Link className="ds-button" to="/behandlinger/maler">
            {t("processing.fromTemplate")}
          </Link>
          <Link className="ds-button" data-variant="secondary" to="/behandlinger/ny">
            {t("processing.blank")}
          </Link>
        </p>
      ) : null}
      {d.rows.length === 0 ? (
        <p className="ds-paragraph">{t("processing.empty")}</p>
      ) : (
        <ScrollTable label={t("processing.title")}>
          <thead>
            <tr>
              <th scope="col">{t("processing.field.name")}</th>
              <th scope="col">{t("processing.field.unit")}</th>
              <th scope="col">{t("processing.field.status")}</th>
              <th scope="col">{t("processing.specialColumn")}</th>
              <th scope="col">{t("processing.field.reviewDate")}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link className="ds-link" to={`/behandlinger/${r.id}`}>
                    {r.name}
                  </Link>
                </th>
                <td>{r.unit ?? t("processing.wholeOwner")}</td>
                <td>{t(`processing.status.${r.status}` as MessageKey)}</td>
                <td>{r.special ? t("processing.specialYes") : t("processing.specialNo")}</td>
                <td>
                  {r.reviewDate ?? "–"}
                  {r.overdue ? <strong> ({t("processing.overdue")})</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <section aria-labelledby="eksport" className="stack">
        <h2 className="ds-heading" data-size="sm" id="eksport">
          {t("processing.export")}
        </h2>
        <ExportLinks base="/behandlinger/eksport" />
      </section>
    </div>
  );
}
