import { data, Form, Link, redirect } from "react-router";
import { ErrorSummary, Notice, SelectField } from "../components/form.tsx";
import { GatheringCard, GroupList } from "../components/programme-groups.tsx";
import { OwnerPartView } from "../components/programme-owner-part.tsx";
import { bankLocale, currentBank } from "../features/assessment/bank.server.ts";
import { listNetworkOwners } from "../features/orgs/networks.server.ts";
import { can } from "../features/policy/policy.server.ts";
import { hasAnswered } from "../features/programme/evaluation.server.ts";
import { listAttendance } from "../features/programme/groups.server.ts";
import { addOwnerToProgramme, listDepartures } from "../features/programme/leave-programme.server.ts";
import {
  commentNotice,
  loadProgramme,
  ownerParts,
  ownOwners,
  postComment,
} from "../features/programme/programme-page.server.ts";
import { cohortFigures, scheduleGathering } from "../features/programme/programmes.server.ts";
import { ZComment, ZGathering, ZShare } from "../features/programme/schemas.ts";
import { saveShare } from "../features/programme/sharing.server.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { formObject, parseObject, valuesToShow } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { authorize, localeFor, notFound, readForm } from "../lib/route.server.ts";
import { dayInNorway, formatDate } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/program-detalj";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
  loaderData ? [{ title: `${loaderData.name} – Oppvern` }] : pageTitle(matches, "programme.title");

/** The programme, if this person may see it (else 404), with who this person is in it. */
const load = (args: Route.LoaderArgs | Route.ActionArgs) =>
  loadProgramme(args.context, args.request, args.params.id);

