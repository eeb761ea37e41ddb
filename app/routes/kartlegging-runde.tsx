import { data, Form, Link } from "react-router";
import { Notice } from "../components/form.tsx";
import { storeAreaScores } from "../features/assessment/results.server.ts";
import { loadRound, roundOverview } from "../features/assessment/round-page.server.ts";
import { areasFor, closeRound } from "../features/assessment/rounds.server.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { notFound, readForm } from "../lib/route.server.ts";
import { formatDate, nowIso } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/kartlegging-runde";

/** Links, progress and one form: plain HTML, no JavaScript to load. */
export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.title ?? ""} – Oppvern` },
];

/** A round's overview: progress per part and area, where the user left off, and (koordinator) closing. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { services, round, bank, scopes, lang, canManage, actor, owner, readsResults } = await loadRound(
    context,
    request,
    params.id,
  );
  const url = new URL(request.url);
  // One part's areas at a time: the chosen one, else the only one, else the owner's own part.
  const chosen = url.searchParams.get("del");
  const shownScope =
    scopes.find((s) => s.scope === chosen) ??
    (scopes.length === 1 ? scopes[0] : scopes.find((s) => s.scope === "eier"));
  const {
    parts,
    shown,
    last: mine,
  } = await roundOverview(services.db, round.id, bank, scopes, {
    shown: shownScope,
    userId: actor.userId,
    revision: round.revision,
  });
  // Right after the start: the units nobody was invited to answer for (they have no leader).
  const started = url.searchParams.get("startet") === "1";
  const invitedFor =
    started && canManage
      ? new Set(
          (
            await services.db
              .selectFrom("assessment_respondent")
              .select("scope")
              .where("round_id", "=", round.id)
              .execute()
          ).map((r) => r.scope),
        )
      : null;
  // Back to the area of the question this person answered last.
  const resumeScope = mine ? scopes.find((s) => s.scope === mine.scope) : undefined;
  const resumeArea =
    mine && resumeScope
      ? areasFor(bank, resumeScope.kind).find((a) => a.questions.some((q) => q.id === mine.question_id))
      : undefined;
  return {
    id: round.id,
    title: round.title,
    owner: owner.name,
    status: round.status,
    deadline: round.deadline,
    version: round.bank_version,
    canManage,
    // The results of a part this user answers (a unit leader: their unit's), or of every part.
    readsResults: scopes.some((s) => readsResults(s.scope)),
    started,
    uninvited: invitedFor
      ? scopes.filter((s) => s.scope !== "eier" && !invitedFor.has(s.scope)).map((s) => s.name)
      : [],
    // Back to where this person left off, unless everything they can see is answered.
    resume:
      resumeScope && resumeArea && parts.some((s) => s.answered < s.total)
        ? {
            href: `/kartlegging/${round.id}/${resumeScope.scope}/${resumeArea.area.id}#${mine?.question_id}`,
            label: `${resumeScope.name}: ${resumeArea.area.tittel[lang]}`,
          }
        : null,
    // For the question before closing: how much is still unanswered or not reconciled.
    totals: {
      total: parts.reduce((n, s) => n + s.total, 0),
      answered: parts.reduce((n, s) => n + s.answered, 0),
      open: parts.reduce((n, s) => n + s.open, 0),
    },
    parts:
      parts.length > 1
        ? parts.map((s) => ({
            scope: s.scope,
            name: s.name,
            total: s.total,
            answered: s.answered,
            open: s.open,
          }))
        : [],
    shown: shown
      ? {
          scope: shown.scope,
          name: shown.name,
          total: shown.total,
          answered: shown.answered,
          areas: shown.areas.map((a) => ({
            id: a.area.id,
            title: a.area.tittel[lang],
            total: a.total,
            answered: a.answered,
            open: a.open,
          })),
        }
      : null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { services, round, canManage, actor, ownerId, bank, scopes } = await loadRound(
    context,
    request,
    params.id,
  );
  if (!canManage) notFound();
  const form = await readForm(request);
  if (form.get("intent") !== "close") return data({ message: "assessment.unknownAction" }, { status: 400 });
  if (round.status === "closed") return data({ message: "assessment.alreadyClosed" }, { status: 409 });
  // Closing locks every answer for good: the koordinator is asked once more, and told what is
  // still unanswered or not reconciled.
  if (form.get("bekreft") !== "1") return data({ confirm: true as const });
  if (await closeRound(services.db, ownerId, round.id, actor.userId))
    // Someone who manages the round has all its parts, read with the round.
    await storeAreaScores(services.db, ownerId, round.id, bank, nowIso(), scopes);
  return data({ done: "assessment.closed" });
}

const percent = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 100));

