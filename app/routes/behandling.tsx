import { data, Form, Link, redirect } from "react-router";
import { Notice } from "../components/form.tsx";
import { ProcessingForm } from "../components/processing-form.tsx";
import { recordRead } from "../features/audit/audit-log.server.ts";
import { catalogueLocale, getCatalogueEntry } from "../features/classifier/catalogue.server.ts";
import {
  type FormFailure,
  failure,
  findingsFor,
  formOptions,
  rowToValues,
  validateProcessing,
} from "../features/processing/form-page.server.ts";
import {
  deleteProcessing,
  getProcessing,
  processingHistory,
  saveDraft,
  updateProcessing,
} from "../features/processing/processing.server.ts";
import { processingFormObject } from "../features/processing/schemas.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { localeFor, notFound, readForm } from "../lib/route.server.ts";
import { loadRegisterScope, loadRegisterWriteScope } from "../lib/scopes.server.ts";
import { nowIso } from "../lib/time.ts";
import type { Route } from "./+types/behandling";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.name ?? ""} – Oppvern` },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, services, ownerId, canManage } = await loadRegisterScope(context, request);
  const row = await getProcessing(services.db, ownerId, params.id);
  if (!row) notFound();
  const locale = localeFor(request, actor);
  const saved = rowToValues(row);
  let draft: Record<string, string | string[]> | null = null;
  if (canManage && row.draft) {
    try {
      draft = JSON.parse(row.draft);
    } catch {}
  }
  const values = draft ?? saved;
  const lang = catalogueLocale(locale);
  const url = new URL(request.url);
  const [history] = await Promise.all([
    processingHistory(services.db, ownerId, row.id),
    recordRead(services.db, { userId: actor.userId, ownerId, entity: "processing", entityId: row.id }),
  ]);
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    canManage,
    values,
    draftAt: draft ? row.draft_at : null,
    fromTemplate: url.searchParams.get("fra") === "mal",
    justSaved: url.searchParams.get("lagret") === "1",
    findings: findingsFor(values, locale),
    dataTypeNames: (Array.isArray(saved.opplysninger) ? saved.opplysninger : []).map(
      (id) => getCatalogueEntry(id)?.navn[lang] ?? id,
    ),
    history,
    ...(canManage ? await formOptions(services.db, ownerId, locale) : { units: [], catalogue: [] }),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, services, ownerId } = await loadRegisterWriteScope(context, request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "save");
  const locale = localeFor(request, actor);
  if (intent === "autosave") {
    if (!(await saveDraft(services.db, ownerId, params.id, processingFormObject(form)))) notFound();
    return data({ autosaved: nowIso() });
  }
  if (intent === "delete") {
    if (!(await deleteProcessing(services.db, ownerId, params.id, actor.userId))) notFound();
    return redirect("/behandlinger", 303);
  }
  const { units } = await formOptions(services.db, ownerId, locale);
  const checked = validateProcessing(form, units, locale);
  if (!checked.ok) {
    // Keep what was typed even if the user leaves now.
    await saveDraft(services.db, ownerId, params.id, checked.values);
    return failure({ ...checked, findings: findingsFor(checked.values, locale) } as FormFailure);
  }
  const result = await updateProcessing(
    services.db,
    ownerId,
    params.id,
    actor.userId,
    checked.values,
    Number(form.get("version")),
  );
  if (!result.ok && result.reason === "not-found") notFound();
  if (!result.ok) {
    await saveDraft(services.db, ownerId, params.id, checked.raw);
    return failure({ ok: false, errors: {}, values: checked.raw, message: "processing.conflict" });
  }
  return redirect(`/behandlinger/${params.id}?lagret=1`, 303);
}

export default function Behandling({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const failed = actionData as (FormFailure & { findings?: typeof d.findings }) | undefined;
  const failedForm = failed && "values" in failed ? failed : null;
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to="/behandlinger">
          {t("processing.title")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {d.name}
      </h1>
      {d.justSaved ? <Notice color="success">{t("processing.saved")}</Notice> : null}
      {d.fromTemplate ? <Notice>{t("processing.fromTemplateNotice")}</Notice> : null}
      {d.draftAt && !failedForm ? (
        <Notice color="warning">
          {t("processing.draftNotice", { time: d.draftAt.slice(0, 16).replace("T", " ") })}
        </Notice>
      ) : null}
      {d.canManage ? (
        <ProcessingForm
          values={failedForm?.values ?? d.values}
          errors={failedForm?.errors}
          message={failedForm?.message}
          units={d.units}
          catalogue={d.catalogue}
          findings={failedForm?.findings ?? d.findings}
          version={d.version}
          autosave
          submitLabel={t("processing.save")}
        />
      ) : (
        <ProcessingView values={d.values} dataTypeNames={d.dataTypeNames} findings={d.findings} />
      )}
      <section aria-labelledby="historikk" className="stack">
        <h2 className="ds-heading" data-size="sm" id="historikk">
          {t("processing.history")}
        </h2>
        <ul className="ds-list">
          {d.history.map((h) => (
            <li key={`${h.at}-${h.action}`}>
              {h.at.slice(0, 16).replace("T", " ")} – {h.who}:{" "}
              {h.action === "processing.create"
                ? h.template
                  ? t("processing.historyCreatedFromTemplate")
                  : t("processing.historyCreated")
                : `${t("processing.historyChanged")} ${h.changed.map((f) => t(`processing.history.${f}` as MessageKey)).join(", ")}`}
            </li>
          ))}
        </ul>
      </section>
      {d.canManage ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="ds-button" data-variant="tertiary" data-color="danger">
            {t("processing.delete")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

function ProcessingView({
  values,
  dataTypeNames,
  findings,
}: {
  values: Record<string, string | string[]>;
  dataTypeNames: string[];
  findings: { label: string }[];
}) {
  const t = useT();
  const v = (k: string) =>
    Array.isArray(values[k]) ? (values[k] as string[]).join(", ") : String(values[k] ?? "");
  const rows: [MessageKey, string][] = [
    ["processing.field.purpose", v("formal")],
    [
      "processing.field.legalBasis",
      v("rettsgrunnlag") ? t(`processing.art6.${v("rettsgrunnlag")}` as MessageKey) : "–",
    ],
    ["processing.field.art9", v("art9") ? t(`processing.art9.${v("art9")}` as MessageKey) : "–"],
    ["processing.field.nationalBasis", v("nasjonaltGrunnlag")],
    [
      "processing.field.subjects",
      (Array.isArray(values.registrerte) ? values.registrerte : [])
        .map((s) => t(`processing.subject.${s}` as MessageKey))
        .join(", "),
    ],
    ["processing.field.dataTypes", [...dataTypeNames, v("andreOpplysninger")].filter(Boolean).join(", ")],
    ["processing.findingsTitle", findings.map((f) => f.label).join(", ") || "–"],
    ["processing.field.recipients", v("mottakere")],
    [
      "processing.field.thirdCountry",
      v("tredjeland") === "ja"
        ? v("tredjelandDetaljer") || t("processing.thirdCountryYes")
        : t("processing.thirdCountryNo"),
    ],
    ["processing.field.retention", v("lagring")],
    ["processing.field.systems", v("systemer")],
    ["processing.field.security", v("sikkerhet")],
    ["processing.field.status", t(`processing.status.${v("status")}` as MessageKey)],
    ["processing.field.reviewDate", v("gjennomgang") || "–"],
  ];
  return (
    <dl className="facts">
      {rows.map(([label, text]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