export async function loader(args: Route.LoaderArgs) {
  const page = await load(args);
  const { actor, services, programme: p, canManage } = page;
  const lang = bankLocale(localeFor(args.request, actor));
  const [figures, attendance, mine, departures, networkOwners] = await Promise.all([
    cohortFigures(
      services.db,
      p.owners.map((o) => o.id),
    ),
    listAttendance(services.db, p.id),
    ownerParts(page),
    listDepartures(services.db, p.id),
    canManage ? listNetworkOwners(services.db, p.network_id) : [],
  ]);
  const inProgramme = new Set(p.owners.map((o) => o.id));
  const mayEvaluate = can(actor, "programme:evaluate", page.resource);
  const evaluation = {
    mayAnswer: mayEvaluate,
    mayRead: can(actor, "programme:evaluation-results", page.resource),
    answered: mayEvaluate ? await hasAnswered(services.db, p.id, actor.userId) : false,
  };
  // Attendance at past gatherings stays after an owner leaves (decision 017): it keeps its name.
  const nameOf = new Map([...departures, ...p.owners].map((o) => [o.id, o.name]));
  const url = new URL(args.request.url);
  return {
    id: p.id,
    name: p.name,
    network: p.network_name,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    owners: p.owners.map((o) => o.name),
    gatherings: p.gatherings.map((g) => ({
      ...g,
      attended: [...(attendance.get(g.number) ?? [])].map((id) => nameOf.get(id) ?? "").sort(),
    })),
    canManage,
    canAttend: page.attendable.length > 0,
    evaluation,
    groups: page.groups.map((g) => ({
      id: g.id,
      name: g.name,
      guideName: g.guideName,
      owners: g.owners.map((o) => o.name),
      followed: page.followed.some((f) => f.id === g.id),
    })),
    mine,
    commentNotice: commentNotice(args.request),
    // The programansvarlig sees which owners have left, and when.
    departed: canManage
      ? departures.map((o) => ({ id: o.id, name: o.name, leftOn: dayInNorway(o.left_at) }))
      : [],
    // The network's owners the programansvarlig can still take in (also those that left).
    candidates: networkOwners.filter((o) => !inProgramme.has(o.id)).map((o) => ({ id: o.id, name: o.name })),
    added: url.searchParams.get("tatt-med"),
    shared: url.searchParams.get("delt"),
    attendanceSaved: Number(url.searchParams.get("oppmote") ?? -1),
    made: url.searchParams.get("laget") === "1",
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
  const page = await load(args);
  const { actor, services, programme, canManage } = page;
  const form = await readForm(args.request);
  const intent = form.get("intent");
  if (intent === "del" || intent === "kommentar") {
    const raw = formObject(form, []);
    const owner = programme.owners.find((o) => o.id === raw.eier);
    if (!owner) notFound();
    const index = ownOwners(page).indexOf(owner);
    if (intent === "del") {
      authorize(actor, "programme:share", page.ownerResource(owner.id));
      const parsed = parseObject(ZShare, raw);
      if (!parsed.ok)
        return data({ intent, owner: owner.id, errors: parsed.errors, values: {} }, { status: 400 });
      await saveShare(services.db, {
        programmeId: programme.id,
        ownerId: owner.id,
        share: { progress: parsed.data.fremdrift === "ja", scores: parsed.data.resultater === "ja" },
        userId: actor.userId,
      });
      return redirect(`/program/${programme.id}?delt=${owner.id}#o${index}-del`, 303);
    }
    authorize(actor, "programme:comment", page.ownerResource(owner.id));
    // Only the owner's own people answer here; the guide writes on the group's page.
    if (index < 0) notFound();
    const parsed = parseObject(ZComment, raw);
    if (!parsed.ok)
      return data(
        { intent, owner: owner.id, errors: parsed.errors, values: raw as Record<string, string> },
        { status: 400 },
      );
    await postComment(page, owner, "eier", parsed.data.tekst);
    return redirect(`/program/${programme.id}#o${index}k-kommentarer`, 303);
  }
  if (!canManage) notFound();
  if (intent === "ta-med") {
    const ownerId = String(form.get("eier") ?? "");
    const added = await addOwnerToProgramme(services.db, {
      programmeId: programme.id,
      networkId: programme.network_id,
      ownerId,
      userId: actor.userId,
    });
    if (!added)
      return data(
        { intent, owner: "", errors: { eier: "programme.addOwner.error" }, values: { eier: ownerId } },
        { status: 400 },
      );
    return redirect(`/program/${programme.id}?tatt-med=${ownerId}#deltakere`, 303);
  }
  const raw = formObject(form, []);
  const parsed = parseObject(ZGathering, raw);
  if (!parsed.ok)
    return data(
      {
        intent: "samling",
        owner: "",
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
        <p className="ds-paragraph">
          <Link className="ds-link" to={`/program/${d.id}/ressurser`}>
            {t("programme.resourcesLink")}
          </Link>
        </p>
        <ol className="measure-list">
          {d.gatherings.map((g) => (
            <GatheringCard
              key={g.number}
              programmeId={d.id}
              gathering={g}
              canManage={d.canManage}
              canAttend={d.canAttend}
              attendanceSaved={d.attendanceSaved === g.number}
              refused={
                actionData && "number" in actionData && actionData.number === g.number ? actionData : null
              }
            />
          ))}
        </ol>
      </section>
      {d.mine.length > 0 ? (
        <section aria-labelledby="var-del" className="stack">
          <h2 className="ds-heading" data-size="md" id="var-del">
            {t("groups.mine.title")}
          </h2>
          {d.mine.map((part, i) => (
            <OwnerPartView
              key={part.id}
              programmeId={d.id}
              part={part}
              commentNotice={d.commentNotice?.owner === part.id ? d.commentNotice.kind : null}
              idPrefix={`o${i}`}
              saved={d.shared === part.id}
              refused={
                actionData && "owner" in actionData && actionData.owner === part.id ? actionData : null
              }
            />
          ))}
        </section>
      ) : null}
      <GroupList programmeId={d.id} groups={d.groups} canManage={d.canManage} />
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
        {d.added ? <Notice>{t("programme.addOwner.done")}</Notice> : null}
        {d.canManage && d.candidates.length > 0 ? (
          <Form method="post" action="#deltakere" className="stack-sm" noValidate>
            <ErrorSummary state={actionData?.intent === "ta-med" ? actionData : null} />
            <input type="hidden" name="intent" value="ta-med" />
            <SelectField
              name="eier"
              label={t("programme.addOwner.label")}
              description={t("programme.addOwner.help")}
              state={actionData?.intent === "ta-med" ? actionData : undefined}
              options={d.candidates.map((o) => ({ value: o.id, label: o.name }))}
            />
            <p>
              <button type="submit" className="ds-button" data-variant="secondary">
                {t("programme.addOwner.submit")}
              </button>
            </p>
          </Form>
        ) : null}
        {d.departed.length > 0 ? (
          <>
            <h3 className="ds-heading" data-size="xs" id="gikk-ut">
              {t("programme.departed.title", { count: d.departed.length })}
            </h3>
            <p className="ds-paragraph">{t("programme.departed.lead")}</p>
            <ul className="ds-list" aria-labelledby="gikk-ut">
              {d.departed.map((o) => (
                <li key={o.id}>
                  {t("programme.departed.item", { owner: o.name, date: formatDate(o.leftOn, locale) })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {d.evaluation.mayAnswer || d.evaluation.mayRead ? (
        <section aria-labelledby="evaluering" className="stack prose">
          <h2 className="ds-heading" data-size="md" id="evaluering">
            {t("programmeEvaluation.section")}
          </h2>
          <p className="ds-paragraph">
            {t(
              d.evaluation.mayAnswer
                ? d.evaluation.answered
                  ? "programmeEvaluation.section.answered"
                  : "programmeEvaluation.section.notAnswered"
                : "programmeEvaluation.section.lead",
            )}
          </p>
          <p className="ds-paragraph">
            <Link className="ds-link" to={`/program/${d.id}/evaluering`}>
              {t("programmeEvaluation.link")}
            </Link>
          </p>
        </section>
      ) : null}
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
