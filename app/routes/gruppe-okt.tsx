import { data, Form, redirect } from "react-router";
import { BarChart } from "../components/bar-chart.tsx";
import { Notice } from "../components/form.tsx";
import { Countdown, LiveUpdates } from "../components/live-updates.tsx";
import { RichText } from "../components/rich-text.tsx";
import {
  answerDistribution,
  applyHostCommand,
  countParticipants,
  getHostedSession,
  type HostCommand,
  listAttendance,
  recordAttendance,
} from "../features/group/sessions.server.ts";
import { getModule, isPackage } from "../features/learning/modules.server.ts";
import { listMembers } from "../features/orgs/memberships.server.ts";
import { countKey, type MessageKey } from "../i18n/translate.ts";
import { useContentLang, useT } from "../i18n/use-t.ts";
import { authorize, getServices, localeFor, notFound, readForm, requireActor } from "../lib/route.server.ts";
import type { Route } from "./+types/gruppe-okt";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.moduleTitle ?? ""} – gruppeøkt – Oppvern` },
];

async function loadHosted(args: Route.LoaderArgs | Route.ActionArgs) {
  const actor = await requireActor(args.context, args.request);
  const services = getServices(args.context);
  const session = await getHostedSession(services.db, actor.userId, args.params.id);
  if (!session || !isPackage(session.package)) notFound();
  authorize(actor, "group:present", { type: "groupSession", hostUserId: session.host_user_id });
  const module = getModule(session.package, session.module, localeFor(args.request, actor));
  if (!module) notFound();
  return { actor, services, session, module };
}

export async function loader(args: Route.LoaderArgs) {
  const { services, session, module } = await loadHosted(args);
  const { db } = services;
  const question =
    session.phase === "question" || session.phase === "reveal"
      ? module.quiz[session.question_index]
      : undefined;
  const staff = session.unit_id ? await listMembers(db, [session.unit_id]) : [];
  const attended = new Set((await listAttendance(db, session.id)).map((a) => a.user_id));
  return {
    id: session.id,
    code: session.code,
    joinUrl: `${services.config.publicUrl.replace(/^https?:\/\//, "")}/delta`,
    pkg: session.package,
    mod: session.module,
    moduleTitle: module.title,
    phase: session.phase,
    stepIndex: session.step_index,
    totalSteps: module.steps.length,
    step: module.steps[session.step_index] ?? null,
    timerEndsAt: session.timer_ends_at,
    questionIndex: session.question_index,
    totalQuestions: module.quiz.length,
    question: question ?? null,
    participants: await countParticipants(db, session.id),
    distribution: question ? await answerDistribution(db, session.id, question.id) : null,
    staff: [
      ...new Map(
        staff.map((m) => [m.user_id, { userId: m.user_id, name: m.name, attended: attended.has(m.user_id) }]),
      ).values(),
    ],
    hasUnit: Boolean(session.unit_id),
  };
}

const COMMANDS = ["next", "previous", "start-timer", "start-quiz", "reveal", "next-question", "end"] as const;

export async function action(args: Route.ActionArgs) {
  const { services, session, module } = await loadHosted(args);
  const form = await readForm(args.request);
  const intent = String(form.get("intent"));
  if (intent === "attendance") {
    const userIds = form.getAll("userId").map(String);
    const count = await recordAttendance(services.db, session, userIds);
    return { saved: count };
  }
  const command = COMMANDS.find((c) => c === intent);
  if (!command || session.ended_at) throw data(null, { status: 400 });
  await applyHostCommand(services.db, services.live, session, module, { kind: command } as HostCommand);
  return redirect(`/gruppe/${session.id}`, { status: 303 });
}

function Command({
  intent,
  label,
  variant = "primary",
}: {
  intent: string;
  label: string;
  variant?: "primary" | "secondary";
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className="ds-button" data-variant={variant} data-size="lg">
        {label}
      </button>
    </Form>
  );
}

