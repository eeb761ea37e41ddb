import { Link } from "react-router";
import { ScrollTable } from "../components/scroll-table.tsx";
import { packageForUnit, unitCompletionMatrix } from "../features/learning/completion-report.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { loadUnitScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/enhet-kompetanse";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "completion.unitTitle");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { services, unit } = await loadUnitScope(context, request, params.unitId, "learning:report");
  const pkg = packageForUnit(unit.unit_type);
  return {
    unit: { id: unit.id, name: unit.name },
    pkg,
    rows: await unitCompletionMatrix(services.db, unit.id, pkg),
  };
}

export default function EnhetKompetanse({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { unit, pkg, rows } = loaderData;
  const done = (status: string | null) =>
    status === "gruppe" ? t("completion.group") : status ? t("completion.alone") : t("completion.notDone");
  return (
    <div className="stack-lg">
      <div className="stack">
        <p className="ds-paragraph eyebrow">
          <Link className="ds-link" to={`/enheter/${unit.id}`}>
            {unit.name}
          </Link>
        </p>
        <h1 className="ds-heading" data-size="lg">
          {t("completion.unitTitle")}
        </h1>
        <p className="ds-paragraph">
          {t("completion.unitLead", { package: t(`learning.package.${pkg}` as MessageKey) })}
        </p>
        <p>
          <a className="ds-link" href={`/enheter/${unit.id}/kompetanse/eksport`} download>
            {t("completion.exportXlsx")}
          </a>
        </p>
      </div>
      {rows.length === 0 ? (
        <p className="ds-paragraph">{t("member.none")}</p>
      ) : (
        <ScrollTable label={t("completion.unitTitle")}>
          <thead>
            <tr>
              <th scope="col">{t("field.name")}</th>
              {rows[0]?.modules.map((m) => (
                <th scope="col" key={m.mod}>
                  {t("learning.moduleNumber", { number: m.mod })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.email}>
                <th scope="row">{r.name}</th>
                {r.modules.map((m) => (
                  <td key={m.mod} className={m.status ? "cell-done" : "cell-missing"}>
                    {done(m.status)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </div>
  );
}
