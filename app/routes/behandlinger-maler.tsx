import { Form, Link, redirect } from "react-router";
import { catalogueLocale, getCatalogueEntry } from "../features/classifier/catalogue.server.ts";
import { createFromTemplate } from "../features/processing/processing.server.ts";
import { getTemplate, getTemplates } from "../features/processing/templates.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { localeFor, notFound, readForm } from "../lib/route.server.ts";
import { loadRegisterWriteScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/behandlinger-maler";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "processing.templatesTitle");

/** The template library: typical processings in school and kindergarten, each a starting point. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor } = await loadRegisterWriteScope(context, request);
  const lang = catalogueLocale(localeFor(request, actor));
  return {
    templates: getTemplates()
      .map((tpl) => ({
        id: tpl.id,
        name: tpl.navn[lang],
        purpose: tpl.formal[lang],
        audience: tpl.gjelder,
        special: tpl.opplysninger.some((id) => getCatalogueEntry(id)?.kategori === "saerlig"),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, "nb")),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { actor, services, ownerId } = await loadRegisterWriteScope(context, request);
  const template = getTemplate(String((await readForm(request)).get("mal") ?? ""));
  if (!template) notFound();
  const id = await createFromTemplate(
    services.db,
    ownerId,
    actor.userId,
    template,
    localeFor(request, actor),
  );
  return redirect(`/behandlinger/${id}?fra=mal`, 303);
}

export default function Maler({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack-lg">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to="/behandlinger">
          {t("processing.title")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("processing.templatesTitle")}
      </h1>
      <p className="ds-paragraph">{t("processing.templatesLead")}</p>
      <ul className="card-grid">
        {d.templates.map((tpl) => (
          <li key={tpl.id} className="ds-card stack-sm">
            <h2 className="ds-heading" data-size="xs">
              {tpl.name}
            </h2>
            <p className="ds-paragraph" data-size="sm">
              {tpl.audience.map((a) => t(`processing.audience.${a}` as MessageKey)).join(", ")}
              {tpl.special ? ` · ${t("processing.templateSpecial")}` : ""}
            </p>
            <p className="ds-paragraph">{tpl.purpose}</p>
            <Form method="post">
              <input type="hidden" name="mal" value={tpl.id} />
              <button
                type="submit"
                className="ds-button"
                data-variant="secondary"
                aria-label={`${t("processing.useTemplate")}: ${tpl.name}`}
              >
                {t("processing.useTemplate")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
