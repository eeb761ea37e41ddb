import { data, Link, redirect } from "react-router";
import { ErrorSummary, Notice, SelectField, TextAreaField } from "../components/form.tsx";
import { bankLocale, getBank } from "../features/assessment/bank.server.ts";
import { listRounds } from "../features/assessment/rounds.server.ts";
import { listUnits } from "../features/orgs/owners.server.ts";
import { questionOfMeasure } from "../features/plan/measure-question.server.ts";
import {
  decide,
  listMeasures,
  move,
  proposeFromRound,
  rankByPriority,
} from "../features/plan/plan.server.ts";
import { byPriority, CONSEQUENCES, formatPriority, priority } from "../features/plan/priority.ts";
import { inReaderLanguage } from "../features/plan/proposal-text.ts";
import { ZDecision } from "../features/plan/schemas.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useContentLang, useLocale, useT } from "../i18n/use-t.ts";
import { parseList, parseObject } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { localeFor, notFound, pageOf, readForm } from "../lib/route.server.ts";
import { loadPlanScope } from "../lib/scopes.server.ts";
import { formatMoment } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/prioritering";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "priority.title");

/**
 * Prioritising: the gaps of the latest closed round as proposals, ranked by what they are worth
 * doing first; the koordinator reorders them, takes them into the action plan or leaves them out
 * for now, and says why. Others who may read the plan see the same list without the forms.
 */
/** Proposals per page: a round of a weak owner gives about a hundred, decided ten at a time. */
const PAGE = 10;
const listUrl = (page: number, hash: string) => `/prioritering${page > 1 ? `?side=${page}` : ""}#${hash}`;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor, services, owner, ownerId, canManage } = await loadPlanScope(context, request);
  const lang = bankLocale(localeFor(request, actor));
  const [rounds, measures, units] = await Promise.all([
    listRounds(services.db, ownerId),
    listMeasures(services.db, ownerId, ["forslag", "valgt", "valgt-bort"]),
    listUnits(services.db, ownerId),
  ]);
  const latest = rounds.find((r) => r.status === "closed") ?? null;
  const proposals = measures.filter((m) => m.decision === "forslag").sort((a, b) => a.rank - b.rank);
  // Whether someone has moved proposals out of the order of priority (then «start again» helps).
  const moved = proposals
    .slice()
    .sort(byPriority)
    .some((m, i) => m.id !== proposals[i]?.id);
  const questionOf = questionOfMeasure(rounds);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const card = (m: (typeof measures)[number]) => {
    const found = questionOf(m);
    return {
      id: m.id,
      rank: m.rank,
      ...inReaderLanguage(m, found?.question ?? null, lang),
      question: found?.question.tekst[lang] ?? null,
      area: found?.area.tittel[lang] ?? null,
      where: parseList(m.scopes).map((s) => (s === "eier" ? null : (unitName.get(s) ?? "?"))),
      weight: m.weight,
      gap: m.gap,
      consequence: m.consequence,
      effort: m.effort,
      priority: priority(m),
      reason: m.reason,
    };
  };
  return {
    owner: owner.name,
    canManage,
    latest: latest ? { id: latest.id, title: latest.title, closedAt: latest.closed_at } : null,
    proposedFromLatest: latest ? measures.some((m) => m.round_id === latest.id) : false,
    moved,
    ...proposalPage(proposals, pageOf(request), card),
    chosen: measures.filter((m) => m.decision === "valgt").length,
    leftOut: measures.filter((m) => m.decision === "valgt-bort").map(card),
    made: Number(new URL(request.url).searchParams.get("laget") ?? "NaN"),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { actor, services, ownerId, canManage } = await loadPlanScope(context, request);
  if (!canManage) notFound();
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const page = pageOf(request);
  const id = String(form.get("id") ?? "");
  if (intent === "foresla") {
    const round = (await listRounds(services.db, ownerId)).find(
      (r) => r.id === form.get("runde") && r.status === "closed",
    );
    const bank = round ? getBank(round.bank_version) : null;
    if (!round || !bank) notFound();
    const made = await proposeFromRound(services.db, {
      ownerId,
      roundId: round.id,
      bank,
      language: bankLocale(localeFor(request, actor)),
      userId: actor.userId,
    });
    return redirect(`/prioritering?laget=${made}#forslag`, 303);
  }
  if (intent === "sorter") {
    await rankByPriority(services.db, ownerId);
    return redirect(listUrl(1, "forslag"), 303);
  }
  if (intent === "opp" || intent === "ned") {
    await move(services.db, { ownerId, id, up: intent === "opp" });
    // The card may have moved onto the next or the previous page: follow it.
    const place = Number(form.get("plass")) + (intent === "opp" ? -1 : 1);
    return redirect(
      listUrl(Number.isFinite(place) ? Math.floor((place - 1) / PAGE) + 1 : page, `tiltak-${id}`),
      303,
    );
  }
  if (intent !== "beslutt") return data(null, { status: 400 });
  const raw = {
    beslutning: String(form.get("beslutning") ?? ""),
    konsekvens: String(form.get("konsekvens") ?? ""),
    begrunnelse: String(form.get("begrunnelse") ?? ""),
  };
  const parsed = parseObject(ZDecision, raw);
  if (!parsed.ok) return data({ id, errors: parsed.errors, values: raw }, { status: 400 });
  if (!(await decide(services.db, { ownerId, id, userId: actor.userId, values: parsed.data }))) notFound();
  return redirect(listUrl(page, parsed.data.beslutning === "forslag" ? `tiltak-${id}` : "forslag"), 303);
}

