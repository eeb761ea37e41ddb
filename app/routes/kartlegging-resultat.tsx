import { Link } from "react-router";
import { ScoreChart } from "../components/score-chart.tsx";
import { ScrollTable } from "../components/scroll-table.tsx";
import { getBank } from "../features/assessment/bank.server.ts";
import {
  comparison,
  previousRound,
  questionChanges,
  roundResults,
} from "../features/assessment/results.server.ts";
import { loadRound } from "../features/assessment/round-page.server.ts";
import { roundScopes } from "../features/assessment/rounds.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/kartlegging-resultat";

/** Charts drawn on the server, tables and links: plain HTML, no JavaScript to load. */
export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.title ?? ""} – Oppvern` },
];

/**
 * Results of a round: scores per area and overall, units × areas, gaps with measures, comparisons.
 * The koordinator and the personvernombud see every part; a unit's leader sees their unit's part,
 * compared with the same unit in the round before, and not the other owners (they are owners).
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { services, round, bank, lang, ownerId, scopes, owner, readsAllResults } = await loadRound(
    context,
    request,
    params.id,
    undefined,
    "results",
  );
  const parts = new Set(scopes.map((s) => s.scope));
  // Independent reads at once (on PostgreSQL each is a round trip).
  const [results, previous, others] = await Promise.all([
    roundResults(services.db, ownerId, round.id, bank, scopes),
    previousRound(services.db, ownerId, round.created_at),
    readsAllResults ? comparison(services.db) : null,
  ]);
  const previousBank = previous ? getBank(previous.bank_version) : null;
  const previousScopes =
    previous && !readsAllResults
      ? (await roundScopes(services.db, ownerId, previous.id)).filter((s) => parts.has(s.scope))
      : undefined;
  const before =
    previous && previousBank && previousScopes?.length !== 0
      ? await roundResults(services.db, ownerId, previous.id, previousBank, previousScopes)
      : null;
  const sorted = results.areas
    .filter((a) => a.score !== null)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const half = Math.min(3, Math.ceil(sorted.length / 2));
  return {
    id: round.id,
    title: round.title,
    owner: owner.name,
    closed: round.status === "closed",
    overall: results.overall,
    coverage: results.coverage,
    previousTitle: before ? (previous?.title ?? null) : null,
    /** A unit leader's view: the name of their unit (or units), shown under the title. */
    part: readsAllResults ? null : scopes.map((s) => s.name).join(", "),
    seesOthers: readsAllResults,
    areas: results.areas.map((a) => ({
      id: a.area.id,
      title: a.area.tittel[lang],
      score: a.score,
      answered: a.answered,
      total: a.total,
      previous: before?.areas.find((b) => b.area.id === a.area.id)?.score ?? null,
      others: others?.get(a.area.id) ?? null,
    })),
    // With few answered areas, an area is listed as strong or weak, never both.
    strongest: sorted.slice(0, half).map((a) => a.area.tittel[lang]),
    weakest: sorted
      .slice(half)
      .slice(-3)
      .reverse()
      .map((a) => a.area.tittel[lang]),
    matrix: results.matrix.map((m) => ({
      name: m.scope.scope === "eier" ? null : m.scope.name,
      owner: m.scope.name,
      scores: m.scores,
    })),
    gaps: results.gaps.slice(0, 30).map((g) => ({
      key: `${g.scope.scope}-${g.question.id}`,
      // The owner's part is named as on the round page; a unit by its name.
      where: g.scope.scope === "eier" ? null : g.scope.name,
      area: g.area.tittel[lang],
      question: g.question.tekst[lang],
      level: g.level,
      weight: g.question.vekt,
      consequence: g.question.konsekvens[lang],
      measures: g.question.tiltak.map((m) => ({ text: m.tekst[lang], effort: m.innsats })),
    })),
    gapCount: results.gaps.length,
    changes: before
      ? questionChanges(results, before, bank.erstatter).map((c) => ({
          key: `${c.scope.scope}-${c.question.id}`,
          where: c.scope.scope === "eier" ? null : c.scope.name,
          question: c.question.tekst[lang],
          before: c.before,
          now: c.now,
        }))
      : [],
  };
}

const heat = (v: number | null) => (v === null ? "none" : v < 25 ? "1" : v < 50 ? "2" : v < 75 ? "3" : "4");

export default function Resultat({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const anyOthers = d.areas.some((a) => a.others);
  return (
    <div className="stack-lg">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to={`/kartlegging/${d.id}`}>
          {d.title}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("assessment.resultsTitle")}
      </h1>
      {d.part ? <p className="ds-paragraph">{t("assessment.resultsForPart", { part: d.part })}</p> : null}
      <p className="ds-paragraph">
        {t("assessment.overall")}: <strong>{d.overall ?? "–"}</strong> / 100 · {t("assessment.scoreHelp")}
      </p>
      <p className="ds-paragraph">{t("assessment.coverage", d.coverage)}</p>
      {d.closed ? (
        <p className="ds-paragraph">
          {t("assessment.toPriority")}{" "}
          <Link className="ds-link" to="/prioritering">
            {t("priority.title")}
          </Link>
        </p>
      ) : (
        <p className="ds-paragraph">{t("assessment.resultsNotFinal")}</p>
      )}
      <p className="button-row">
        {(["xlsx", "pdf", "docx"] as const).map((f) => (
          <a
            key={f}
            className="ds-button"
            data-variant="secondary"
            href={`/kartlegging/${d.id}/rapport/${f}`}
            download
          >
            {t(`assessment.download.${f}` as MessageKey)}
          </a>
        ))}
      </p>
      <div className="card-grid">
        <section aria-labelledby="sterkest" className="ds-card stack-sm">
          <h2 className="ds-heading" data-size="xs" id="sterkest">
            {t("assessment.strongest")}
          </h2>
          <ul className="ds-list">
            {d.strongest.length === 0 ? <li>{t("assessment.noAreaAnswered")}</li> : null}
            {d.strongest.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="svakest" className="ds-card stack-sm">
          <h2 className="ds-heading" data-size="xs" id="svakest">
            {t("assessment.weakest")}
          </h2>
          <ul className="ds-list">
            {d.weakest.length === 0 ? <li>{t("assessment.tooFewAreas")}</li> : null}
            {d.weakest.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </section>
      </div>
      <section aria-labelledby="omrader" className="stack">
        <h2 className="ds-heading" data-size="sm" id="omrader">
          {t("assessment.byArea")}
        </h2>
        <ScoreChart
          caption={t("assessment.area")}
          valueLabel={t("assessment.score")}
          emptyLabel={t("assessment.notAnswered")}
          detailLabel={t("assessment.answered")}
          rows={d.areas.map((a) => ({
            label: a.title,
            value: a.score,
            detail: `${a.answered} / ${a.total}`,
          }))}
        />
      </section>
      {d.previousTitle ? (
        <section aria-labelledby="endring" className="stack">
          <h2 className="ds-heading" data-size="sm" id="endring">
            {t("assessment.changeSince", { title: d.previousTitle })}
          </h2>
          <ScrollTable label={t("assessment.changeSince", { title: d.previousTitle })} size="sm">
            <thead>
              <tr>
                <th scope="col">{t("assessment.area")}</th>
                <th scope="col">{t("assessment.before")}</th>
                <th scope="col">{t("assessment.now")}</th>
                <th scope="col">{t("assessment.change")}</th>
              </tr>
            </thead>
            <tbody>
              {d.areas.map((a) => (
                <tr key={a.id}>
                  <td>{a.title}</td>
                  <td>{a.previous ?? "–"}</td>
                  <td>{a.score ?? "–"}</td>
                  <td>
                    {a.previous !== null && a.score !== null
                      ? `${a.score - a.previous > 0 ? "+" : ""}${a.score - a.previous}`
                      : "–"}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </section>
      ) : null}
      {d.changes.length > 0 ? (
        <section aria-labelledby="endring-sporsmal" className="stack">
          <h2 className="ds-heading" data-size="sm" id="endring-sporsmal">
            {t("assessment.questionChanges", { count: d.changes.length })}
          </h2>
          <ScrollTable label={t("assessment.questionChanges", { count: d.changes.length })} size="sm">
            <thead>
              <tr>
                <th scope="col">{t("assessment.export.question")}</th>
                <th scope="col">{t("assessment.part")}</th>
                <th scope="col">{t("assessment.before")}</th>
                <th scope="col">{t("assessment.now")}</th>
              </tr>
            </thead>
            <tbody>
              {d.changes.map((c) => (
                <tr key={c.key}>
                  <td>{c.question}</td>
                  <td>{c.where ?? t("assessment.ownerPart", { name: d.owner })}</td>
                  <td>{c.before}</td>
                  <td>{c.now}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </section>
      ) : null}
      {d.seesOthers ? (
        <section aria-labelledby="andre" className="stack">
          <h2 className="ds-heading" data-size="sm" id="andre">
            {t("assessment.othersTitle")}
          </h2>
          {anyOthers ? (
            <ScrollTable label={t("assessment.othersTitle")} size="sm">
              <thead>
                <tr>
                  <th scope="col">{t("assessment.area")}</th>
                  <th scope="col">{t("assessment.you")}</th>
                  <th scope="col">{t("assessment.q1")}</th>
                  <th scope="col">{t("assessment.median")}</th>
                  <th scope="col">{t("assessment.q3")}</th>
                  <th scope="col">{t("assessment.owners")}</th>
                </tr>
              </thead>
              <tbody>
                {d.areas
                  .filter((a) => a.others)
                  .map((a) => (
                    <tr key={a.id}>
                      <td>{a.title}</td>
                      <td>{a.score ?? "–"}</td>
                      <td>{a.others?.q1}</td>
                      <td>{a.others?.median}</td>
                      <td>{a.others?.q3}</td>
                      <td>{a.others?.owners}</td>
                    </tr>
                  ))}
              </tbody>
            </ScrollTable>
          ) : (
            <p className="ds-paragraph">{t("assessment.othersTooFew")}</p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="kart" className="stack">
        <h2 className="ds-heading" data-size="sm" id="kart">
          {t("assessment.heatmap")}
        </h2>
        <p className="ds-paragraph" data-size="sm">
          {t("assessment.heatmapHint")}
        </p>
        <ScrollTable label={t("assessment.heatmap")} className="heatmap" size="sm">
          <thead>
            <tr>
              <th scope="col">{t("assessment.part")}</th>
              {d.areas.map((a) => (
                <th scope="col" key={a.id}>
                  {a.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.matrix.map((m) => (
              <tr key={m.name ?? "eier"}>
                <th scope="row">{m.name ?? t("assessment.ownerPart", { name: m.owner })}</th>
                {m.scores.map((s, i) => (
                  <td key={d.areas[i]?.id} data-heat={heat(s)}>
                    {s ?? "–"}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>
      <section aria-labelledby="gap" className="stack prose">
        <h2 className="ds-heading" data-size="sm" id="gap">
          {t("assessment.gaps", { count: d.gapCount })}
        </h2>
        {d.gaps.length === 0 ? <p className="ds-paragraph">{t("assessment.noGaps")}</p> : null}
        {d.gaps.map((g) => (
          <article key={g.key} className="ds-card stack-sm">
            <p className="ds-paragraph" data-size="sm">
              {g.where ?? t("assessment.ownerPart", { name: d.owner })} · {g.area} · {t("assessment.level")}{" "}
              {g.level} · {t(`assessment.importance.${g.weight}` as MessageKey)}
            </p>
            <h3 className="ds-heading" data-size="2xs">
              {g.question}
            </h3>
            <p className="ds-paragraph">{g.consequence}</p>
            <p className="ds-label">{t("assessment.measures")}</p>
            <ul className="ds-list">
              {g.measures.map((m) => (
                <li key={m.text}>
                  {m.text} ({t(`assessment.effort.${m.effort}` as MessageKey)})
                </li>
              ))}
            </ul>
          </article>
        ))}
      </section>
    </div>
  );
}
