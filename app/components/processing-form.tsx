import { useEffect, useRef, useState } from "react";
import { Form, useFetcher } from "react-router";
import type { SpecialFinding } from "../features/processing/processing.server.ts";
import { STATUSES } from "../features/processing/schemas.ts";
import { ART6, ART9, DATA_SUBJECTS } from "../features/processing/template-schema.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { ErrorSummary } from "./form.tsx";

export interface CatalogueChoice {
  id: string;
  name: string;
  kategori: "ikke" | "alminnelig" | "ekstra_varsomhet" | "saerlig";
}

export interface ProcessingFormProps {
  /** What to show in the fields: saved values, a draft, or what the user just posted. */
  values: Record<string, string | string[]>;
  errors?: Record<string, string>;
  message?: string;
  units: { id: string; name: string }[];
  catalogue: CatalogueChoice[];
  findings: SpecialFinding[];
  version?: number;
  /** Autosave: the form posts "autosave" in the background while the user types (with JavaScript). */
  autosave?: boolean;
  submitLabel: string;
}

function useFieldHelpers(props: ProcessingFormProps) {
  const t = useT();
  const value = (name: string) => {
    const v = props.values[name];
    return Array.isArray(v) ? "" : (v ?? "");
  };
  const list = (name: string) => {
    const v = props.values[name];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  const error = (name: string) => {
    const key = props.errors?.[name];
    return key ? t(key as MessageKey) : null;
  };
  const described = (name: string, help?: boolean) =>
    [help ? `f-${name}-desc` : null, props.errors?.[name] ? `f-${name}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined;
  return { t, value, list, error, described };
}

function ErrorText({ name, text }: { name: string; text: string | null }) {
  return text ? (
    <p className="ds-validation-message" data-field="validation" id={`f-${name}-error`}>
      {text}
    </p>
  ) : null;
}

export function ProcessingForm(props: ProcessingFormProps) {
  const { t, value, list, error, described } = useFieldHelpers(props);
  const formRef = useRef<HTMLFormElement>(null);
  const fetcher = useFetcher();
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data && (fetcher.data as { autosaved?: string }).autosaved)
      setSavedAt((fetcher.data as { autosaved: string }).autosaved);
  }, [fetcher.state, fetcher.data]);

  const onInput = () => {
    if (!props.autosave || !formRef.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!formRef.current) return;
      const data = new FormData(formRef.current);
      data.set("intent", "autosave");
      fetcher.submit(data, { method: "post" });
    }, 1500);
  };

  const textarea = (name: string, label: string, help?: string, rows = 3) => (
    <div className="ds-field">
      <label className="ds-label" htmlFor={`f-${name}`}>
        {label}
      </label>
      {help ? (
        <p className="ds-paragraph" data-size="sm" data-field="description" id={`f-${name}-desc`}>
          {help}
        </p>
      ) : null}
      <ErrorText name={name} text={error(name)} />
      <textarea
        className="ds-input"
        id={`f-${name}`}
        name={name}
        rows={rows}
        defaultValue={value(name)}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={described(name, Boolean(help))}
      />
    </div>
  );

  const chosenTypes = new Set(list("opplysninger"));
  const groups = (["saerlig", "ekstra_varsomhet", "alminnelig"] as const).map((k) => ({
    kategori: k,
    entries: props.catalogue.filter((c) => c.kategori === k),
  }));

  return (
    <Form method="post" className="stack-lg" noValidate ref={formRef} onInput={onInput}>
      <ErrorSummary state={{ errors: props.errors, message: props.message }} />
      {props.version !== undefined ? <input type="hidden" name="version" value={props.version} /> : null}

      <fieldset className="ds-fieldset stack">
        <legend className="ds-heading" data-size="sm">
          {t("processing.section.what")}
        </legend>
        <div className="ds-field">
          <label className="ds-label" htmlFor="f-navn">
            {t("processing.field.name")}
          </label>
          <ErrorText name="navn" text={error("navn")} />
          <input
            className="ds-input"
            id="f-navn"
            name="navn"
            defaultValue={value("navn")}
            aria-invalid={error("navn") ? true : undefined}
            aria-describedby={described("navn")}
          />
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="f-enhet">
            {t("processing.field.unit")}
          </label>
          <select className="ds-input" id="f-enhet" name="enhet" defaultValue={value("enhet")}>
            <option value="">{t("processing.wholeOwner")}</option>
            {props.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        {textarea("formal", t("processing.field.purpose"), t("processing.help.purpose"), 4)}
      </fieldset>

      <fieldset className="ds-fieldset stack">
        <legend className="ds-heading" data-size="sm">
          {t("processing.section.who")}
        </legend>
        <fieldset className="ds-fieldset" aria-describedby={described("registrerte")}>
          <legend className="ds-label">{t("processing.field.subjects")}</legend>
          <ErrorText name="registrerte" text={error("registrerte")} />
          {DATA_SUBJECTS.map((s) => (
            <div className="ds-field" key={s}>
              <input
                className="ds-input"
                type="checkbox"
                id={`f-registrerte-${s}`}
                name="registrerte"
                value={s}
                defaultChecked={list("registrerte").includes(s)}
              />
              <label className="ds-label" data-weight="regular" htmlFor={`f-registrerte-${s}`}>
                {t(`processing.subject.${s}` as MessageKey)}
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset
          className="ds-fieldset stack"
          id="f-opplysninger"
          tabIndex={-1}
          aria-describedby="f-opplysninger-desc"
        >
          <legend className="ds-label">{t("processing.field.dataTypes")}</legend>
          <p className="ds-paragraph" data-size="sm" id="f-opplysninger-desc">
            {t("processing.help.dataTypes")}
          </p>
          <ErrorText name="opplysninger" text={error("opplysninger")} />
          {groups.map((g) => (
            <details
              key={g.kategori}
              className="ds-details"
              open={g.kategori !== "alminnelig" || g.entries.some((e) => chosenTypes.has(e.id))}
            >
              <summary className="ds-details-summary">
                {t(`classifier.kategori.${g.kategori}` as MessageKey)} ({g.entries.length})
              </summary>
              <div className="ds-details-content checkbox-columns">
                {g.entries.map((e) => (
                  <div className="ds-field" key={e.id}>
                    <input
                      className="ds-input"
                      type="checkbox"
                      id={`f-o-${e.id}`}
                      name="opplysninger"
                      value={e.id}
                      defaultChecked={chosenTypes.has(e.id)}
                    />
                    <label className="ds-label" data-weight="regular" htmlFor={`f-o-${e.id}`}>
                      {e.name}
                    </label>
                  </div>
                ))}
              </div>
            </details>
          ))}
        </fieldset>
        {textarea("andreOpplysninger", t("processing.field.otherData"), t("processing.help.otherData"), 3)}
        {props.findings.length > 0 ? (
          <div className="ds-alert" data-color="warning" id="saerlige">
            <h2 className="ds-heading" data-size="xs">
              {t("processing.findingsTitle")}
            </h2>
            <ul className="ds-list">
              {props.findings.map((f) => (
                <li key={f.label}>
                  <strong>{f.label}</strong> –{" "}
                  {f.kategori === "saerlig"
                    ? `${t("classifier.kategori.saerlig")}: ${f.kinds.map((k) => t(`classifier.kind.${k}` as MessageKey)).join(", ")}`
                    : f.kategori === "usikker"
                      ? t("processing.findingUncertain")
                      : t("classifier.kategori.ekstra_varsomhet")}
                  . {f.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </fieldset>

      <fieldset className="ds-fieldset stack">
        <legend className="ds-heading" data-size="sm">
          {t("processing.section.basis")}
        </legend>
        <fieldset
          className="ds-fieldset"
          id="f-rettsgrunnlag"
          tabIndex={-1}
          aria-describedby={described("rettsgrunnlag")}
        >
          <legend className="ds-label">{t("processing.field.legalBasis")}</legend>
          <ErrorText name="rettsgrunnlag" text={error("rettsgrunnlag")} />
          {ART6.map((l) => (
            <div className="ds-field" key={l}>
              <input
                className="ds-input"
                type="radio"
                id={`f-rettsgrunnlag-${l}`}
                name="rettsgrunnlag"
                value={l}
                defaultChecked={value("rettsgrunnlag") === l}
              />
              <label className="ds-label" data-weight="regular" htmlFor={`f-rettsgrunnlag-${l}`}>
                {t(`processing.art6.${l}` as MessageKey)}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="ds-field">
          <label className="ds-label" htmlFor="f-art9">
            {t("processing.field.art9")}
          </label>
          <p className="ds-paragraph" data-size="sm" data-field="description" id="f-art9-desc">
            {t("processing.help.art9")}
          </p>
          <ErrorText name="art9" text={error("art9")} />
          <select
            className="ds-input"
            id="f-art9"
            name="art9"
            defaultValue={value("art9")}
            aria-invalid={error("art9") ? true : undefined}
            aria-describedby={described("art9", true)}
          >
            <option value="">{t("processing.art9.none")}</option>
            {ART9.map((l) => (
              <option key={l} value={l}>
                {t(`processing.art9.${l}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        {textarea(
          "nasjonaltGrunnlag",
          t("processing.field.nationalBasis"),
          t("processing.help.nationalBasis"),
          2,
        )}
      </fieldset>

      <fieldset className="ds-fieldset stack">
        <legend className="ds-heading" data-size="sm">
          {t("processing.section.sharing")}
        </legend>
        {textarea("mottakere", t("processing.field.recipients"), t("processing.help.recipients"))}
        <fieldset className="ds-fieldset" id="f-tredjeland" tabIndex={-1}>
          <legend className="ds-label">{t("processing.field.thirdCountry")}</legend>
          <ErrorText name="tredjeland" text={error("tredjeland")} />
          {(["nei", "ja"] as const).map((v) => (
            <div className="ds-field" key={v}>
              <input
                className="ds-input"
                type="radio"
                id={`f-tredjeland-${v}`}
                name="tredjeland"
                value={v}
                defaultChecked={value("tredjeland") === v}
              />
              <label className="ds-label" data-weight="regular" htmlFor={`f-tredjeland-${v}`}>
                {t(v === "ja" ? "processing.thirdCountryYes" : "processing.thirdCountryNo")}
              </label>
            </div>
          ))}
        </fieldset>
        {textarea(
          "tredjelandDetaljer",
          t("processing.field.thirdCountryDetails"),
          t("processing.help.thirdCountry"),
          2,
        )}
        {textarea("lagring", t("processing.field.retention"), t("processing.help.retention"))}
        {textarea("systemer", t("processing.field.systems"), undefined, 2)}
        {textarea("sikkerhet", t("processing.field.security"), t("processing.help.security"))}
      </fieldset>

      <fieldset className="ds-fieldset stack">
        <legend className="ds-heading" data-size="sm">
          {t("processing.section.status")}
        </legend>
        <div className="ds-field">
          <label className="ds-label" htmlFor="f-status">
            {t("processing.field.status")}
          </label>
          <ErrorText name="status" text={error("status")} />
          <select className="ds-input" id="f-status" name="status" defaultValue={value("status") || "utkast"}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`processing.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="f-gjennomgang">
            {t("processing.field.reviewDate")}
          </label>
          <ErrorText name="gjennomgang" text={error("gjennomgang")} />
          <input
            className="ds-input"
            type="date"
            id="f-gjennomgang"
            name="gjennomgang"
            defaultValue={value("gjennomgang")}
            aria-invalid={error("gjennomgang") ? true : undefined}
            aria-describedby={described("gjennomgang")}
          />
        </div>
      </fieldset>

      <div className="button-row">
        <button type="submit" className="ds-button" name="intent" value="save">
          {props.submitLabel}
        </button>
        {props.autosave ? (
          <p className="ds-paragraph" data-size="sm" role="status" aria-live="polite">
            {fetcher.state !== "idle"
              ? t("processing.autosaving")
              : savedAt
                ? t("processing.autosaved", { time: savedAt.slice(11, 16) })
                : ""}
          </p>
        ) : null}
      </div>
    </Form>
  );
}
