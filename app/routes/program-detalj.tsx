import { data, Link, redirect } from "react-router";
import { ErrorSummary, Field, Notice } from "../components/form.tsx";
import { bankLocale, currentBank } from "../features/assessment/bank.server.ts";
import { can } from "../features/policy/policy.server.ts";
import { cohortFigures, getProgramme, scheduleGathering } from "../features/programme/programmes.server.ts";
import { ZGathering } from "../features/programme/schemas.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { formObject, parseObject, valuesToShow } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { authorize, getServices, localeFor, notFound, readForm, requireActor } from "../lib/route.server.ts";
import { formatDate } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/program-detalj";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "programme.title");

/** The programme, if this person may see it (else 404), and whether they run it. */
async function loadProgramme(args: Route.LoaderArgs | Route.ActionArgs) {
  const actor = await requireActor(args.context, args.request);
  const services = getServices(args.context);
  const programme = await getProgramme(services.db, args.params.id);
  if (!programme) notFound();
  const resource = {
    type: "programme" as const,
    networkId: programme.network_id,
    ownerIds: programme.owners.map((o) => o.id),
  };
  authorize(actor, "programme:read", resource);
  return { actor, services, programme, canManage: can(actor, "programme:manage", resource) };
}

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, programme: p, canManage } = await loadProgramme(args);
  const lang = bankLocale(localeFor(args.request, actor));
  const figures = await cohortFigures(
    services.db,
    p.owners.map((o) => o.id),
  );
  return {
    name: p.name,
    network: p.network_name,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    owners: p.owners.map((o) => o.name),
    gatherings: p.gatherings,
    canManage,
    made: new URL(args.request.url).searchParams.get("laget") === "1",
    figures: {
      owners: figures.owners,
      assessed: figures.assessed,
      areas: currentBank().areas.flatMap((a) => {
        const spread = figures.areas.get(a.id);
        return spread
          ? [{ id: a.id, name: a.tittel[lang], owners: spread.owners, median: spread.median }]
          : [];
      }),
      plan: figures.plan,
      training: figures.training,
    },
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, programme, canManage } = await loadProgramme(args);
  if (!canManage) notFound();
  const raw = formObject(await readForm(args.request), []);
  const parsed = parseObject(ZGathering, raw);
  if (!parsed.ok)
    return data(
      {
        number: Number(raw.samling),
        errors: parsed.errors,
        values: valuesToShow(raw, ["dato"]) as Record<string, string>,
      },
      { status: 400 },
    );
  await scheduleGathering(services.db, {
    programmeId: programme.id,
    networkId: programme.network_id,
    number: parsed.data.samling,
    heldOn: parsed.data.dato || null,
    place: parsed.data.sted,
    userId: actor.userId,
  });
  return redirect(`/program/${programme.id}#samling-${parsed.data.samling}`, 303);
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

export default function ProgramDetalj({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const f = d.figures;
  return (
    <div className="stack-lg">
      <div className="stack prose">
        <p className="ds-paragraph eyebrow">
          <Link className="ds-link" to="/program">
            {t("programme.title")}
          </Link>
        </p>
        <h1 className="ds-heading" data-size="lg">
          {d.name}
        </h1>
        <div id="lagret">{d.made ? <Notice>{t("programme.made")}</Notice> : null}</div>
        <p className="ds-paragraph">
          {t("programme.runBy", { network: d.network })}
          {d.startsOn ? ` ${formatDate(d.startsOn, locale)}` : ""}
          {d.endsOn ? ` – ${formatDate(d.endsOn, locale)}` : ""}
        </p>
      </div>
      <section aria-labelledby="samlinger" className="stack">
        <h2 className="ds-heading" data-size="md" id="samlinger">
          {t("programme.gatherings.title")}
        </h2>
        <ol className="measure-list">
          {d.gatherings.map((g) => {
            const refused = actionData && actionData.number === g.number ? actionData : null;
            const state = refused ? { errors: refused.errors, values: refused.values } : null;
            return (
              <li key={g.number}>
                <article className="ds-card measure-card stack" id={`samling-${g.number}`} tabIndex={-1}>
                  <h3 className="ds-heading" data-size="xs">
                    {t("programme.gathering.heading", { number: g.number })}:{" "}
                    {t(`programme.gathering.${g.number}.title` as MessageKey)}
                  </h3>
                  <p className="ds-paragraph">
                    {g.held_on ? formatDate(g.held_on, locale) : t("programme.gathering.noDate")}
                    {g.place ? `, ${g.place}` : ""}
                  </p>
                  <dl className="facts">
                    <div>
                      <dt>{t("programme.gathering.forGuides")}</dt>
                      <dd>{t(`programme.gathering.${g.number}.guides` as MessageKey)}</dd>
                    </div>
                    {g.number > 0 ? (
                      <div>
                        <dt>{t("programme.gathering.forParticipants")}</dt>
                        <dd>{t(`programme.gathering.${g.number}.participants` as MessageKey)}</dd>
                      </div>
                    ) : null}
                  </dl>
                  {d.canManage ? (
                    <form method="post" action={`#samling-${g.number}`} className="stack" noValidate>
                      <ErrorSummary state={state} idPrefix={`s${g.number}`} />
                      <input type="hidden" name="samling" value={g.number} />
                      <Field
                        name="dato"
                        type="date"
                        idPrefix={`s${g.number}`}
                        label={t("programme.field.date")}
                        defaultValue={g.held_on ?? ""}
                        state={state}
                      />
                      <Field
                        name="sted"
                        idPrefix={`s${g.number}`}
                        label={t("programme.field.place")}
                        defaultValue={g.place}
                        state={state}
                      />
                      <p>
                        <button type="submit" className="ds-button" data-variant="secondary">
                          {t("programme.schedule")}
                          <span className="ds-sr-only">
                            : {t("programme.gathering.heading", { number: g.number })}
                          </span>
                        </button>
                      </p>
                    </form>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby="deltakere" className="stack prose">
        <h2 className="ds-heading" data-size="md" id="deltakere">
          {t("programme.owners.title", { count: d.owners.length })}
        </h2>
        {d.owners.length === 0 ? (
          <p className="ds-paragraph">{t("programme.owners.empty")}</p>
        ) : (
          <ul className="ds-list">
            {d.owners.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="tall" className="stack prose">
        <h2 className="ds-heading" data-size="md" id="tall">
          {t("programme.figures.title")}
        </h2>
        <p className="ds-paragraph">{t("programme.figures.lead")}</p>
        <p className="ds-paragraph">
          {t("programme.figures.assessed", { assessed: f.assessed, count: f.owners })}
        </p>
        {f.areas.length === 0 && !f.plan && !f.training ? (
          <p className="ds-paragraph">{t("programme.figures.tooFew")}</p>
        ) : null}
        {f.plan ? (
          <p className="ds-paragraph">
            {t("programme.figures.plan", {
              owners: f.plan.owners,
              measures: f.plan.measures,
              done: percent(f.plan.done, f.plan.measures),
            })}
          </p>
        ) : null}
        {f.training ? (
          <p className="ds-paragraph">
            {t("programme.figures.training", {
              staff: f.training.staff,
              learned: percent(f.training.learned, f.training.staff),
            })}
          </p>
        ) : null}
        {f.areas.length > 0 ? (
          <table className="ds-table" data-border>
            <caption>{t("programme.figures.areas")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("programme.figures.area")}</th>
                <th scope="col">{t("programme.figures.median")}</th>
                <th scope="col">{t("programme.figures.owners")}</th>
              </tr>
            </thead>
            <tbody>
              {f.areas.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>{a.median} / 100</td>
                  <td>{a.owners}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