/** One page of the proposals, as cards (only those shown are built). */
function proposalPage<M, C>(all: M[], asked: number, card: (m: M) => C) {
  const pages = Math.max(1, Math.ceil(all.length / PAGE));
  const page = Math.min(asked, pages);
  const first = (page - 1) * PAGE;
  return { proposals: all.slice(first, first + PAGE).map(card), total: all.length, page, pages, first };
}

type Card = Route.ComponentProps["loaderData"]["proposals"][number];

export default function Prioritering({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="stack-lg">
      <div className="stack prose">
        <p className="ds-paragraph eyebrow">{d.owner}</p>
        <h1 className="ds-heading" data-size="lg">
          {t("priority.title")}
        </h1>
        <p className="ds-paragraph">{t("priority.lead")}</p>
        <details className="ds-details">
          <summary className="ds-details-summary">{t("priority.how.title")}</summary>
          <div className="ds-details-content stack">
            <p className="ds-paragraph">{t("priority.how.body")}</p>
          </div>
        </details>
        <p className="ds-paragraph">
          <Link className="ds-link" to="/handlingsplan">
            {t("priority.toPlan", { count: d.chosen })}
          </Link>
        </p>
      </div>
      {d.latest === null ? (
        <Notice color="info">
          <span className="ds-paragraph">
            {t("priority.noRound")}{" "}
            <Link className="ds-link" to="/kartlegging">
              {t("priority.toAssessment")}
            </Link>
          </span>
        </Notice>
      ) : d.canManage && !d.proposedFromLatest ? (
        <form method="post" className="stack prose">
          <input type="hidden" name="runde" value={d.latest.id} />
          <p className="ds-paragraph">
            {t("priority.fromRound", {
              title: d.latest.title,
              date: d.latest.closedAt ? formatMoment(d.latest.closedAt, locale) : "",
            })}
          </p>
          <p>
            <button type="submit" className="ds-button" name="intent" value="foresla">
              {t("priority.propose")}
            </button>
          </p>
        </form>
      ) : null}
      <section aria-labelledby="forslag" className="stack">
        <h2 className="ds-heading" data-size="md" id="forslag" tabIndex={-1}>
          {t("priority.proposals.title", { count: d.total })}
        </h2>
        {Number.isFinite(d.made) ? (
          <Notice>{t(d.made === 0 ? "priority.madeNone" : "priority.made", { count: d.made })}</Notice>
        ) : null}
        {d.total === 0 ? (
          <p className="ds-paragraph prose">{t("priority.proposals.empty")}</p>
        ) : (
          <>
            {d.canManage && d.moved ? (
              <form method="post" className="prose">
                <p className="ds-paragraph">
                  {t("priority.sortLead")}{" "}
                  <button
                    type="submit"
                    className="ds-button"
                    data-variant="tertiary"
                    name="intent"
                    value="sorter"
                  >
                    {t("priority.sort")}
                  </button>
                </p>
              </form>
            ) : null}
            <ol className="measure-list">
              {d.proposals.map((m, i) => (
                <li key={m.id}>
                  <ProposalCard
                    m={m}
                    place={d.first + i + 1}
                    last={d.first + i === d.total - 1}
                    canManage={d.canManage}
                    refused={actionData && actionData.id === m.id ? actionData : null}
                  />
                </li>
              ))}
            </ol>
            {d.pages > 1 ? (
              <nav aria-label={t("priority.pages")} className="button-row">
                <span className="ds-paragraph">
                  {t("priority.showing", {
                    first: d.first + 1,
                    last: d.first + d.proposals.length,
                    count: d.total,
                  })}
                </span>
                {d.page > 1 ? (
                  <a className="ds-link" href={`/prioritering?side=${d.page - 1}#forslag`}>
                    {t("priority.previous")}
                  </a>
                ) : null}
                {d.page < d.pages ? (
                  <a className="ds-link" href={`/prioritering?side=${d.page + 1}#forslag`}>
                    {t("priority.next")}
                  </a>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
      </section>
      {d.leftOut.length > 0 ? (
        <section aria-labelledby="valgt-bort" className="stack">
          <h2 className="ds-heading" data-size="md" id="valgt-bort">
            {t("priority.leftOut.title")}
          </h2>
          <p className="ds-paragraph prose">{t("priority.leftOut.lead")}</p>
          <ul className="measure-list">
            {d.leftOut.map((m) => (
              <li key={m.id}>
                <article className="ds-card measure-card stack" id={`tiltak-${m.id}`} tabIndex={-1}>
                  <h3 className="ds-heading" data-size="xs">
                    {m.title}
                  </h3>
                  <p className="ds-paragraph pre-line">
                    <strong>{t("priority.field.reason")}:</strong> {m.reason}
                  </p>
                  {d.canManage ? (
                    <form method="post">
                      <input type="hidden" name="id" value={m.id} />
                      <input type="hidden" name="konsekvens" value={m.consequence} />
                      <input type="hidden" name="begrunnelse" value={m.reason} />
                      <input type="hidden" name="beslutning" value="forslag" />
                      <button
                        type="submit"
                        className="ds-button"
                        data-variant="secondary"
                        name="intent"
                        value="beslutt"
                      >
                        {t("priority.undo")}
                        <span className="ds-sr-only">: {m.title}</span>
                      </button>
                    </form>
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function ProposalCard({
  m,
  place,
  last,
  canManage,
  refused,
}: {
  m: Card;
  place: number;
  last: boolean;
  canManage: boolean;
  refused: { errors: Record<string, string>; values: Record<string, string> } | null;
}) {
  const t = useT();
  const locale = useLocale();
  // The question bank is in bokmål and nynorsk: an English page marks its text bokmål.
  const contentLang = useContentLang();
  const prefix = `p${place}`;
  const where = m.where.map((w) => w ?? t("priority.wholeOwner")).join(", ");
  const state = refused ? { errors: refused.errors, values: refused.values } : null;
  return (
    <article className="ds-card measure-card stack" id={`tiltak-${m.id}`} tabIndex={-1}>
      <h3 className="ds-heading" data-size="xs">
        <span className="measure-place">{place}.</span> {m.title}
      </h3>
      {m.description ? <p className="ds-paragraph pre-line">{m.description}</p> : null}
      <dl className="facts">
        {m.question ? (
          <div>
            <dt>{t("priority.field.question")}</dt>
            <dd lang={contentLang}>
              {m.area}: {m.question}
            </dd>
          </div>
        ) : null}
        {where ? (
          <div>
            <dt>{t("priority.field.where")}</dt>
            <dd>{where}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("priority.field.priority")}</dt>
          <dd>
            {t("priority.formula", {
              priority: formatPriority(m.priority, locale),
              weight: m.weight,
              gap: m.gap,
              consequence: m.consequence,
              effort: t(`plan.effort.${m.effort}` as MessageKey),
            })}
          </dd>
        </div>
      </dl>
      {canManage ? (
        <>
          <form method="post" action={`#tiltak-${m.id}`} className="stack" noValidate>
            <ErrorSummary state={state} idPrefix={prefix} />
            <input type="hidden" name="id" value={m.id} />
            <input type="hidden" name="intent" value="beslutt" />
            <SelectField
              name="konsekvens"
              idPrefix={prefix}
              label={t("plan.field.consequence")}
              description={t("plan.help.consequence")}
              defaultValue={String(m.consequence)}
              state={state}
              options={CONSEQUENCES.map((c) => ({
                value: String(c),
                label: t(`plan.consequence.${c}` as MessageKey),
              }))}
            />
            <TextAreaField
              name="begrunnelse"
              idPrefix={prefix}
              label={t("priority.field.reason")}
              description={t("priority.help.reason")}
              defaultValue={refused?.values.begrunnelse ?? m.reason}
              error={refused?.errors.begrunnelse}
              rows={2}
            />
            <div className="button-row">
              <button type="submit" className="ds-button" name="beslutning" value="valgt">
                {t("priority.choose")}
                <span className="ds-sr-only">: {m.title}</span>
              </button>
              <button
                type="submit"
                className="ds-button"
                data-variant="secondary"
                name="beslutning"
                value="valgt-bort"
              >
                {t("priority.leaveOut")}
                <span className="ds-sr-only">: {m.title}</span>
              </button>
            </div>
          </form>
          <form method="post" action={`#tiltak-${m.id}`} className="button-row">
            <input type="hidden" name="id" value={m.id} />
            <input type="hidden" name="plass" value={place} />
            {place > 1 ? (
              <button type="submit" className="ds-button" data-variant="tertiary" name="intent" value="opp">
                {t("priority.up")}
                <span className="ds-sr-only">: {m.title}</span>
              </button>
            ) : null}
            {last ? null : (
              <button type="submit" className="ds-button" data-variant="tertiary" name="intent" value="ned">
                {t("priority.down")}
                <span className="ds-sr-only">: {m.title}</span>
              </button>
            )}
          </form>
        </>
      ) : m.reason ? (
        <p className="ds-paragraph pre-line">
          <strong>{t("priority.field.reason")}:</strong> {m.reason}
        </p>
      ) : null}
    </article>
  );
}
