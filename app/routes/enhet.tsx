import { data, Form, Link, redirect } from "react-router";
import { ActionNotice, ErrorSummary, Field, type FormState, SelectField } from "../components/form.tsx";
import { InvitationList } from "../components/invitation-list.tsx";
import { InviteForm } from "../components/invite-form.tsx";
import { MemberTable } from "../components/member-table.tsx";
import { listOpenInvitations } from "../features/orgs/invitations.server.ts";
import { handleMembershipIntent } from "../features/orgs/membership-actions.server.ts";
import { listMembers } from "../features/orgs/memberships.server.ts";
import { archiveUnit, getOwner, updateUnit } from "../features/orgs/owners.server.ts";
import { unitTypes, ZUnitForm } from "../features/orgs/schemas.ts";
import { can, invitableRoles } from "../features/policy/policy.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { parseForm } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { authorize, getT, readForm } from "../lib/route.server.ts";
import { loadUnitScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/enhet";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "unit.title");

const loadScope = (args: Route.LoaderArgs | Route.ActionArgs) =>
  loadUnitScope(args.context, args.request, args.params.unitId);

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, unit, ownerId, target } = await loadScope(args);
  const canManage = can(actor, "unit:manage", { type: "unit", ownerId, unitId: unit.id });
  const owner = await getOwner(services.db, ownerId);
  return {
    unit,
    owner: owner ? { id: owner.id, name: owner.name } : null,
    showOwnerLink: can(actor, "owner:read", { type: "owner", ownerId }),
    canEditUnit: can(actor, "owner:manage", { type: "owner", ownerId }),
    showLearning: can(actor, "learning:report", { type: "unit", ownerId, unitId: unit.id }),
    canManage,
    members: await listMembers(services.db, [unit.id]),
    invitations: canManage ? await listOpenInvitations(services.db, [unit.id]) : [],
    inviteOptions: [
      { organisationId: unit.id, organisationName: unit.name, roles: invitableRoles(actor, target) },
    ].filter((o) => o.roles.length > 0),
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, unit, ownerId, target } = await loadScope(args);
  authorize(actor, "unit:manage", { type: "unit", ownerId, unitId: unit.id });
  const { locale } = await getT(args.context, args.request);
  const form = await readForm(args.request);
  const intent = form.get("intent");
  if (intent === "update-unit" || intent === "archive-unit") {
    // Renaming and closing a unit is the owner's decision, not the unit leader's.
    authorize(actor, "owner:manage", { type: "owner", ownerId });
    if (intent === "archive-unit") {
      await archiveUnit(services.db, { ownerId, unitId: unit.id, actorUserId: actor.userId });
      return redirect(`/eiere/${ownerId}`, { status: 303 });
    }
    const parsed = parseForm(ZUnitForm, form);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    await updateUnit(services.db, { ownerId, unitId: unit.id, ...parsed.data, actorUserId: actor.userId });
    return { intent, done: "unit.updated" as const };
  }
  // A leader may invite and remove staff; who leads the unit is the owner's decision.
  const shared = await handleMembershipIntent(services, {
    actor,
    locale,
    form,
    scope: {
      targets: [target],
      memberOrganisationIds: [unit.id],
      removableRoles: invitableRoles(actor, target),
      tenantId: ownerId,
    },
  });
  if (shared) return shared;
  throw data(null, { status: 400 });
}

type ActionResult = { intent?: string; done?: MessageKey; email?: string } & FormState;

export default function Enhet({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const {
    unit,
    owner,
    members,
    invitations,
    canManage,
    inviteOptions,
    showOwnerLink,
    canEditUnit,
    showLearning,
  } = loaderData;
  const result = actionData as ActionResult | undefined;
  return (
    <div className="stack-lg">
      <div>
        <p className="ds-paragraph eyebrow">{t(`unitType.${unit.unit_type ?? "annen"}` as MessageKey)}</p>
        <h1 className="ds-heading" data-size="lg">
          {unit.name}
        </h1>
        {owner ? (
          <p className="ds-paragraph" data-size="sm">
            {t("unit.belongsTo")}{" "}
            {showOwnerLink ? (
              <Link className="ds-link" to={`/eiere/${owner.id}`}>
                {owner.name}
              </Link>
            ) : (
              owner.name
            )}
          </p>
        ) : null}
      </div>
      {showLearning ? (
        <p>
          <Link className="ds-link" to={`/enheter/${unit.id}/kompetanse`}>
            {t("completion.link")}
          </Link>
        </p>
      ) : null}
      <ActionNotice result={result} />
      <section aria-labelledby="staff-heading" className="stack">
        <h2 id="staff-heading" className="ds-heading" data-size="md">
          {t("unit.staff")}
        </h2>
        <MemberTable members={members} canRemove={canManage} />
      </section>
      {canManage && inviteOptions.length > 0 ? (
        <section aria-labelledby="invite-heading" className="stack">
          <h2 id="invite-heading" className="ds-heading" data-size="md">
            {t("invite.heading")}
          </h2>
          <InviteForm
            options={inviteOptions}
            state={result?.intent === "invite" && result.errors ? result : undefined}
          />
          <InvitationList invitations={invitations} />
        </section>
      ) : null}
      {canEditUnit ? (
        <EditUnit
          unit={unit}
          state={result?.intent === "update-unit" && result.errors ? result : undefined}
        />
      ) : null}
    </div>
  );
}

function EditUnit({ unit, state }: { unit: { name: string; unit_type: string | null }; state?: FormState }) {
  const t = useT();
  return (
    <section aria-labelledby="edit-heading" className="stack narrow">
      <h2 id="edit-heading" className="ds-heading" data-size="md">
        {t("unit.edit")}
      </h2>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="update-unit" />
        <ErrorSummary state={state} idPrefix="unit" />
        <Field
          idPrefix="unit"
          name="name"
          label={t("field.unitName")}
          state={state}
          defaultValue={unit.name}
          required
        />
        <SelectField
          idPrefix="unit"
          name="unitType"
          label={t("field.unitType")}
          state={state}
          defaultValue={unit.unit_type ?? "annen"}
          options={unitTypes.map((v) => ({ value: v, label: t(`unitType.${v}`) }))}
        />
        <div>
          <button type="submit" className="ds-button" data-variant="secondary">
            {t("unit.save")}
          </button>
        </div>
      </Form>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="archive-unit" />
        <p className="ds-paragraph">{t("unit.archiveHelp")}</p>
        <div>
          <button type="submit" className="ds-button" data-variant="tertiary" data-color="danger">
            {t("unit.archive")}
          </button>
        </div>
      </Form>
    </section>
  );
}
