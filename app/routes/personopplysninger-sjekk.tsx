import { data, Form, Link } from "react-router";
import { ClassifierVerdict } from "../components/classifier-verdict.tsx";
import { ErrorSummary, type FormState } from "../components/form.tsx";
import { catalogueLocale, classifyText, getCatalogueEntry } from "../features/classifier/catalogue.server.ts";
import type { Answer } from "../features/classifier/classify.ts";
import { MAX_TEXT_LENGTH } from "../features/classifier/classify.ts";
import { ZClassifyForm } from "../features/classifier/schemas.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { parseForm } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { loadActor, localeFor, readForm } from "../lib/route.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/personopplysninger-sjekk";

/** A plain form: works the same without JavaScript, on a phone between lessons. */
export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "classifier.title");

type Result =
  | (FormState & { ok: false })
  | { ok: true; text: string; answer: Answer; entries: { id: string; name: string }[] };

/** Public: no account needed, nothing is stored. The text is not logged (it may name a person). */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(ZClassifyForm, form);
  if (!parsed.ok)
    return data<Result>({ ok: false, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const locale = localeFor(request, await loadActor(context, request));
  const answer = classifyText(parsed.data.tekst, locale);
  const lang = catalogueLocale(locale);
  const entries = answer.treff.flatMap((id) => {
    const entry = getCatalogueEntry(id);
    return entry ? [{ id, name: entry.navn[lang] }] : [];
  });
  return data<Result>({ ok: true, text: parsed.data.tekst, answer, entries });
}

export default function PersonopplysningerSjekk({ actionData }: Route.ComponentProps) {
  const t = useT();
  const result = actionData as Result | undefined;
  const failed = result && !result.ok ? result : null;
  const error = failed?.errors?.tekst;
  const typed = result ? (result.ok ? result.text : (failed?.values?.tekst ?? "")) : "";
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to="/personopplysninger">
          {t("guide.title")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("classifier.title")}
      </h1>
      <p className="ds-paragraph">{t("classifier.intro")}</p>
      <ErrorSummary state={failed} />
      <Form method="post" className="stack" noValidate>
        <div className="ds-field">
          <label className="ds-label" htmlFor="f-tekst">
            {t("classifier.label")}
          </label>
          <p className="ds-paragraph" data-size="sm" id="f-tekst-desc" data-field="description">
            {t("classifier.help", { max: MAX_TEXT_LENGTH })}
          </p>
          {error ? (
            <p className="ds-validation-message" data-field="validation" id="f-tekst-error">
              {t(error as MessageKey, { max: MAX_TEXT_LENGTH })}
            </p>
          ) : null}
          <textarea
            className="ds-input"
            id="f-tekst"
            name="tekst"
            rows={3}
            defaultValue={typed}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "f-tekst-desc f-tekst-error" : "f-tekst-desc"}
          />
        </div>
        <div>
          <button type="submit" className="ds-button">
            {t("classifier.submit")}
          </button>
        </div>
      </Form>
      {result?.ok ? (
        <section aria-labelledby="svar" className="stack" role="status">
          <h2 className="ds-heading" data-size="sm" id="svar">
            {t("classifier.answerFor", { text: result.text })}
          </h2>
          <ClassifierVerdict answer={result.answer} entries={result.entries} headingLevel={3} />
        </section>
      ) : null}
      <p className="ds-paragraph" data-size="sm">
        {t("classifier.disclaimer")}
      </p>
    </div>
  );
}
