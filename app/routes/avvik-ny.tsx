import { data, Form, Link, redirect } from "react-router";
import { ChoiceGroup, ErrorSummary, Field, SelectField, TextAreaField } from "../components/form.tsx";
import { reportIncident, tellOfNewIncident } from "../features/incidents/incidents.server.ts";
import {
  AFFECTED,
  DATA_SUBJECTS,
  incidentFormObject,
  SENSITIVE,
  ZIncidentReport,
} from "../features/incidents/schemas.ts";
import { listUnits } from "../features/orgs/owners.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { fieldReaders, parseObject, valuesToShow } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { readForm } from "../lib/route.server.ts";
import { loadIncidentScope } from "../lib/scopes.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/avvik-ny";

/** A plain form: it works the same without JavaScript, and a phone loads no script for it. */
export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "incident.new.title");

async function formOptions(args: Route.LoaderArgs | Route.ActionArgs) {
  const scope = await loadIncidentScope(args.context, args.request);
  const units = (await listUnits(scope.services.db, scope.ownerId)).map((u) => ({ id: u.id, name: u.name }));
  // The reporter's own unit first: where most reports come from.
  const own = scope.actor.memberships.find(
    (m) => m.kind === "enhet" && m.ownerId === scope.ownerId && units.some((u) => u.id === m.unitId),
  );
  return { ...scope, units, ownUnit: own?.unitId ?? "" };
}

export async function loader(args: Route.LoaderArgs) {
  const { owner, units, ownUnit } = await formOptions(args);
  return { owner: owner.name, units, ownUnit };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, owner, ownerId, units } = await formOptions(args);
  const raw = incidentFormObject(await readForm(args.request));
  const parsed = parseObject(ZIncidentReport, raw);
  const unit = typeof raw.enhet === "string" ? raw.enhet : "";
  const errors = parsed.ok ? {} : { ...parsed.errors };
  if (unit && !units.some((u) => u.id === unit)) errors.enhet ??= "incident.unknownUnit";
  if (!parsed.ok || Object.keys(errors).length > 0)
    return data({ errors, values: valuesToShow(raw, ["dato"]) }, { status: 400 });
  const { id, reportedAt } = await reportIncident(services.db, {
    ownerId,
    unitId: unit || null,
    userId: actor.userId,
    report: parsed.data,
  });
  await tellOfNewIncident(services.db, services.mailer, {
    publicUrl: services.config.publicUrl,
    id,
    reportedAt,
    ownerId,
    unitId: unit || null,
    organisation: owner.name,
    reporter: { email: actor.email, name: actor.name },
  });
  return redirect(`/avvik/${id}?meldt=1#lagret`, 303);
}

export default function NyttAvvik({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const failed = actionData;
  const { value, list } = fieldReaders(failed?.values);
  const error = (name: string) => failed?.errors?.[name];
  const state = failed ? { errors: failed.errors } : null;
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to="/avvik">
          {t("incident.title")}
        </Link>
      </p>
      <div className="stack">
        <h1 className="ds-heading" data-size="lg">
          {t("incident.new.title")}
        </h1>
        <p className="ds-paragraph">{t("incident.new.lead")}</p>
      </div>
      <Form method="post" action="#feil" className="stack-lg" noValidate>
        <ErrorSummary state={state} />
        <TextAreaField
          name="hva"
          label={t("incident.field.what")}
          description={t("incident.help.what")}
          error={error("hva")}
          defaultValue={value("hva")}
          rows={5}
          required
        />
        <SelectField
          name="enhet"
          label={t("incident.field.unit")}
          state={state}
          defaultValue={failed ? value("enhet") : d.ownUnit}
          options={[
            ...d.units.map((u) => ({ value: u.id, label: u.name })),
            { value: "", label: t("incident.notAtUnit", { owner: d.owner }) },
          ]}
        />
        <Field
          name="dato"
          type="date"
          label={t("incident.field.date")}
          description={t("incident.help.date")}
          state={failed ? { errors: failed.errors, values: { dato: value("dato") } } : null}
        />
        <ChoiceGroup
          name="registrerte"
          type="checkbox"
          legend={t("incident.field.subjects")}
          description={t("incident.help.subjects")}
          options={DATA_SUBJECTS.map((s) => ({
            value: s,
            label: t(`processing.subject.${s}` as MessageKey),
          }))}
          chosen={list("registrerte")}
          error={error("registrerte")}
        />
        <ChoiceGroup
          name="antall"
          type="radio"
          legend={t("incident.field.affected")}
          options={AFFECTED.map((a) => ({ value: a, label: t(`incident.affected.${a}` as MessageKey) }))}
          chosen={[value("antall") || "vet-ikke"]}
          error={error("antall")}
        />
        <ChoiceGroup
          name="sensitive"
          type="radio"
          legend={t("incident.field.sensitive")}
          description={t("incident.help.sensitive")}
          options={SENSITIVE.map((s) => ({ value: s, label: t(`incident.sensitive.${s}` as MessageKey) }))}
          chosen={[value("sensitive") || "vet-ikke"]}
          error={error("sensitive")}
        />
        <TextAreaField
          name="gjort"
          label={t("incident.field.done")}
          description={t("incident.help.done")}
          error={error("gjort")}
          defaultValue={value("gjort")}
          rows={3}
        />
        <p>
          <button type="submit" className="ds-button">
            {t("incident.submit")}
          </button>
        </p>
      </Form>
    </div>
  );
}
