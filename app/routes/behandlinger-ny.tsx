import { Link, redirect } from "react-router";
import { ProcessingForm } from "../components/processing-form.tsx";
import {
  type FormFailure,
  failure,
  findingsFor,
  formOptions,
  validateProcessing,
} from "../features/processing/form-page.server.ts";
import { createFromValues } from "../features/processing/processing.server.ts";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { localeFor, readForm } from "../lib/route.server.ts";
import { loadRegisterWriteScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/behandlinger-ny";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "processing.newTitle");

export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor, services, ownerId } = await loadRegisterWriteScope(context, request);
  return formOptions(services.db, ownerId, localeFor(request, actor));
}

export async function action({ request, context }: Route.ActionArgs) {
  const { actor, services, ownerId } = await loadRegisterWriteScope(context, request);
  const locale = localeFor(request, actor);
  const { units } = await formOptions(services.db, ownerId, locale);
  const checked = validateProcessing(await readForm(request), units, locale);
  if (!checked.ok)
    return failure({ ...checked, findings: findingsFor(checked.values, locale) } as FormFailure);
  const id = await createFromValues(services.db, ownerId, actor.userId, checked.values);
  return redirect(`/behandlinger/${id}?lagret=1`, 303);
}

export default function NyBehandling({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const failed = actionData as (FormFailure & { findings?: ReturnType<typeof findingsFor> }) | undefined;
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to="/behandlinger">
          {t("processing.title")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("processing.newTitle")}
      </h1>
      <ProcessingForm
        values={failed?.values ?? { status: "utkast", tredjeland: "nei" }}
        errors={failed?.errors}
        units={d.units}
        catalogue={d.catalogue}
        findings={failed?.findings ?? []}
        submitLabel={t("processing.create")}
      />
    </div>
  );
}