export default function GruppeOkt({ loaderData: s, actionData }: Route.ComponentProps) {
  const t = useT();
  const contentLang = useContentLang();
  const saved = (actionData as { saved?: number } | undefined)?.saved;
  const q = s.question;
  return (
    <div className="stack-lg presenter">
      <LiveUpdates url={`/gruppe/${s.id}/hendelser`} />
      <div className="presenter__bar">
        {/* Once the session has ended the code no longer works: it is not shown. */}
        {s.phase !== "ended" ? (
          <p className="ds-paragraph">
            {t("group.joinAt", { url: s.joinUrl })}{" "}
            <strong className="join-code">{s.code.replace(/(\d{3})(\d{3})/, "$1 $2")}</strong>
          </p>
        ) : null}
        <p className="ds-paragraph" aria-live="polite">
          {t("group.participants", { count: s.participants })}
        </p>
      </div>
      <p className="ds-paragraph eyebrow">
        {t(`learning.package.${s.pkg}` as MessageKey)} · {s.moduleTitle}
      </p>

      {s.phase === "steps" && s.step ? (
        <section className="stack">
          <p className="ds-paragraph" data-size="sm">
            {t("learning.stepOf", { position: s.stepIndex + 1, total: s.totalSteps })} ·{" "}
            {t(`learning.kind.${s.step.kind}` as MessageKey)}
          </p>
          <h1 className="ds-heading" data-size="xl">
            {s.step.title}
          </h1>
          <div className="presenter__text stack" lang={contentLang}>
            <RichText text={s.step.body} />
            {s.step.kind === "example" ? (
              <details className="ds-details">
                {/* The page's own words, inside course text that is marked bokmål for an English reader. */}
                <summary lang={contentLang ? "en" : undefined}>{t("learning.showAnswer")}</summary>
                <div>
                  <RichText text={s.step.answer} headingLevel={3} />
                </div>
              </details>
            ) : null}
            {s.step.kind === "task" ? (
              <ol className="ds-list">
                {s.step.questions.map((question) => (
                  <li key={question}>{question}</li>
                ))}
              </ol>
            ) : null}
          </div>
          {s.step.kind === "task" && s.timerEndsAt ? (
            <Countdown endsAt={s.timerEndsAt} label={t("group.timeLeft")} />
          ) : null}
          <div className="button-row">
            {s.stepIndex > 0 ? (
              <Command intent="previous" label={t("learning.previous")} variant="secondary" />
            ) : null}
            {s.step.kind === "task" ? (
              <Command
                intent="start-timer"
                label={t("group.startTimer", { minutes: s.step.minutes })}
                variant="secondary"
              />
            ) : null}
            <Command
              intent="next"
              label={s.stepIndex + 1 < s.totalSteps ? t("learning.next") : t("group.startQuiz")}
            />
            {s.stepIndex + 1 < s.totalSteps ? (
              <Command intent="start-quiz" label={t("group.skipToQuiz")} variant="secondary" />
            ) : null}
          </div>
        </section>
      ) : null}

      {q && s.distribution ? (
        <section className="stack">
          <p className="ds-paragraph" data-size="sm">
            {t("quiz.questionNumber", { number: s.questionIndex + 1 })} / {s.totalQuestions}
          </p>
          {q.scenario ? <RichText text={q.scenario} /> : null}
          <h1 className="ds-heading" data-size="lg">
            {q.question}
          </h1>
          <p className="ds-paragraph" aria-live="polite">
            <strong>{t("group.answersIn", { count: s.distribution.answers, total: s.participants })}</strong>
          </p>
          {s.phase === "question" ? (
            <>
              <ol className="presenter__options" type="A">
                {q.options.map((o) => (
                  <li key={o.id}>{o.text}</li>
                ))}
              </ol>
              <Command intent="reveal" label={t("group.reveal")} />
            </>
          ) : (
            <>
              <BarChart
                caption={t("group.chartCaption")}
                valueLabel={t("group.chartValue")}
                highlightLabel={t("quiz.right").toLowerCase()}
                rows={q.options.map((o) => ({
                  label: o.id.toUpperCase(),
                  value: s.distribution?.perOption[o.id] ?? 0,
                  highlight: o.correct,
                }))}
              />
              <ol className="presenter__options" type="A">
                {q.options.map((o) => (
                  <li key={o.id} className={o.correct ? "is-right" : undefined}>
                    <strong>{o.text}</strong>
                    {o.correct ? ` – ${t("quiz.right")}` : ""}
                    <br />
                    <span>{o.feedback}</span>
                  </li>
                ))}
              </ol>
              <Command
                intent="next-question"
                label={
                  s.questionIndex + 1 < s.totalQuestions ? t("group.nextQuestion") : t("group.toAttendance")
                }
              />
            </>
          )}
        </section>
      ) : null}

      {s.phase === "attendance" || s.phase === "ended" ? (
        <section className="stack">
          <h1 className="ds-heading" data-size="lg">
            {t("group.attendanceTitle")}
          </h1>
          {saved !== undefined ? (
            <Notice>{t(countKey("group.attendanceSaved", saved), { count: saved })}</Notice>
          ) : null}
          {s.hasUnit ? (
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="attendance" />
              <fieldset className="ds-fieldset">
                <legend className="ds-paragraph">{t("group.attendanceLead")}</legend>
                {s.staff.map((p) => (
                  <div key={p.userId} className="ds-field">
                    <input
                      className="ds-input"
                      type="checkbox"
                      name="userId"
                      value={p.userId}
                      id={`att-${p.userId}`}
                      defaultChecked={p.attended}
                    />
                    <label className="ds-label" data-weight="regular" htmlFor={`att-${p.userId}`}>
                      {p.name}
                    </label>
                  </div>
                ))}
              </fieldset>
              <div>
                <button type="submit" className="ds-button">
                  {t("group.saveAttendance")}
                </button>
              </div>
            </Form>
          ) : (
            <p className="ds-paragraph">{t("group.noUnit")}</p>
          )}
          {s.phase !== "ended" ? (
            <Command intent="end" label={t("group.end")} variant="secondary" />
          ) : (
            <Notice>{t("group.ended")}</Notice>
          )}
        </section>
      ) : null}
    </div>
  );
}
