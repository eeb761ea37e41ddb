import { data, Form, Link, redirect } from "react-router";
import { ErrorSummary, Notice } from "../components/form.tsx";
import { loadRound, roundProgress } from "../features/assessment/round-page.server.ts";
import { effectiveFor, saveFinal } from "../features/assessment/rounds.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { notFound, readForm } from "../lib/route.server.ts";
import type { Route } from "./+types/kartlegging-avstemming";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.title ?? ""} – Oppvern` },
];

/**
 * The koordinator reconciles: every answered question without a final answer, with what each
 * person answered; the suggestion is the answer everyone agrees on, or the lower median.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { services, round, bank, scopes, lang, canManage } = await loadRound(context, request, params.id);
  if (!canManage) notFound();
  const progress = await roundProgress(services.db, round.id, bank, scopes);
  const finalReason = new Map(progress.finals.map((f) => [`${f.scope}|${f.question_id}`, f.reason]));
  const answersTo = (scope: string, questionId: string) =>
    progress.answers
      .filter((x) => x.scope === scope && x.question_id === questionId)
      .map((x) => ({
        name: x.user_name,
        level: x.not_relevant ? "ir" : String(x.level ?? ""),
        comment: x.comment,
        reason: x.reason,
      }));
  const url = new URL(request.url);
  return {
    id: round.id,
    title: round.title,
    closed: round.status === "closed",
    saved: Number(url.searchParams.get("lagret") ?? 0),
    scopes: progress.scopes
      .map((s) => {
        const questions = s.areas.flatMap((a) =>
          a.questions
            .map((q) => ({ q, e: effectiveFor(progress.effective, s.scope, q.id) }))
            .filter(({ e }) => e.source !== "none")
            .map(({ q, e }) => ({
              key: `${s.scope}|${q.id}`,
              area: a.area.tittel[lang],
              text: q.tekst[lang],
              levels: q.nivaer.map((l) => l[lang]),
              disagree: e.source === "open",
              settled: e.source === "final",
              // The final answer where there is one, else the suggestion.
              suggestion: e.notRelevant ? "ir" : String(e.level ?? ""),
              answers: answersTo(s.scope, q.id),
              // The reason shown: the final answer's own, else a respondent's.
              reason:
                (e.source === "final" && finalReason.get(`${s.scope}|${q.id}`)) ||
                answersTo(s.scope, q.id).find((a) => a.reason)?.reason ||
                "",
            })),
        );
        return {
          scope: s.scope,
          name: s.name,
          // Different answers first: they are what needs a decision.
          questions: questions
            .filter((q) => !q.settled)
            .sort((a, b) => Number(b.disagree) - Number(a.disagree)),
          settled: questions.filter((q) => q.settled),
        };
      })
      .filter((s) => s.questions.length > 0 || s.settled.length > 0),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { services, round, bank, scopes, canManage, actor } = await loadRound(context, request, params.id);
  if (!canManage) notFound();
  if (round.status === "closed")
    return data({ message: "assessment.error.closed" as const }, { status: 409 });
  const form = await readForm(request);
  const known = new Set(scopes.map((s) => s.scope));
  const questionIds = new Set(bank.areas.flatMap((a) => a.sporsmal.map((q) => q.id)));
  const finals: { scope: string; questionId: string; value: string; reason: string }[] = [];
  const errors: Record<string, "assessment.error.reason"> = {};
  for (const [name, value] of form) {
    if (!name.startsWith("endelig|") || typeof value !== "string" || value === "") continue;
    const [, scope = "", questionId = ""] = name.split("|");
    if (!known.has(scope) || !questionIds.has(questionId)) continue;
    if (!["1", "2", "3", "4", "5", "ir"].includes(value)) continue;
    const reason = value === "ir" ? String(form.get(`grunn|${scope}|${questionId}`) ?? "").trim() : "";
    // A final answer shown again unchanged (level and reason) is not saved again.
    if (
      form.get(`forrige|${scope}|${questionId}`) === value &&
      (value !== "ir" || String(form.get(`forrige-grunn|${scope}|${questionId}`) ?? "").trim() === reason)
    )
      continue;
    // "Not relevant" needs a reason here too, as when answering.
    if (value === "ir" && reason === "") errors[`${scope}|${questionId}`] = "assessment.error.reason";
    finals.push({ scope, questionId, value, reason });
  }
  if (Object.keys(errors).length > 0) {
    const values = Object.fromEntries(
      [...form].filter((e): e is [string, string] => typeof e[1] === "string"),
    );
    return data({ errors, values }, { status: 400 });
  }
  for (const f of finals)
    await saveFinal(
      services.db,
      { roundId: round.id, scope: f.scope, questionId: f.questionId, userId: actor.userId },
      {
        level: f.value === "ir" ? null : Number(f.value),
        notRelevant: f.value === "ir",
        reason: f.reason,
        comment: "",
      },
    );
  const saved = finals.length;
  return redirect(`/kartlegging/${round.id}/avstemming?lagret=${saved}`, 303);
}

/** A question's key ("scope|question") as it goes into element ids, without the bar. */
const fieldKey = (key: string) => key.replace("|", "-");
/** The element id of one of a question's fields. */
const fieldId = (prefix: string, key: string) => `${prefix}-${fieldKey(key)}`;

type Question = Route.ComponentProps["loaderData"]["scopes"][number]["questions"][number];

export default function Avstemming({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors: Record<string, MessageKey> = actionData && "errors" in actionData ? actionData.errors : {};
  const values: Record<string, string> = actionData && "values" in actionData ? actionData.values : {};
  const all = d.scopes.flatMap((s) => [...s.questions, ...s.settled]);
  const textOf = new Map(all.map((q) => [fieldKey(q.key), q.text]));
  const waiting = d.scopes.reduce((n, s) => n + s.questions.length, 0);
  const different = d.scopes.reduce((n, s) => n + s.questions.filter((q) => q.disagree).length, 0);
  const levelText = (v: string) =>
    v === "ir" ? t("assessment.notRelevant") : v ? `${t("assessment.level")} ${v}` : "–";
  // The summary's links and labels use the fields' ids ("grunn-<scope>-<question>").
  const summaryErrors = Object.fromEntries(Object.entries(errors).map(([key, m]) => [fieldKey(key), m]));

  const card = (q: Question) => (
    <div key={q.key} className="ds-card stack-sm" data-color={q.disagree ? "warning" : undefined}>
      <p className="ds-paragraph" data-size="sm">
        {q.area}
        {q.disagree ? (
          <>
            {" · "}
            <strong>{t("assessment.disagree")}</strong>
          </>
        ) : null}
      </p>
      <p className="ds-paragraph">
        <strong>{q.text}</strong>
      </p>
      <ul className="ds-list">
        {q.answers.map((a) => (
          <li key={a.name}>
            {a.name}: {levelText(a.level)}
            {a.reason ? ` (${a.reason})` : ""}
            {a.comment ? ` – «${a.comment}»` : ""}
          </li>
        ))}
      </ul>
      <div className="ds-field">
        <label className="ds-label" htmlFor={fieldId("endelig", q.key)}>
          {t("assessment.finalAnswer")}
        </label>
        <select
          className="ds-input"
          id={fieldId("endelig", q.key)}
          name={`endelig|${q.key}`}
          defaultValue={values[`endelig|${q.key}`] ?? q.suggestion}
        >
          {q.settled ? null : <option value="">{t("assessment.decideLater")}</option>}
          {["1", "2", "3", "4", "5"].map((v, i) => (
            <option key={v} value={v}>
              {`${v} – ${q.levels[i] ?? ""}`}
            </option>
          ))}
          <option value="ir">{t("assessment.notRelevant")}</option>
        </select>
      </div>
      {q.settled ? (
        <>
          <input type="hidden" name={`forrige|${q.key}`} value={q.suggestion} />
          <input type="hidden" name={`forrige-grunn|${q.key}`} value={q.reason} />
        </>
      ) : null}
      <div className="ds-field">
        <label className="ds-label" htmlFor={fieldId("grunn", q.key)}>
          {t("assessment.reason")}
        </label>
        <input
          className="ds-input"
          id={fieldId("grunn", q.key)}
          name={`grunn|${q.key}`}
          defaultValue={values[`grunn|${q.key}`] ?? q.reason}
          aria-invalid={errors[q.key] ? true : undefined}
          aria-describedby={errors[q.key] ? `${fieldId("grunn", q.key)}-error` : undefined}
        />
        {errors[q.key] ? (
          <p className="ds-validation-message" id={`${fieldId("grunn", q.key)}-error`}>
            {t(errors[q.key] ?? "assessment.error.reason")}
          </p>
        ) : null}
      </div>
    </div>
  );

  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to={`/kartlegging/${d.id}`}>
          {d.title}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("assessment.reconcile")}
      </h1>
      <p className="ds-paragraph">{t("assessment.reconcileLead")}</p>
      {d.saved > 0 ? (
        <Notice>
          {d.saved === 1 ? t("assessment.finalSaved") : t("assessment.finalsSaved", { count: d.saved })}
        </Notice>
      ) : null}
      {actionData && "message" in actionData ? <Notice color="danger">{t(actionData.message)}</Notice> : null}
      <ErrorSummary
        state={{ errors: summaryErrors }}
        idPrefix="grunn"
        labelFor={(field) => textOf.get(field)}
      />
      <p className="ds-paragraph">
        {waiting === 0
          ? t("assessment.nothingToReconcile")
          : t("assessment.reconcileState", { waiting, different })}
      </p>
      {all.length > 0 ? (
        // Without JavaScript the page that answers a refused save opens at its summary.
        <Form method="post" action="#grunn-feil" className="stack-lg">
          {d.scopes.map((s) => (
            <section key={s.scope} aria-labelledby={`avstem-${s.scope}`} className="stack">
              <h2 className="ds-heading" data-size="sm" id={`avstem-${s.scope}`}>
                {s.scope === "eier" ? t("assessment.ownerPart", { name: s.name }) : s.name}
              </h2>
              {s.questions.map(card)}
              {s.settled.length > 0 ? (
                <details className="stack-sm">
                  <summary className="ds-link">
                    {t("assessment.settled", { count: s.settled.length })}
                  </summary>
                  <div className="stack-sm">{s.settled.map(card)}</div>
                </details>
              ) : null}
            </section>
          ))}
          <p>
            <button type="submit" className="ds-button">
              {t("assessment.saveFinals")}
            </button>
          </p>
        </Form>
      ) : null}
    </div>
  );
}
