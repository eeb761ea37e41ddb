import { Link } from "react-router";
import { Notice } from "../components/form.tsx";
import { openIncidentSummary } from "../features/incidents/incidents.server.ts";
import { workOverview } from "../features/overview/work-overview.server.ts";
import { can } from "../features/policy/policy.server.ts";
import { countKey, type MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { currentMembership, currentOwnerId, getServices, loadActor } from "../lib/route.server.ts";
import { dayInNorway, formatDate } from "../lib/time.ts";
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
  const ownerDeleted = new URL(request.url).searchParams.get("eierSlettet") === "1";
  if (!actor) return { overview: null, loggedOut };
  const current = currentMembership(request, actor);
  // Anyone who works for an owner can report an incident from here; those who keep the log (its
  // koordinator and personvernombud) see what is open.
  const ownerId = currentOwnerId(request, actor);
  const reports = ownerId !== null && can(actor, "incident:report", { type: "owner", ownerId });
  const { db } = getServices(context);
  const [incidents, work] = await Promise.all([
    ownerId && can(actor, "incident:read", { type: "owner", ownerId })
      ? openIncidentSummary(db, ownerId)
      : null,
    workOverview(db, actor, ownerId, dayInNorway()),
  ]);
  return {
    loggedOut,
    overview: {
      ownerDeleted,
      reports,
      incidents,
      work,
      startsRounds: ownerId !== null && can(actor, "assessment:manage", { type: "owner", ownerId }),
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

/** One step of the work cycle: its name, where it stands, and where to go on. */
function CycleStep({
  title,
  links,
  children,
}: {
  title: string;
  links: { to: string; label: string }[];
  children: React.ReactNode;
}) {
  return (
    <li className="ds-card stack-sm">
      <h3 className="ds-heading" data-size="2xs">
        {title}
      </h3>
      {children}
      <p className="ds-paragraph button-row" data-size="sm">
        {links.map((l) => (
          <Link key={l.to} className="ds-link" to={l.to}>
            {l.label}
          </Link>
        ))}
      </p>
    </li>
  );
}

type Work = NonNullable<Route.ComponentProps["loaderData"]["overview"]>["work"];

/** What waits for this person, and where the owner's work stands in each step of the cycle. */
function WorkSections({ work }: { work: Work }) {
  const t = useT();
  const locale = useLocale();
  const date = (iso: string) => formatDate(iso, locale);
  const plan = work.plan;
  const registers = work.registers;
  return (
    <>
      {work.courses.length > 0 ? (
        <section aria-labelledby="courses-heading" className="stack">
          <h2 id="courses-heading" className="ds-heading" data-size="sm">
            {t("overview.coursesHeading")}
          </h2>
          <ul className="ds-list">
            {work.courses.map((c) => (
              <li key={c.id}>
                <Link className="ds-link" to={`/kompetanse/${c.pkg}/${c.mod}`}>
                  {t(`learning.package.${c.pkg}` as MessageKey)},{" "}
                  {t("learning.moduleNumber", { number: c.mod })}
                </Link>{" "}
                –{" "}
                {c.overdue ? (
                  <strong className="text-danger">
                    {t("overview.courseOverdue", { date: date(c.due) })}
                  </strong>
                ) : (
                  t("overview.courseDue", { date: date(c.due) })
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {work.openRounds.length > 0 ? (
        <section aria-labelledby="rounds-heading" className="stack">
          <h2 id="rounds-heading" className="ds-heading" data-size="sm">
            {t("overview.roundsHeading")}
          </h2>
          <ul className="ds-list">
            {work.openRounds.map((r) => (
              <li key={r.id}>
                <Link className="ds-link" to={`/kartlegging/${r.id}`}>
                  {r.title}
                </Link>{" "}
                –{" "}
                {r.deadline
                  ? t("overview.roundDeadline", { date: date(r.deadline) })
                  : t("overview.roundNoDeadline")}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {plan ? (
        <section aria-labelledby="cycle-heading" className="stack">
          <h2 id="cycle-heading" className="ds-heading" data-size="sm">
            {t("overview.cycleHeading")}
          </h2>
          <p className="ds-paragraph">{t("overview.cycleIntro")}</p>
          <ol className="cycle-steps">
            <CycleStep
              title={t("overview.step.assess")}
              links={[{ to: "/kartlegging", label: t("overview.assess.link") }]}
            >
              <p className="ds-paragraph" data-size="sm">
                {work.openRounds.length > 0
                  ? t(work.openRounds.length === 1 ? "overview.assess.open" : "overview.assess.openMany", {
                      n: work.openRounds.length,
                    })
                  : null}{" "}
                {work.lastClosed
                  ? t("overview.assess.last", {
                      title: work.lastClosed.title,
                      date: date(work.lastClosed.closedOn),
                    })
                  : work.openRounds.length === 0
                    ? t("overview.assess.none")
                    : null}
              </p>
            </CycleStep>
            <CycleStep
              title={t("overview.step.prioritise")}
              links={[{ to: "/prioritering", label: t("overview.prioritise.link") }]}
            >
              <p className="ds-paragraph" data-size="sm">
                {plan.proposals > 0
                  ? t("overview.prioritise.waiting", { n: plan.proposals })
                  : t("overview.prioritise.none")}
              </p>
            </CycleStep>
            <CycleStep
              title={t("overview.step.act")}
              links={[
                { to: "/handlingsplan", label: t("overview.act.link") },
                ...(registers ? [{ to: "/behandlinger", label: t("overview.act.registers") }] : []),
              ]}
            >
              <p className="ds-paragraph" data-size="sm">
                {plan.open + plan.done === 0
                  ? t("overview.act.empty")
                  : t("overview.act.plan", { open: plan.open, done: plan.done })}{" "}
                {plan.overdue > 0 ? (
                  <strong className="text-danger">
                    {t(countKey("overview.act.overdue", plan.overdue), { n: plan.overdue })}
                  </strong>
                ) : null}{" "}
                {plan.mine > 0 ? t("overview.act.mine", { n: plan.mine }) : null}
              </p>
              {registers &&
              registers.withoutAgreement + registers.awaitingAdvice + registers.awaitingApproval > 0 ? (
                <ul className="ds-list" data-size="sm">
                  {registers.withoutAgreement > 0 ? (
                    <li>{t("overview.act.withoutAgreement", { n: registers.withoutAgreement })}</li>
                  ) : null}
                  {registers.awaitingAdvice > 0 ? (
                    <li>{t("overview.act.awaitingAdvice", { n: registers.awaitingAdvice })}</li>
                  ) : null}
                  {registers.awaitingApproval > 0 ? (
                    <li>{t("overview.act.awaitingApproval", { n: registers.awaitingApproval })}</li>
                  ) : null}
                </ul>
              ) : null}
            </CycleStep>
            <CycleStep
              title={t("overview.step.evaluate")}
              links={[{ to: "/evaluering", label: t("overview.evaluate.link") }]}
            >
              <p className="ds-paragraph" data-size="sm">
                {t("overview.evaluate.ready")}
              </p>
            </CycleStep>
          </ol>
        </section>
      ) : null}
    </>
  );
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { overview } = loaderData;
  if (overview) {
    return (
      <div className="stack-lg">
        {overview.ownerDeleted ? <Notice>{t("overview.ownerDeleted")}</Notice> : null}
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
        <WorkSections work={overview.work} />
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
