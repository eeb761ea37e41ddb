import { data, Form, Link, redirect } from "react-router";
import { ErrorSummary, Notice } from "../components/form.tsx";
import { RichText } from "../components/rich-text.tsx";
import {
  checkEvidence,
  listEvidence,
  MAX_EVIDENCE_BYTES,
  storeEvidence,
} from "../features/assessment/evidence.server.ts";
import { keepPending, loginToRestore, takePending } from "../features/assessment/pending.server.ts";
import { loadRound } from "../features/assessment/round-page.server.ts";
import { areasFor, listAnswers, listFinals, saveAnswer } from "../features/assessment/rounds.server.ts";
import {
  type AnswerInput,
  answerErrors,
  answerFields,
  fieldName,
  fromAnswerValue,
  isBlank,
  toAnswerValue,
  ZAnswer,
} from "../features/assessment/schemas.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useContentLang, useT } from "../i18n/use-t.ts";
import { getServices, loadActor, notFound, readForm } from "../lib/route.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/kartlegging-omrade";

/**
 * Plain HTML: the form posts without JavaScript, and public/autosave.js (loaded by the page) saves
 * each question as it changes: a leader on a phone loads a few kilobytes instead of the app.
 */
export const handle: RouteHandle = { hydrate: false };

/** What autosave.js may need to say, in the page's language. */
const AUTOSAVE_MESSAGES = [
  "assessment.error.level",
  "assessment.error.reason",
  "assessment.error.reasonLong",
  "assessment.error.commentLong",
  "assessment.error.evidence",
  "assessment.error.evidenceLong",
] as const satisfies MessageKey[];

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.area.title ?? ""} – ${loaderData?.title ?? ""} – Oppvern` },
];

/** The round, the part (owner or unit) and the area; 404 when the user may not see them. */
async function loadArea(args: Route.LoaderArgs | Route.ActionArgs) {
  const { params, request, context } = args;
  const loaded = await loadRound(context, request, params.id, params.scope);
  const scope = loaded.scopes.find((s) => s.scope === params.scope);
  if (!scope) notFound();
  const areas = areasFor(loaded.bank, scope.kind);
  const index = areas.findIndex((a) => a.area.id === params.omrade);
  const current = areas[index];
  if (!current) notFound();
  const mayAnswer = loaded.canAnswer(scope.scope) && loaded.round.status === "open";
  return { ...loaded, scope, areas, index, current, mayAnswer };
}

export async function loader(args: Route.LoaderArgs) {
  const { services, round, scope, areas, index, current, lang, actor, mayAnswer } = await loadArea(args);
  const url = new URL(args.request.url);
  // Answers posted after the session expired, now saved on the person's behalf.
  let restored: Awaited<ReturnType<typeof saveArea>> | "saved" | null = null;
  if (url.searchParams.get("gjenopprett") === "1") {
    const pending = await takePending(services.db, args.request, url.pathname);
    if (pending && mayAnswer) {
      const key: Key = (questionId) => ({
        roundId: round.id,
        scope: scope.scope,
        questionId,
        userId: actor.userId,
      });
      const single = pending.get("intent") === "autosave" ? String(pending.get("sporsmal") ?? "") : null;
      const questions = single ? current.questions.filter((q) => q.id === single) : current.questions;
      restored = (await saveArea(services.db, questions, pending, key)) ?? "saved";
    }
  }
  const questionIds = new Set(current.questions.map((q) => q.id));
  // Independent reads at once (on PostgreSQL each is a round trip).
  const [allAnswers, finals, files] = await Promise.all([
    listAnswers(services.db, round.id, scope.scope),
    listFinals(services.db, round.id, scope.scope),
    listEvidence(services.db, round.id, scope.scope),
  ]);
  const answers = allAnswers.filter((a) => questionIds.has(a.question_id));
  const link = (i: number) => {
    const a = areas[i];
    return a
      ? { href: `/kartlegging/${round.id}/${scope.scope}/${a.area.id}`, title: a.area.tittel[lang] }
      : null;
  };
  return {
    id: round.id,
    title: round.title,
    closed: round.status === "closed",
    mayAnswer,
    scopeName: scope.name,
    isOwnerPart: scope.scope === "eier",
    area: {
      id: current.area.id,
      title: current.area.tittel[lang],
      description: current.area.beskrivelse[lang],
    },
    position: { index: index + 1, count: areas.length },
    prev: link(index - 1),
    next: link(index + 1),
    saved: url.searchParams.get("lagret") === "1",
    restored: restored === "saved" ? "saved" : restored ? "failed" : null,
    restoredFailure: restored && restored !== "saved" && restored !== "closed" ? restored : null,
    questions: current.questions.map((q) => {
      const mine = answers.find((a) => a.question_id === q.id && a.user_id === actor.userId);
      const final = finals.find((f) => f.question_id === q.id);
      return {
        id: q.id,
        text: q.tekst[lang],
        help: q.hjelp[lang],
        levels: q.nivaer.map((l) => l[lang]),
        refs: q.hjemler,
        weight: q.vekt,
        values: mine ? fromAnswerValue(mine) : { niva: "", grunn: "", kommentar: "", bevis: "" },
        savedAt: mine?.updated_at ?? null,
        others: answers
          .filter((a) => a.question_id === q.id && a.user_id !== actor.userId)
          .map((a) => ({ name: a.user_name, ...fromAnswerValue(a) })),
        final: final ? fromAnswerValue({ ...final, evidence_url: "" }) : null,
        files: files
          .filter((f) => f.question_id === q.id)
          .map((f) => ({
            href: `/kartlegging/${round.id}/bevis/${f.id}`,
            name: f.filename,
            kb: Math.max(1, Math.round(Number(f.size) / 1024)),
            by: f.user_name ?? "",
          })),
      };
    }),
  };
}

type Errors = Record<string, string>;

type Key = (questionId: string) => { roundId: string; scope: string; questionId: string; userId: string };

/** Saves every valid answer of an area from a posted form; returns what to fix, or null. */
async function saveArea(
  db: Parameters<typeof saveAnswer>[0],
  questions: { id: string }[],
  form: FormData,
  key: Key,
): Promise<{ errors: Errors; values: Record<string, AnswerInput> } | "closed" | null> {
  const errors: Errors = {};
  const values: Record<string, AnswerInput> = {};
  for (const q of questions) {
    const raw = answerFields(form, q.id);
    const parsed = ZAnswer.safeParse(raw);
    if (!parsed.success) {
      values[q.id] = raw as AnswerInput;
      Object.assign(errors, answerErrors(parsed.error, q.id));
      continue;
    }
    values[q.id] = parsed.data;
    if (!isBlank(parsed.data) && !(await saveAnswer(db, key(q.id), toAnswerValue(parsed.data))))
      return "closed"; // closed since the page checked: nothing more is written
  }
  return Object.keys(errors).length > 0 ? { errors, values } : null;
}

const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;

/** Reads a request's body to the end without keeping it; false if it was larger than declared. */
async function discardBody(request: Request): Promise<boolean> {
  if (!request.body) return true;
  let read = 0;
  for await (const chunk of request.body) {
    read += chunk.byteLength;
    if (read > DRAIN_LIMIT_BYTES) return false;
  }
  return true;
}

export async function action(args: Route.ActionArgs) {
  // The session may have expired while the person was typing: keep what was posted, and save it
  // when they are back after logging in.
  if (!(await loadActor(args.context, args.request))) {
    const path = new URL(args.request.url).pathname;
    const cookie = await keepPending(getServices(args.context).db, path, await readForm(args.request));
    return redirect(loginToRestore(path), {
      status: 303,
      headers: { "Set-Cookie": cookie },
    });
  }
  const { services, round, scope, current, mayAnswer, actor } = await loadArea(args);
  if (round.status === "closed")
    return data({ message: "assessment.error.closed" as const }, { status: 409 });
  if (!mayAnswer) notFound();
  // Refuse a body larger than the files we accept without keeping it. What is still on its way
  // is read and dropped, so the browser's connection stays usable; a huge body closes it instead.
  const declared = Number(args.request.headers.get("content-length") ?? 0);
  if (declared > MAX_EVIDENCE_BYTES + 512 * 1024) {
    const drained = declared <= DRAIN_LIMIT_BYTES && (await discardBody(args.request));
    return data(
      { message: "assessment.error.fileSize" as const },
      { status: 413, headers: drained ? {} : { Connection: "close" } },
    );
  }
  const form = await readForm(args.request);
  const key = (questionId: string) => ({
    roundId: round.id,
    scope: scope.scope,
    questionId,
    userId: actor.userId,
  });

  // The save button: every question in the area. Valid answers are saved even when others are not.
  const outcome = await saveArea(services.db, current.questions, form, key);
  if (outcome === "closed") return data({ message: "assessment.error.closed" as const }, { status: 409 });
  const fileErrors: Errors = {};
  for (const q of current.questions) {
    const file = form.get(fieldName("fil", q.id));
    if (!(file instanceof File) || (file.size === 0 && file.name === "")) continue;
    const checked = await checkEvidence(file);
    if (checked.ok) await storeEvidence(services.db, key(q.id), checked);
    else fileErrors[fieldName("fil", q.id)] = checked.error;
  }
  if (outcome || Object.keys(fileErrors).length > 0)
    return data(
      {
        errors: { ...outcome?.errors, ...fileErrors },
        values:
          outcome?.values ??
          Object.fromEntries(current.questions.map((q) => [q.id, answerFields(form, q.id)])),
      },
      { status: 400 },
    );
  const next = form.get("neste") === "1" ? String(form.get("nesteUrl") ?? "") : "";
  // Each redirect names its own fragment: without one, the browser would keep the form's "#feil".
  if (next.startsWith(`/kartlegging/${round.id}/`)) return redirect(`${next.split("#")[0]}#innhold`, 303);
  return redirect(`/kartlegging/${round.id}/${scope.scope}/${current.area.id}?lagret=1#lagret`, 303);
}

