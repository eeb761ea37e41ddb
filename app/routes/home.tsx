import { Link } from "react-router";
import { Notice } from "../components/form.tsx";
import { openIncidentSummary } from "../features/incidents/incidents.server.ts";
import { can } from "../features/policy/policy.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { currentMembership, currentOwnerId, getServices, loadActor } from "../lib/route.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/home";

/**
 * Links only: plain HTML. The public front page is the same for every visitor without a cookie,
 * so it is shared (the page cache) like the course pages.
 */
export const handle: RouteHandle = { hydrate: false, sharedWhenAnonymous: true };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "home.title");

const ORG_PATH = {
  eier: "/eiere/",
  enhet: "/enheter/",
  nettverk: "/nettverk/",
  plattform: "/admin",
} as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await loadActor(context, request);
  const loggedOut = new URL(request.url).searchParams.get("utlogget") === "1";
  if (!actor) return { overview: null, loggedOut };
  const current = currentMembership(request, actor);
  // Anyone who works for an owner can report an incident from here; those who keep the log (its
  // koordinator and personvernombud) see what is open.
  const ownerId = currentOwnerId(request, actor);
  const reports = ownerId !== null && can(actor, "incident:report", { type: "owner", ownerId });
  const incidents =
    ownerId && can(actor, "incident:read", { type: "owner", ownerId })
      ? await openIncidentSummary(getServices(context).db, ownerId)
      : null;
  return {
    loggedOut,
    overview: {
      reports,
      incidents,
      name: actor.name,
      current: current ? { name: current.organisationName, role: current.role } : null,
      memberships: actor.memberships.map((m) => ({
        id: m.id,
        role: m.role,
        organisation: m.organisationName,
        href:
          m.kind === "plattform"
            ? "/admin"
            : m.kind === "enhet" && m.role === "ansatt"
              ? null
              : `${ORG_PATH[m.kind]}${m.organisationId}`,
      })),
    },
  };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { overview } = loaderData;
  if (overview) {
    return (
      <div className="stack-lg">
        <h1 className="ds-heading" data-size="lg">
          {t("overview.greeting", { name: overview.name })}
        </h1>
        {overview.current ? (
          <p className="ds-paragraph">
            {t("overview.current", {
              organisation: overview.current.name,
              role: t(`role.${overview.current.role}` as MessageKey),
            })}
          </p>
        ) : (
          <Notice color="info">{t("overview.noMemberships")}</Notice>
        )}
        <section aria-labelledby="roles-heading" className="stack">
          <h2 id="roles-heading" className="ds-heading" data-size="sm">
            {t("overview.rolesHeading")}
          </h2>
          <ul className="card-grid">
            {overview.memberships.map((m) => (
              <li key={m.id} className="ds-card" data-variant="tinted">
                <h3 className="ds-heading" data-size="2xs">
                  {m.href ? (
                    <Link className="ds-link" to={m.href}>
                      {m.organisation}
                    </Link>
                  ) : (
                    m.organisation
                  )}
                </h3>
                <p className="ds-paragraph" data-size="sm">
                  {t(`role.${m.role}` as MessageKey)}
                </p>
              </li>
            ))}
          </ul>
        </section>
        {overview.reports ? (
          <section aria-labelledby="incidents-heading" className="stack">
            <h2 id="incidents-heading" className="ds-heading" data-size="sm">
              {t("overview.incidentsHeading")}
            </h2>
            <p className="ds-paragraph">{t("overview.incidentsLead")}</p>
            {overview.incidents && overview.incidents.open > 0 ? (
              <p className="ds-paragraph">
                {t("overview.openIncidents", { n: overview.incidents.open })}{" "}
                {overview.incidents.overdue > 0 ? (
                  <strong className="text-danger">
                    {t("overview.overdueIncidents", { n: overview.incidents.overdue })}
                  </strong>
                ) : null}
              </p>
            ) : null}
            <p className="button-row">
              <Link className="ds-button" to="/avvik/ny">
                {t("incident.report")}
              </Link>
              <Link className="ds-button" data-variant="secondary" to="/avvik">
                {overview.incidents ? t("incident.log.title") : t("incident.mine.title")}
              </Link>
            </p>
          </section>
        ) : null}
        <section aria-labelledby="next-heading" className="stack">
          <h2 id="next-heading" className="ds-heading" data-size="sm">
            {t("overview.cycleHeading")}
          </h2>
          <p className="ds-paragraph">{t("overview.cycleIntro")}</p>
        </section>
      </div>
    );
  }
  return (
    <div className="stack-lg">
      {loaderData.loggedOut ? <Notice>{t("home.loggedOut")}</Notice> : null}
      <section className="hero stack">
        <h1 className="ds-heading" data-size="xl">
          {t("home.heading")}
        </h1>
        <p className="ds-paragraph" data-size="lg">
          {t("home.lead")}
        </p>
        <p className="button-row">
          <Link className="ds-button" to="/kompetanse">
            {t("home.coursesCta")}
          </Link>
          <Link className="ds-button" data-variant="secondary" to="/logg-inn">
            {t("home.loginCta")}
          </Link>
        </p>
      </section>
      <section aria-labelledby="what-heading" className="stack">
        <h2 id="what-heading" className="ds-heading" data-size="md">
          {t("home.whatHeading")}
        </h2>
        <ul className="card-grid">
          {(["learning", "cycle", "programme"] as const).map((key) => (
            <li key={key} className="ds-card">
              <h3 className="ds-heading" data-size="xs">
                {t(`home.${key}.title`)}
              </h3>
              <p className="ds-paragraph">{t(`home.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="who-heading" className="stack">
        <h2 id="who-heading" className="ds-heading" data-size="md">
          {t("home.whoHeading")}
        </h2>
        <p className="ds-paragraph">{t("home.whoBody")}</p>
        <p className="ds-paragraph">
          {t("home.coursesOpen")}{" "}
          <Link className="ds-link" to="/kompetanse">
            {t("home.coursesCta")}
          </Link>
        </p>
      </section>
    </div>
  );
}
