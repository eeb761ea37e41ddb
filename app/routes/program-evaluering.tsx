import { data, Form, redirect } from "react-router";
import { ChoiceGroup, ErrorSummary, TextAreaField } from "../components/form.tsx";
import { PageHeading } from "../components/page-heading.tsx";
import { ScrollTable } from "../components/scroll-table.tsx";
import { can } from "../features/policy/policy.server.ts";
import {
  hasAnswered,
  isOpen,
  results,
  saveAnswer,
  setOpen,
  ZEvaluation,
} from "../features/programme/evaluation.server.ts";
import { CHOICES, STATEMENTS, THRESHOLD } from "../features/programme/evaluation.ts";
import { loadProgramme } from "../features/programme/programme-page.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { fieldReaders, formObject, parseObject } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { notFound, readForm } from "../lib/route.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/program-evaluering";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "programmeEvaluation.title");

/** The survey page: for those who answer it, and for those who read its results; others 404. */
async function loadEvaluation(args: Route.LoaderArgs | Route.ActionArgs) {
  const page = await loadProgramme(args.context, args.request, args.params.id);
  const mayAnswer = can(page.actor, "programme:evaluate", page.resource);
  const mayRead = can(page.actor, "programme:evaluation-results", page.resource);
  if (!mayAnswer && !mayRead) notFound();
  const isGuide = page.actor.memberships.some(
    (m) => m.kind === "nettverk" && m.networkId === page.programme.network_id && m.role === "veileder",
  );
  return { ...page, mayAnswer, mayRead, role: isGuide ? ("veileder" as const) : ("deltaker" as const) };
}

export async function loader(args: Route.LoaderArgs) {
  const { services, programme, actor, mayAnswer, mayRead, canManage } = await loadEvaluation(args);
  const db = services.db;
  return {
    programme: { id: programme.id, name: programme.name },
    open: await isOpen(db, programme.id),
    mayAnswer,
    canManage,
    answered: mayAnswer ? await hasAnswered(db, programme.id, actor.userId) : false,
    results: mayRead ? await results(db, programme.id) : null,
    thanks: new URL(args.request.url).searchParams.has("takk"),
  };
}

export async function action(args: Route.ActionArgs) {
  const { services, programme, actor, mayAnswer, canManage, role } = await loadEvaluation(args);
  const form = await readForm(args.request);
  const intent = form.get("intent");
  if (intent === "open" || intent === "close") {
    if (!canManage) notFound();
    await setOpen(services.db, {
      programmeId: programme.id,
      networkId: programme.network_id,
      userId: actor.userId,
      open: intent === "open",
    });
    return redirect(`/program/${programme.id}/evaluering`, 303);
  }
  if (!mayAnswer) notFound();
  if (!(await isOpen(services.db, programme.id)))
    return data({ errors: { form: "programmeEvaluation.error.closed" }, values: {} }, { status: 409 });
  const raw = formObject(form, []);
  const parsed = parseObject(ZEvaluation, raw);
  if (!parsed.ok) return data({ errors: parsed.errors, values: raw }, { status: 400 });
  const saved = await saveAnswer(services.db, {
    programmeId: programme.id,
    userId: actor.userId,
    role,
    answers: parsed.data,
  });
  if (!saved)
    return data({ errors: { form: "programmeEvaluation.error.already" }, values: {} }, { status: 409 });
  return redirect(`/program/${programme.id}/evaluering?takk=1`, 303);
}

const choiceLabel = (c: number): MessageKey => `programmeEvaluation.choice.${c}` as MessageKey;