type LoaderQuestion = Route.ComponentProps["loaderData"]["questions"][number];

export default function KartleggingOmrade({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const contentLang = useContentLang();
  const failed = actionData && "errors" in actionData ? actionData : d.restoredFailure;
  const message = actionData && "message" in actionData ? actionData.message : null;
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to={`/kartlegging/${d.id}`}>
          {d.title}
        </Link>
        {" · "}
        {d.isOwnerPart ? t("assessment.ownerPart", { name: d.scopeName }) : d.scopeName}
      </p>
      <h1 className="ds-heading" data-size="lg" lang={contentLang}>
        {d.area.title}
      </h1>
      <p className="ds-paragraph">
        {t("assessment.areaPosition", { index: d.position.index, count: d.position.count })} ·{" "}
        {d.area.description}
      </p>
      {d.mayAnswer ? <script async src="/autosave.js" /> : null}
      {d.saved ? (
        <div id="lagret">
          <Notice>{t("assessment.saved")}</Notice>
        </div>
      ) : null}
      {d.restored === "saved" ? <Notice>{t("assessment.restored")}</Notice> : null}
      {d.restored === "failed" ? <Notice color="warning">{t("assessment.restoredFailed")}</Notice> : null}
      {message ? <Notice color="danger">{t(message)}</Notice> : null}
      {d.closed ? <Notice color="info">{t("assessment.closedNotice")}</Notice> : null}
      {!d.mayAnswer && !d.closed ? <Notice color="info">{t("assessment.readOnly")}</Notice> : null}
      <Form
        method="post"
        // After a refused save the browser scrolls to the error summary, also on a phone without
        // JavaScript, where the header fills much of the first screen (a fragment of the action
        // is kept for the page that answers; after a saved answer there is no such element).
        action="#feil"
        className="stack-lg"
        noValidate
        id="svar"
        encType="multipart/form-data"
        data-messages={JSON.stringify({
          autosaved: t("assessment.autosaved", { time: "{time}" }),
          notSaved: t("assessment.notAutosaved"),
          ...Object.fromEntries(AUTOSAVE_MESSAGES.map((key) => [key, t(key)])),
        })}
      >
        <ErrorSummaryForAnswers errors={failed?.errors} questions={d.questions} />
        {d.questions.map((q, i) => (
          <QuestionFieldset
            key={q.id}
            q={q}
            number={i + 1}
            values={failed?.values?.[q.id] ?? q.values}
            errors={failed?.errors}
            disabled={!d.mayAnswer}
          />
        ))}
        {d.mayAnswer ? (
          <div className="button-row">
            <button type="submit" className="ds-button" name="intent" value="save">
              {t("assessment.save")}
            </button>
            {d.next ? (
              <>
                <input type="hidden" name="nesteUrl" value={d.next.href} />
                <button type="submit" className="ds-button" data-variant="secondary" name="neste" value="1">
                  {t("assessment.saveAndNext")}
                </button>
              </>
            ) : null}
          </div>
        ) : null}
      </Form>
      <nav aria-label={t("assessment.areaNav")} className="button-row">
        {d.prev ? (
          <Link className="ds-link" to={d.prev.href}>
            ← {d.prev.title}
          </Link>
        ) : null}
        {d.next ? (
          <Link className="ds-link" to={d.next.href}>
            {d.next.title} →
          </Link>
        ) : (
          // The last area of the part: back to the round, where the progress of every part shows.
          <Link className="ds-link" to={`/kartlegging/${d.id}`}>
            {t("assessment.lastAreaDone")} →
          </Link>
        )}
      </nav>
    </div>
  );
}

