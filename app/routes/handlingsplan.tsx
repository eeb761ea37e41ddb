import { Form, Link, redirect } from "react-router";
import { ExportLinks } from "../components/export-links.tsx";
import { Notice } from "../components/form.tsx";
import { ScrollTable } from "../components/scroll-table.tsx";
import { listRounds } from "../features/assessment/rounds.server.ts";
import { hasFeed, renewFeed, stopFeed } from "../features/plan/calendar.server.ts";
import { measureWordsIn, questionOfMeasure } from "../features/plan/measure-question.server.ts";
import { listMeasures, planOrder } from "../features/plan/plan.server.ts";
import { isOverdue } from "../features/plan/priority.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { localeFor, readForm } from "../lib/route.server.ts";
import { loadPlanScope } from "../lib/scopes.server.ts";
import { dayInNorway, formatDate, formatMoment } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/handlingsplan";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "plan.title");

/**
 * The action plan: the measures the team chose, what is not done first and the nearest due date
 * first, with who is responsible. "Mine" narrows it to what the reader is responsible for.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor, services, owner, ownerId, canManage } = await loadPlanScope(context, request);
  const mine = new URL(request.url).searchParams.get("vis") === "mine";
  const [measures, feedSince, rounds] = await Promise.all([
    listMeasures(services.db, ownerId, ["valgt"]),
    hasFeed(services.db, actor.userId, ownerId),
    listRounds(services.db, ownerId),
  ]);
  // A measure still in the question bank's words is shown in the reader's bokmål or nynorsk.
  const wordsOf = measureWordsIn(questionOfMeasure(rounds), localeFor(request, actor));
  const all = planOrder(measures);
  const today = dayInNorway();
  const rows = mine ? all.filter((m) => m.responsible_id === actor.userId) : all;
  return {
    owner: owner.name,
    canManage,
    mine,
    feedSince,
    counts: {
      all: all.length,
      done: all.filter((m) => m.status === "ferdig").length,
      overdue: all.filter((m) => isOverdue(m, today)).length,
      mine: all.filter((m) => m.responsible_id === actor.userId && m.status !== "ferdig").length,
    },
    rows: rows.map((m) => ({
      id: m.id,
      title: wordsOf(m).title,
      responsible: m.responsible_name,
      due: m.due_on,
      overdue: isOverdue(m, today),
      status: m.status,
      processing: m.processing_name,
      processingId: m.processing_id,
    })),
  };
}

/**
 * The reader's secret calendar address: a new one (shown once, in the answer to this post; an
 * earlier one stops working), or none.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const { actor, services, ownerId } = await loadPlanScope(context, request);
  const intent = (await readForm(request)).get("intent");
  if (intent === "kalender-av") {
    await stopFeed(services.db, actor.userId, ownerId);
    return redirect("/handlingsplan?kalender=av#kalender", 303);
  }
  const token = await renewFeed(services.db, actor.userId, ownerId);
  return { feedUrl: `${services.config.publicUrl}/handlingsplan/kalender/${token}.ics` };
}

export default function Handlingsplan({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const caption = d.mine ? t("plan.mine.title") : t("plan.list.title");
  return (
    <div className="stack-lg">
      <div className="stack prose">
        <p className="ds-paragraph eyebrow">{d.owner}</p>
        <h1 className="ds-heading" data-size="lg">
          {t("plan.title")}
        </h1>
        <p className="ds-paragraph">{t("plan.lead")}</p>
        <p className="ds-paragraph">
          {t("plan.summary", { count: d.counts.all, done: d.counts.done, overdue: d.counts.overdue })}
        </p>
        <div className="button-row">
          {d.canManage ? (
            <Link className="ds-button" to="/handlingsplan/ny">
              {t("plan.new")}
            </Link>
          ) : null}
          <Link className="ds-button" data-variant="secondary" to="/prioritering">
            {t("plan.toPriority")}
          </Link>
          <Link className="ds-button" data-variant="secondary" to="/evaluering">
            {t("evaluation.title")}
          </Link>
        </div>
      </div>
      <section aria-labelledby="tiltak" className="stack">
        <h2 className="ds-heading" data-size="md" id="tiltak">
          {caption}
        </h2>
        <nav aria-label={t("plan.filter")} className="button-row">
          {d.mine ? (
            <Link className="ds-link" to="/handlingsplan">
              {t("plan.showAll", { count: d.counts.all })}
            </Link>
          ) : (
            <Link className="ds-link" to="/handlingsplan?vis=mine">
              {t("plan.showMine", { count: d.counts.mine })}
            </Link>
          )}
        </nav>
        {d.rows.length === 0 ? (
          <p className="ds-paragraph prose">{d.mine ? t("plan.mine.empty") : t("plan.empty")}</p>
        ) : (
          <ScrollTable label={caption}>
            <thead>
              <tr>
                <th scope="col">{t("plan.column.measure")}</th>
                <th scope="col">{t("plan.column.responsible")}</th>
                <th scope="col">{t("plan.column.due")}</th>
                <th scope="col">{t("plan.column.status")}</th>
                <th scope="col">{t("plan.column.processing")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="measure-title">
                    <a className="ds-link" href={`/handlingsplan/${r.id}`}>
                      {r.title}
                    </a>
                  </th>
                  <td>{r.responsible ?? t("plan.nobodyYet")}</td>
                  <td>
                    {r.due ? formatDate(r.due, locale) : t("plan.noDue")}
                    {r.overdue ? (
                      <>
                        {" "}
                        <strong className="text-danger">{t("plan.overdue")}</strong>
                      </>
                    ) : null}
                  </td>
                  <td>{t(`plan.status.${r.status}` as MessageKey)}</td>
                  <td>
                    {r.processingId ? (
                      <a className="ds-link" href={`/behandlinger/${r.processingId}`}>
                        {r.processing}
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
        {d.counts.all > 0 ? (
          <section aria-labelledby="eksport" className="stack">
            <h3 className="ds-heading" data-size="xs" id="eksport">
              {t("plan.export")}
            </h3>
            <ExportLinks base="/handlingsplan/eksport" />
          </section>
        ) : null}
      </section>
      <section aria-labelledby="kalender" className="stack prose">
        <h2 className="ds-heading" data-size="md" id="kalender" tabIndex={-1}>
          {t("plan.calendar.title")}
        </h2>
        <p className="ds-paragraph">{t("plan.calendar.lead")}</p>
        {actionData?.feedUrl ? (
          <Notice>
            <span className="stack-sm">
              <label className="ds-label" htmlFor="kalenderadresse">
                {t("plan.calendar.address")}
              </label>
              <input
                id="kalenderadresse"
                className="ds-input"
                readOnly
                value={actionData.feedUrl}
                aria-describedby="kalenderadresse-hjelp"
              />
              <span className="ds-paragraph" id="kalenderadresse-hjelp">
                {t("plan.calendar.howTo")}
              </span>
            </span>
          </Notice>
        ) : d.feedSince ? (
          <p className="ds-paragraph">
            {t("plan.calendar.active", { date: formatMoment(d.feedSince, locale) })}
          </p>
        ) : null}
        <Form method="post" action="#kalender" className="button-row">
          <button type="submit" className="ds-button" data-variant="secondary" name="intent" value="kalender">
            {d.feedSince || actionData?.feedUrl ? t("plan.calendar.renew") : t("plan.calendar.make")}
          </button>
          {d.feedSince || actionData?.feedUrl ? (
            <button
              type="submit"
              className="ds-button"
              data-variant="tertiary"
              name="intent"
              value="kalender-av"
            >
              {t("plan.calendar.stop")}
            </button>
          ) : null}
        </Form>
      </section>
    </div>
  );
}