export default function ProgramEvaluering({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const { value } = fieldReaders(actionData?.values);
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const r = d.results;
  return (
    <div className="stack-lg prose">
      <div className="stack">
        <PageHeading back={{ to: `/program/${d.programme.id}`, label: d.programme.name }}>
          {t("programmeEvaluation.title")}
        </PageHeading>
        <p className="ds-paragraph">
          {t(d.open ? "programmeEvaluation.isOpen" : "programmeEvaluation.isClosed")}
        </p>
        {d.canManage ? (
          <Form method="post">
            <button
              type="submit"
              className="ds-button"
              data-variant="secondary"
              name="intent"
              value={d.open ? "close" : "open"}
            >
              {t(d.open ? "programmeEvaluation.close" : "programmeEvaluation.open")}
            </button>
          </Form>
        ) : null}
      </div>
      {d.mayAnswer ? (
        d.answered ? (
          <div className="ds-alert" data-color="success" role="status">
            <p className="ds-paragraph">
              {t(d.thanks ? "programmeEvaluation.thanks" : "programmeEvaluation.answered")}
            </p>
          </div>
        ) : d.open ? (
          <Form method="post" className="stack" noValidate>
            <h2 className="ds-heading" data-size="md">
              {t("programmeEvaluation.formHeading")}
            </h2>
            <p className="ds-paragraph">{t("programmeEvaluation.anonymous")}</p>
            <ErrorSummary state={actionData ? { errors: actionData.errors } : null} />
            {STATEMENTS.map((s) => (
              <ChoiceGroup
                key={s}
                name={s}
                type="radio"
                legend={t(`programmeEvaluation.q.${s}` as MessageKey)}
                options={CHOICES.map((c) => ({ value: String(c), label: t(choiceLabel(c)) }))}
                chosen={value(s) ? [value(s)] : []}
                error={errors[s]}
              />
            ))}
            <TextAreaField
              name="best"
              label={t("programmeEvaluation.q.best")}
              defaultValue={value("best")}
              error={errors.best}
            />
            <TextAreaField
              name="change"
              label={t("programmeEvaluation.q.change")}
              defaultValue={value("change")}
              error={errors.change}
            />
            <p>
              <button type="submit" className="ds-button">
                {t("programmeEvaluation.submit")}
              </button>
            </p>
          </Form>
        ) : null
      ) : null}
      {r ? (
        <section className="stack" aria-labelledby="resultat">
          <h2 className="ds-heading" data-size="md" id="resultat">
            {t("programmeEvaluation.results")}
          </h2>
          {!r.shown ? (
            <p className="ds-paragraph">
              {t("programmeEvaluation.soFar", { count: r.count, threshold: THRESHOLD })}
            </p>
          ) : (
            <>
              <p className="ds-paragraph">{t("programmeEvaluation.total", { count: r.count })}</p>
              <p className="ds-paragraph">
                <a href={`/program/${d.programme.id}/evaluering/xlsx`} download>
                  {t("export.download.xlsx")}
                </a>
              </p>
              {r.groups.map((g) => (
                <div key={g.group} className="stack">
                  <h3 className="ds-heading" data-size="sm">
                    {t(`programmeEvaluation.group.${g.group}` as MessageKey, { count: g.n })}
                  </h3>
                  <ScrollTable
                    label={t(`programmeEvaluation.group.${g.group}` as MessageKey, { count: g.n })}
                  >
                    <thead>
                      <tr>
                        <th scope="col">{t("programmeEvaluation.statement")}</th>
                        {CHOICES.map((c) => (
                          <th scope="col" key={c}>
                            {t(choiceLabel(c))}
                          </th>
                        ))}
                        <th scope="col">{t("programmeEvaluation.average")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.statements.map((s) => (
                        <tr key={s.statement}>
                          <th scope="row">{t(`programmeEvaluation.q.${s.statement}` as MessageKey)}</th>
                          {s.counts.map((n, i) => (
                            <td key={CHOICES[i]}>{n}</td>
                          ))}
                          <td>{s.average === null ? "–" : s.average.toFixed(1).replace(".", ",")}</td>
                        </tr>
                      ))}
                    </tbody>
                  </ScrollTable>
                </div>
              ))}
              <h3 className="ds-heading" data-size="sm">
                {t("programmeEvaluation.q.best")}
              </h3>
              <ul className="stack">
                {r.best.map((text, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: texts may repeat; the order is fixed (sorted)
                  <li key={i}>{text}</li>
                ))}
              </ul>
              <h3 className="ds-heading" data-size="sm">
                {t("programmeEvaluation.q.change")}
              </h3>
              <ul className="stack">
                {r.change.map((text, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: texts may repeat; the order is fixed (sorted)
                  <li key={i}>{text}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
