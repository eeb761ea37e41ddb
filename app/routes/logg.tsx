import { Form } from "react-router";
import { ErrorSummary, Field, SelectField } from "../components/form.tsx";
import { RegisterNav } from "../components/register-nav.tsx";
import { ScrollTable } from "../components/scroll-table.tsx";
import { listLog, logRows, peopleInLog } from "../features/audit/audit-log.server.ts";
import { LOG_REGISTER_NAMES } from "../features/audit/log-registers.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { pageOf } from "../lib/route.server.ts";
import { loadAuditScope } from "../lib/scopes.server.ts";
import { formatShortMoment } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/logg";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "auditlog.title");

const PAGE = 50;

/**
 * Who read, exported and changed what in the registers of the owner the user works in now
 * (decision 025): its koordinator and personvernombud only (audit:read), else 404. Newest first,
 * filtered by register, person and period with a plain GET form, 50 a page.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, ownerId, owner, values, filter, errors, query } = await loadAuditScope(context, request);
  const page = pageOf(request);
  const [people, found] = await Promise.all([
    peopleInLog(db, ownerId),
    listLog(db, ownerId, filter, { limit: PAGE + 1, offset: (page - 1) * PAGE }),
  ]);
  const rows = await logRows(db, ownerId, found.slice(0, PAGE));
  return {
    owner: owner.name,
    people,
    values,
    errors,
    page,
    older: found.length > PAGE,
    first: (page - 1) * PAGE + 1,
    last: (page - 1) * PAGE + rows.length,
    query,
    rows,
  };
}

/** The address of another page of the list, with the same filter. */
const pageLink = (query: string, page: number) => {
  const params = new URLSearchParams(query);
  if (page > 1) params.set("side", String(page));
  const text = params.toString();
  return text ? `/logg?${text}` : "/logg";
};

export default function Logg({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const state = { errors: d.errors, values: d.values };
  const labels: Record<string, string> = {
    register: t("auditlog.filter.register"),
    person: t("auditlog.filter.person"),
    fra: t("auditlog.filter.from"),
    til: t("auditlog.filter.to"),
  };
  return (
    <div className="stack-lg">
      <RegisterNav current="/logg" showLog />
      <div className="stack prose">
        <p className="ds-paragraph eyebrow">{d.owner}</p>
        <h1 className="ds-heading" data-size="lg">
          {t("auditlog.title")}
        </h1>
        <p className="ds-paragraph">{t("auditlog.lead", { owner: d.owner })}</p>
        <p className="ds-paragraph">{t("auditlog.kept")}</p>
      </div>
      <ErrorSummary state={state} labelFor={(field) => labels[field]} />
      <Form
        method="get"
        action="/logg"
        className="filter-form"
        role="search"
        aria-label={t("auditlog.filter")}
      >
        <SelectField
          name="register"
          label={labels.register ?? ""}
          state={state}
          options={[
            { value: "", label: t("auditlog.filter.allRegisters") },
            ...LOG_REGISTER_NAMES.map((r) => ({
              value: r,
              label: t(`auditlog.register.${r}` as MessageKey),
            })),
          ]}
        />
        <SelectField
          name="person"
          label={labels.person ?? ""}
          state={state}
          options={[
            { value: "", label: t("auditlog.filter.allPeople") },
            ...d.people.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <Field name="fra" type="date" label={labels.fra ?? ""} state={state} />
        <Field name="til" type="date" label={labels.til ?? ""} state={state} />
        <button type="submit" className="ds-button" data-variant="secondary">
          {t("auditlog.filter.show")}
        </button>
      </Form>
      {d.rows.length === 0 ? (
        <p className="ds-paragraph">{d.query ? t("auditlog.noneFiltered") : t("auditlog.empty")}</p>
      ) : (
        <ScrollTable label={t("auditlog.title")} size="sm" className="audit-log">
          <thead>
            <tr>
              <th scope="col">{t("auditlog.column.when")}</th>
              <th scope="col">{t("auditlog.column.who")}</th>
              <th scope="col">{t("auditlog.column.what")}</th>
              <th scope="col">{t("auditlog.column.register")}</th>
              <th scope="col">{t("auditlog.column.entry")}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">
                  <time dateTime={r.at}>{formatShortMoment(r.at, locale)}</time>
                </td>
                <th scope="row">{r.who ?? (r.byUser ? t("auditlog.deletedUser") : t("auditlog.system"))}</th>
                <td>
                  {t(`auditlog.kind.${r.kind}` as MessageKey)}
                  {r.variant ? ` (${r.variant})` : ""}
                </td>
                <td>{t(`auditlog.register.${r.register}` as MessageKey)}</td>
                <td className="wrap-anywhere">
                  {r.entry?.href ? (
                    <a className="ds-link" href={r.entry.href}>
                      {r.entry.title || t("auditlog.untitled")}
                    </a>
                  ) : r.gone ? (
                    t("auditlog.gone")
                  ) : r.whole ? (
                    t(r.whole === "log" ? "auditlog.theLog" : "auditlog.allData")
                  ) : r.kind === "export" ? (
                    t("auditlog.wholeRegister")
                  ) : (
                    ""
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {d.rows.length > 0 ? (
        <p>
          <a
            className="ds-button"
            data-variant="secondary"
            href={d.query ? `/logg/eksport?${d.query}` : "/logg/eksport"}
            download
          >
            {t("auditlog.export")}
          </a>
        </p>
      ) : null}
      {d.page > 1 || d.older ? (
        <nav aria-label={t("auditlog.pages")} className="button-row">
          <span className="ds-paragraph">{t("auditlog.showing", { first: d.first, last: d.last })}</span>
          {d.page > 1 ? (
            <a className="ds-link" href={pageLink(d.query, d.page - 1)}>
              {t("auditlog.newer")}
            </a>
          ) : null}
          {d.older ? (
            <a className="ds-link" href={pageLink(d.query, d.page + 1)}>
              {t("auditlog.older")}
            </a>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
