import { data, Form, Link } from "react-router";
import {
  ActionNotice,
  ErrorSummary,
  Field,
  type FormState,
  RowAction,
  SelectField,
} from "../components/form.tsx";
import { ScrollTable } from "../components/scroll-table.tsx";
import {
  createAssignment,
  deleteAssignment,
  listAssignments,
  ZAssignmentForm,
} from "../features/learning/assignments.server.ts";
import { ownerCompletionSummary } from "../features/learning/completion-report.server.ts";
import { ASSIGNABLE_MODULES } from "../features/learning/content-schema.ts";
import { listUnits } from "../features/orgs/owners.server.ts";
import { can } from "../features/policy/policy.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { parseForm } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { authorize, notFound, readForm } from "../lib/route.server.ts";
import { loadOwnerScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/eier-kompetanse";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "completion.ownerTitle");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, services, owner } = await loadOwnerScope(
    context,
    request,
    params.ownerId,
    "learning:report",
  );
  return {
    owner: { id: owner.id, name: owner.name },
    units: await ownerCompletionSummary(services.db, owner.id),
    assignments: await listAssignments(services.db, owner.id),
    canManage: can(actor, "owner:manage", { type: "owner", ownerId: owner.id }),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, services, owner } = await loadOwnerScope(
    context,
    request,
    params.ownerId,
    "learning:report",
  );
  authorize(actor, "owner:manage", { type: "owner", ownerId: owner.id });
  const form = await readForm(request);
  if (form.get("intent") === "delete-assignment") {
    const deleted = await deleteAssignment(services.db, {
      ownerId: owner.id,
      id: String(form.get("id")),
      actorUserId: actor.userId,
    });
    if (!deleted) notFound();
    return { done: "assignment.deleted" as MessageKey };
  }
  const parsed = parseForm(ZAssignmentForm, form);
  if (!parsed.ok) return data<FormState>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const units = await listUnits(services.db, owner.id);
  if (parsed.data.unitId && !units.some((u) => u.id === parsed.data.unitId)) {
    return data<FormState>(
      { errors: { unitId: "error.organisation" }, values: parsed.values },
      { status: 400 },
    );
  }
  const [pkg = "skole", mod = "1"] = parsed.data.module.split("/");
  await createAssignment(services.db, {
    ownerId: owner.id,
    pkg,
    mod: Number(mod),
    role: parsed.data.role,
    unitId: parsed.data.unitId || null,
    dueDate: parsed.data.dueDate,
    actorUserId: actor.userId,
  });
  return { done: "assignment.created" as MessageKey };
}

export default function EierKompetanse({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { owner, units, assignments, canManage } = loaderData;
  const result = actionData as (FormState & { done?: string }) | undefined;
  const percent = (done: number, staff: number) =>
    staff === 0 ? "–" : `${Math.round((100 * done) / staff)} %`;
  return (
    <div className="stack-lg">
      <div className="stack">
        <p className="ds-paragraph eyebrow">
          <Link className="ds-link" to={`/eiere/${owner.id}`}>
            {owner.name}
          </Link>
        </p>
        <h1 className="ds-heading" data-size="lg">
          {t("completion.ownerTitle")}
        </h1>
        <p className="ds-paragraph">{t("completion.ownerLead")}</p>
      </div>
      <ActionNotice result={result} />
      <ScrollTable label={t("completion.ownerTitle")}>
        <thead>
          <tr>
            <th scope="col">{t("owner.units")}</th>
            <th scope="col">{t("completion.staff")}</th>
            {[1, 2, 3].map((mod) => (
              <th scope="col" key={mod}>
                {t("learning.moduleNumber", { number: mod })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id}>
              <th scope="row">
                <Link className="ds-link" to={`/enheter/${u.id}/kompetanse`}>
                  {u.name}
                </Link>{" "}
                <span className="step-kind">({t(`learning.package.${u.pkg}` as MessageKey)})</span>
              </th>
              <td>{u.staff}</td>
              {u.modules.map((m) => (
                <td key={m.mod}>
                  {t("completion.doneOf", { done: m.done, staff: u.staff })} ({percent(m.done, u.staff)})
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <section aria-labelledby="assign-heading" className="stack">
        <h2 id="assign-heading" className="ds-heading" data-size="md">
          {t("assignment.heading")}
        </h2>
        <p className="ds-paragraph">{t("assignment.lead")}</p>
        {assignments.length === 0 ? (
          <p className="ds-paragraph">{t("assignment.none")}</p>
        ) : (
          <table className="ds-table" data-border>
            <caption className="ds-sr-only">{t("assignment.heading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("assignment.module")}</th>
                <th scope="col">{t("assignment.who")}</th>
                <th scope="col">{t("assignment.due")}</th>
                {canManage ? (
                  <th scope="col">
                    <span className="ds-sr-only">{t("common.actions")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr key={a.id}>
                  <td>
                    {t(`learning.package.${a.package}` as MessageKey)},{" "}
                    {t("learning.moduleNumber", { number: a.module })}
                  </td>
                  <td>
                    {t(`assignment.role.${a.role}` as MessageKey)} – {a.unit_name ?? t("assignment.allUnits")}
                  </td>
                  <td>{a.due_date}</td>
                  {canManage ? (
                    <td>
                      <RowAction
                        intent="delete-assignment"
                        fields={{ id: a.id }}
                        label={t("assignment.delete")}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canManage ? (
          <Form method="post" className="stack narrow" noValidate>
            <input type="hidden" name="intent" value="assign" />
            <ErrorSummary state={result?.errors ? result : undefined} idPrefix="asg" />
            <SelectField
              idPrefix="asg"
              name="module"
              label={t("assignment.module")}
              state={result}
              options={ASSIGNABLE_MODULES.map((key) => {
                const [pkg, mod] = key.split("/");
                return {
                  value: key,
                  label: `${t(`learning.package.${pkg}` as MessageKey)}, ${t("learning.moduleNumber", { number: Number(mod) })}`,
                };
              })}
            />
            <SelectField
              idPrefix="asg"
              name="role"
              label={t("assignment.who")}
              state={result}
              options={(["alle", "ansatt", "leder"] as const).map((r) => ({
                value: r,
                label: t(`assignment.role.${r}`),
              }))}
            />
            <SelectField
              idPrefix="asg"
              name="unitId"
              label={t("assignment.unit")}
              state={result}
              options={[
                { value: "", label: t("assignment.allUnits") },
                ...units.map((u) => ({ value: u.id, label: u.name })),
              ]}
            />
            <Field
              idPrefix="asg"
              name="dueDate"
              type="date"
              label={t("assignment.due")}
              state={result}
              required
            />
            <div>
              <button type="submit" className="ds-button">
                {t("assignment.submit")}
              </button>
            </div>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
