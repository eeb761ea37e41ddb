import { data, Form, redirect } from "react-router";
import { ErrorSummary, type FormState } from "../components/form.tsx";
import { participantCookie, readParticipantCookie } from "../features/group/participant-cookie.ts";
import { findOpenSessionByCode, findParticipant, joinSession } from "../features/group/sessions.server.ts";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { getServices, readForm } from "../lib/route.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/delta";

/** Course pages are plain HTML: no JavaScript on a learner's phone. */
export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "join.title");

export function loader({ request }: Route.LoaderArgs) {
  return { code: new URL(request.url).searchParams.get("kode") ?? "" };
}

/** Joins a live group session with its six-digit code; no account is needed. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  const code = String(form.get("kode") ?? "").replace(/\s/g, "");
  if (!/^\d{6}$/.test(code)) {
    return data<FormState>({ errors: { kode: "join.codeFormat" }, values: { kode: code } }, { status: 400 });
  }
  const { db, live } = getServices(context);
  const session = await findOpenSessionByCode(db, code);
  if (!session)
    return data<FormState>({ errors: { kode: "join.codeUnknown" }, values: { kode: code } }, { status: 404 });
  const headers = new Headers();
  // A phone that already joined this session keeps its place.
  if (!(await findParticipant(db, session.id, readParticipantCookie(request, session.id)))) {
    const { token } = await joinSession(db, session.id);
    headers.append("Set-Cookie", participantCookie(session.id, token));
    // The presenter's participant count is updated like an arriving answer.
    await live.publish(session.id, "answers");
  }
  return redirect(`/delta/${code}`, { status: 303, headers });
}

export default function Delta({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const state = actionData as FormState | undefined;
  const error = state?.errors?.kode;
  return (
    <div className="narrow stack">
      <h1 className="ds-heading" data-size="lg">
        {t("join.title")}
      </h1>
      <p className="ds-paragraph">{t("join.lead")}</p>
      <ErrorSummary state={state} idPrefix="delta" />
      <Form method="post" className="stack" noValidate>
        <div className="ds-field">
          <label className="ds-label" htmlFor="delta-kode">
            {t("join.code")}
          </label>
          <input
            className="ds-input join-input"
            id="delta-kode"
            name="kode"
            inputMode="numeric"
            autoComplete="off"
            maxLength={7}
            defaultValue={state?.values?.kode ?? loaderData.code}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "delta-kode-error" : undefined}
          />
          {error ? (
            <p id="delta-kode-error" className="ds-validation-message" data-field="validation">
              {t(error as "join.codeUnknown")}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" className="ds-button" data-size="lg">
            {t("join.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
