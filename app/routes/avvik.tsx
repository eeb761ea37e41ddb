import { Link } from "react-router";
import { ExportLinks } from "../components/export-links.tsx";
import { NoticeClockText } from "../components/notice-clock.tsx";
import { ScrollTable } from "../components/scroll-table.tsx";
import { noticeClock } from "../features/incidents/clock.ts";
import { listIncidents } from "../features/incidents/incidents.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { pageOf } from "../lib/route.server.ts";
import { loadIncidentScope } from "../lib/scopes.server.ts";
import { formatMoment } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/avvik";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "incident.title");

const SNIPPET = 120;
const PAGE = 50;

/**
 * The owner's incident log for its koordinator and personvernombud; for everyone else who works
 * there, the incidents they reported and those of the units they lead. Anyone can report one.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor, services, owner, ownerId, seesLog } = await loadIncidentScope(context, request);
  const ledUnits = actor.memberships
    .filter((m) => m.kind === "enhet" && m.ownerId === ownerId && m.role === "leder" && m.unitId)
    .map((m) => m.unitId as string);
  const who = seesLog
    ? ({ all: true } as const)
    : { all: false as const, userId: actor.userId, unitIds: ledUnits };
  const page = pageOf(request);
  // One more than a page: whether there are older ones, without counting them all.
  const found = await listIncidents(services.db, ownerId, who, {
    limit: PAGE + 1,
    offset: (page - 1) * PAGE,
  });
  const rows = found.slice(0, PAGE);
  const now = Date.now();
  return {
    owner: owner.name,
    seesLog,
    leads: ledUnits.length > 0,
    page,
    older: found.length > PAGE,
    first: (page - 1) * PAGE + 1,
    last: (page - 1) * PAGE + rows.length,
    rows: rows.map((r) => ({
      id: r.id,
      reportedAt: r.reported_at,
      unit: r.unit_name,
      what: r.what_happened.length > SNIPPET ? `${r.what_happened.slice(0, SNIPPET - 1)}…` : r.what_happened,
      status: r.status,
      clock: noticeClock(r, now),
    })),
  };
}

export default function Avvik({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="stack-lg">
      <div className="stack prose">
        <p className="ds-paragraph eyebrow">{d.owner}</p>
        <h1 className="ds-heading" data-size="lg">
          {t("incident.title")}
        </h1>
        <p className="ds-paragraph">{t("incident.lead")}</p>
        <p>
          <Link className="ds-button" to="/avvik/ny">
            {t("incident.report")}
          </Link>
        </p>
      </div>
      <section aria-labelledby="liste" className="stack">
        <h2 className="ds-heading" data-size="md" id="liste">
          {d.seesLog ? t("incident.log.title") : t("incident.mine.title")}
        </h2>
        <p className="ds-paragraph prose">
          {d.seesLog
            ? t("incident.log.lead", { owner: d.owner })
            : d.leads
              ? t("incident.mine.leadLeader")
              : t("incident.mine.lead")}
        </p>
        {d.rows.length === 0 ? (
          <p className="ds-paragraph">{t("incident.empty")}</p>
        ) : (
          <ScrollTable label={d.seesLog ? t("incident.log.title") : t("incident.mine.title")}>
            <thead>
              <tr>
                <th scope="col">{t("incident.column.reported")}</th>
                <th scope="col">{t("incident.column.status")}</th>
                <th scope="col">{t("incident.column.clock")}</th>
                <th scope="col">{t("incident.column.what")}</th>
                <th scope="col">{t("incident.column.unit")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {/* Plain links: the page is not hydrated, and fifty <Link>s were 7 % of its time. */}
                    <a className="ds-link" href={`/avvik/${r.id}`}>
                      {formatMoment(r.reportedAt, locale)}
                    </a>
                  </th>
                  <td>{t(`incident.status.${r.status}` as MessageKey)}</td>
                  <td>
                    <NoticeClockText clock={r.clock} short />
                  </td>
                  <td className="wrap-anywhere">{r.what}</td>
                  <td>{r.unit ?? t("incident.wholeOwner")}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
        {d.page > 1 || d.older ? (
          <nav aria-label={t("incident.pages")} className="button-row">
            <span className="ds-paragraph">{t("incident.showing", { first: d.first, last: d.last })}</span>
            {d.page > 1 ? (
              <Link className="ds-link" to={`/avvik?side=${d.page - 1}`}>
                {t("incident.newer")}
              </Link>
            ) : null}
            {d.older ? (
              <Link className="ds-link" to={`/avvik?side=${d.page + 1}`}>
                {t("incident.older")}
              </Link>
            ) : null}
          </nav>
        ) : null}
        {d.seesLog ? (
          <section aria-labelledby="eksport" className="stack">
            <h3 className="ds-heading" data-size="xs" id="eksport">
              {t("incident.export")}
            </h3>
            <ExportLinks base="/avvik/eksport" />
          </section>
        ) : null}
      </section>
    </div>
  );
}