function ErrorSummaryForAnswers({ errors, questions }: { errors?: Errors; questions: LoaderQuestion[] }) {
  const t = useT();
  return (
    <ErrorSummary
      state={errors ? { errors } : null}
      labelFor={(field) => {
        const n = questions.findIndex((q) => field.endsWith(q.id)) + 1;
        return t("assessment.questionNumber", { n });
      }}
    />
  );
}

/** One question: the five levels and "not relevant", a reason, a comment and a link to evidence. */
function QuestionFieldset({
  q,
  number,
  values,
  errors,
  disabled,
}: {
  q: LoaderQuestion;
  number: number;
  values: { niva: string; grunn: string; kommentar: string; bevis: string };
  errors?: Errors;
  disabled: boolean;
}) {
  const t = useT();
  const contentLang = useContentLang();
  const error = (f: "niva" | "grunn" | "kommentar" | "bevis" | "fil") => {
    const key = errors?.[fieldName(f, q.id)];
    return key ? t(key as MessageKey) : null;
  };
  const id = (f: string) => `f-${fieldName(f as "niva", q.id)}`;
  return (
    <fieldset className="ds-fieldset question" id={q.id} disabled={disabled}>
      <legend className="ds-heading" data-size="xs">
        {number}. <span lang={contentLang}>{q.text}</span>
      </legend>
      <details className="question-help">
        <summary>{t("assessment.why")}</summary>
        <div lang={contentLang}>
          <RichText text={q.help} />
        </div>
        <p className="ds-paragraph" data-size="sm">
          {t("assessment.refs")}: {q.refs.join("; ")}
        </p>
      </details>
      <div className="stack-sm" role="radiogroup" aria-labelledby={`${q.id}-levels`} id={id("niva")}>
        <p className="ds-label" id={`${q.id}-levels`}>
          {t("assessment.levelLabel")}
        </p>
        {q.levels.map((text, i) => (
          <div className="ds-field" key={text}>
            <input
              className="ds-input"
              type="radio"
              name={fieldName("niva", q.id)}
              id={`${id("niva")}-${i + 1}`}
              value={String(i + 1)}
              defaultChecked={values.niva === String(i + 1)}
            />
            <label className="ds-label" data-weight="regular" htmlFor={`${id("niva")}-${i + 1}`}>
              <strong>{i + 1}</strong> – {text}
            </label>
          </div>
        ))}
        <div className="ds-field">
          <input
            className="ds-input"
            type="radio"
            name={fieldName("niva", q.id)}
            id={`${id("niva")}-ir`}
            value="ir"
            defaultChecked={values.niva === "ir"}
          />
          <label className="ds-label" data-weight="regular" htmlFor={`${id("niva")}-ir`}>
            {t("assessment.notRelevant")}
          </label>
        </div>
        {error("niva") ? (
          <p className="ds-validation-message" id={`${id("niva")}-error`}>
            {error("niva")}
          </p>
        ) : null}
      </div>
      <TextArea
        id={id("grunn")}
        name={fieldName("grunn", q.id)}
        label={t("assessment.reason")}
        value={values.grunn}
        error={error("grunn")}
        rows={2}
      />
      <TextArea
        id={id("kommentar")}
        name={fieldName("kommentar", q.id)}
        label={t("assessment.comment")}
        value={values.kommentar}
        error={error("kommentar")}
        rows={3}
      />
      <div className="ds-field">
        <label className="ds-label" htmlFor={id("bevis")}>
          {t("assessment.evidence")}
        </label>
        <input
          className="ds-input"
          type="url"
          id={id("bevis")}
          name={fieldName("bevis", q.id)}
          defaultValue={values.bevis}
          aria-invalid={error("bevis") ? true : undefined}
          aria-describedby={error("bevis") ? `${id("bevis")}-error` : undefined}
        />
        {error("bevis") ? (
          <p className="ds-validation-message" id={`${id("bevis")}-error`}>
            {error("bevis")}
          </p>
        ) : null}
      </div>
      <div className="ds-field">
        <label className="ds-label" htmlFor={id("fil")}>
          {t("assessment.file")}
        </label>
        <p className="ds-paragraph" data-size="sm" id={`${id("fil")}-desc`}>
          {t("assessment.fileHelp")}
        </p>
        <input
          className="ds-input"
          type="file"
          id={id("fil")}
          name={fieldName("fil", q.id)}
          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx"
          aria-invalid={error("fil") ? true : undefined}
          aria-describedby={[`${id("fil")}-desc`, error("fil") ? `${id("fil")}-error` : ""].join(" ").trim()}
        />
        {error("fil") ? (
          <p className="ds-validation-message" id={`${id("fil")}-error`}>
            {error("fil")}
          </p>
        ) : null}
        {q.files.length > 0 ? (
          <ul className="ds-list">
            {q.files.map((f) => (
              <li key={f.href}>
                <a className="ds-link" href={f.href} download>
                  {f.name}
                </a>{" "}
                ({f.kb} kB{f.by ? `, ${f.by}` : ""})
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {q.others.length > 0 ? (
        <div className="stack-sm others">
          <p className="ds-label">{t("assessment.othersAnswered")}</p>
          <ul className="ds-list">
            {q.others.map((o) => (
              <li key={o.name}>
                {o.name}:{" "}
                {o.niva === "ir"
                  ? t("assessment.notRelevant")
                  : o.niva
                    ? `${t("assessment.level")} ${o.niva}`
                    : "–"}
                {o.kommentar ? ` – «${o.kommentar}»` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {q.final ? (
        <p className="ds-paragraph" data-size="sm">
          {t("assessment.finalAnswer")}:{" "}
          {q.final.niva === "ir" ? t("assessment.notRelevant") : `${t("assessment.level")} ${q.final.niva}`}
        </p>
      ) : null}
      <p className="ds-paragraph autosave-status" data-size="sm" aria-live="polite" />
    </fieldset>
  );
}

function TextArea(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  error: string | null;
  rows: number;
}) {
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={props.id}>
        {props.label}
      </label>
      <textarea
        className="ds-input"
        id={props.id}
        name={props.name}
        rows={props.rows}
        defaultValue={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      />
      {props.error ? (
        <p className="ds-validation-message" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