export default function KartleggingRunde({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const closed = d.status === "closed";
  return (
    <div className="stack-lg">
      <div className="stack">
        <p className="ds-paragraph eyebrow">
          <Link className="ds-link" to="/kartlegging">
            {t("assessment.title")}
          </Link>
        </p>
        <h1 className="ds-heading" data-size="lg">
          {d.title}
        </h1>
        <p className="ds-paragraph">
          {t(closed ? "assessment.status.closed" : "assessment.status.open")}
          {d.deadline ? ` · ${t("assessment.deadline")}: ${formatDate(d.deadline, locale)}` : ""}
          {` · ${t("assessment.bankVersion", { version: d.version })}`}
        </p>
      </div>
      {d.started ? <Notice>{t("assessment.startedNotice")}</Notice> : null}
      {d.uninvited.length > 0 ? (
        <Notice color="warning">{t("assessment.uninvited", { units: d.uninvited.join(", ") })}</Notice>
      ) : null}
      {actionData && "done" in actionData ? <Notice>{t("assessment.closed")}</Notice> : null}
      {actionData && "message" in actionData ? (
        <Notice color="danger">{t(actionData.message as "assessment.alreadyClosed")}</Notice>
      ) : null}
      {closed && !(actionData && "done" in actionData) ? (
        <Notice color="info">{t("assessment.closedNotice")}</Notice>
      ) : null}
      {d.canManage && !closed && actionData && "confirm" in actionData ? (
        <section aria-labelledby="bekreft" className="ds-card stack prose" data-color="warning">
          <h2 className="ds-heading" data-size="sm" id="bekreft">
            {t("assessment.confirmClose")}
          </h2>
          <p className="ds-paragraph">
            {t("assessment.confirmCloseState", {
              unanswered: d.totals.total - d.totals.answered,
              total: d.totals.total,
              open: d.totals.open,
            })}
          </p>
          <p className="ds-paragraph">{t("assessment.confirmCloseLocks")}</p>
          <Form method="post" className="button-row">
            <input type="hidden" name="intent" value="close" />
            <input type="hidden" name="bekreft" value="1" />
            <button type="submit" className="ds-button" data-color="danger">
              {t("assessment.confirmCloseYes")}
            </button>
            <Link className="ds-button" data-variant="secondary" to={`/kartlegging/${d.id}`}>
              {t("assessment.confirmCloseNo")}
            </Link>
          </Form>
        </section>
      ) : null}
      <p className="button-row">
        {d.resume && !closed ? (
          <Link className="ds-button" to={d.resume.href}>
            {t("assessment.resume", { where: d.resume.label })}
          </Link>
        ) : null}
        {d.readsResults ? (
          <Link className="ds-button" data-variant="secondary" to={`/kartlegging/${d.id}/resultat`}>
            {t("assessment.results")}
          </Link>
        ) : null}
        {d.canManage ? (
          <>
            {!closed ? (
              <Link className="ds-button" data-variant="secondary" to={`/kartlegging/${d.id}/avstemming`}>
                {t("assessment.reconcile")}
              </Link>
            ) : null}
          </>
        ) : null}
      </p>
      {d.parts.length > 0 ? (
        <section aria-labelledby="deler" className="stack">
          <h2 className="ds-heading" data-size="sm" id="deler">
            {t("assessment.parts")}
          </h2>
          <table className="ds-table" data-size="sm">
            <thead>
              <tr>
                <th scope="col">{t("assessment.part")}</th>
                <th scope="col">{t("assessment.answered")}</th>
                <th scope="col">{t("assessment.disagreements")}</th>
              </tr>
            </thead>
            <tbody>
              {d.parts.map((p) => (
                <tr key={p.scope} aria-current={d.shown?.scope === p.scope ? "true" : undefined}>
                  <td>
                    <Link className="ds-link" to={`/kartlegging/${d.id}?del=${p.scope}#omrader`}>
                      {p.scope === "eier" ? t("assessment.ownerPart", { name: p.name }) : p.name}
                    </Link>
                  </td>
                  <td>
                    {p.answered} / {p.total} ({percent(p.answered, p.total)} %)
                  </td>
                  <td>{p.open}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {d.shown ? (
        <section aria-labelledby="omrader" className="stack" id="omrader-del">
          <h2 className="ds-heading" data-size="sm" id="omrader">
            {d.shown.scope === "eier" ? t("assessment.ownerPart", { name: d.shown.name }) : d.shown.name}
          </h2>
          <p className="ds-paragraph">
            {t("assessment.progress", { answered: d.shown.answered, total: d.shown.total })}{" "}
            <progress
              max={d.shown.total}
              value={d.shown.answered}
              aria-label={`${d.shown.name}: ${t("assessment.progressLabel")}`}
            />{" "}
            {percent(d.shown.answered, d.shown.total)} %
          </p>
          <table className="ds-table" data-size="sm">
            <thead>
              <tr>
                <th scope="col">{t("assessment.area")}</th>
                <th scope="col">{t("assessment.answered")}</th>
                <th scope="col">{t("assessment.disagreements")}</th>
              </tr>
            </thead>
            <tbody>
              {d.shown.areas.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link className="ds-link" to={`/kartlegging/${d.id}/${d.shown?.scope}/${a.id}`}>
                      {a.title}
                    </Link>
                  </td>
                  <td>
                    {a.answered} / {a.total}
                  </td>
                  <td>{a.open}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {d.canManage && !closed ? (
        <Form method="post" className="stack prose">
          <input type="hidden" name="intent" value="close" />
          <p className="ds-paragraph">{t("assessment.closeHelp")}</p>
          <p>
            <button type="submit" className="ds-button" data-variant="secondary" data-color="danger">
              {t("assessment.close")}
            </button>
          </p>
        </Form>
      ) : null}
    </div>
  );
}
