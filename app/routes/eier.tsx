import { data, Form, Link } from "react-router";
import {
  ActionNotice,
  ErrorSummary,
  Field,
  type FormState,
  Notice,
  SelectField,
} from "../components/form.tsx";
import { InvitationList } from "../components/invitation-list.tsx";
import { InviteForm } from "../components/invite-form.tsx";
import { MemberTable } from "../components/member-table.tsx";
import { listOpenInvitations } from "../features/orgs/invitations.server.ts";
import { departureOfOwner } from "../features/orgs/leave-network.server.ts";
import { handleMembershipIntent } from "../features/orgs/membership-actions.server.ts";
import { listMembers } from "../features/orgs/memberships.server.ts";
import { answerNetworkInvitation, networksOfOwnerPage } from "../features/orgs/network-invitations.server.ts";
import { createUnit, listUnits } from "../features/orgs/owners.server.ts";
import { unitTypes, ZUnitForm } from "../features/orgs/schemas.ts";
import { can, invitableRoles } from "../features/policy/policy.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { parseForm } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { authorize, getT, notFound, readForm } from "../lib/route.server.ts";
import { loadOwnerScope } from "../lib/scopes.server.ts";
import { dayInNorway, formatDate } from "../lib/time.ts";
import type { Route } from "./+types/eier";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "owner.title");

async function loadScope(args: Route.LoaderArgs | Route.ActionArgs) {
  const scope = await loadOwnerScope(args.context, args.request, args.params.ownerId);
  const units = await listUnits(scope.services.db, scope.owner.id);
  return { ...scope, units, orgIds: [scope.owner.id, ...units.map((u) => u.id)] };
}

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, owner, units, orgIds } = await loadScope(args);
  // After leaving a network: its name, from this owner's own note that it left (never another's).
  const leftId = new URL(args.request.url).searchParams.get("forlatt");
  const left = leftId ? await departureOfOwner(services.db, owner.id, leftId) : undefined;
  const canManage = can(actor, "owner:manage", { type: "owner", ownerId: owner.id });
  const canDelete = can(actor, "owner:delete", { type: "owner", ownerId: owner.id });
  const targets = [
    { id: owner.id, name: owner.name, kind: "eier" as const, ownerId: owner.id },
    ...units.map((u) => ({ id: u.id, name: u.name, kind: "enhet" as const, ownerId: owner.id })),
  ];
  return {
    owner,
    units,
    canManage,
    canDelete,
    showLearning: can(actor, "learning:report", { type: "owner", ownerId: owner.id }),
    networks: await networksOfOwnerPage(services.db, owner.id),
    canJoin: can(actor, "network:join", { type: "owner", ownerId: owner.id }),
    leftNetwork: left?.name ?? null,
    members: await listMembers(services.db, [owner.id]),
    invitations: canManage ? await listOpenInvitations(services.db, orgIds) : [],
    inviteOptions: targets
      .map((t) => ({ organisationId: t.id, organisationName: t.name, roles: invitableRoles(actor, t) }))
      .filter((o) => o.roles.length > 0),
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, owner, units } = await loadScope(args);
  const form = await readForm(args.request);
  const intent = form.get("intent");
  if (intent === "join-network" || intent === "decline-network") {
    authorize(actor, "network:join", { type: "owner", ownerId: owner.id });
    const accept = intent === "join-network";
    const answered = await answerNetworkInvitation(services.db, {
      networkId: String(form.get("networkId") ?? ""),
      ownerId: owner.id,
      accept,
      userId: actor.userId,
    });
    if (!answered) notFound();
    return { intent, done: (accept ? "owner.networks.joined" : "owner.networks.declined") as MessageKey };
  }
  authorize(actor, "owner:manage", { type: "owner", ownerId: owner.id });
  const { locale } = await getT(args.context, args.request);
  if (intent === "create-unit") {
    const parsed = parseForm(ZUnitForm, form);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    await createUnit(services.db, { ownerId: owner.id, ...parsed.data, actorUserId: actor.userId });
    return { intent, done: "owner.unitCreated" as const };
  }
  const targets = [
    { id: owner.id, name: owner.name, kind: "eier" as const, ownerId: owner.id },
    ...units.map((u) => ({ id: u.id, name: u.name, kind: "enhet" as const, ownerId: owner.id })),
  ];
  const shared = await handleMembershipIntent(services, {
    actor,
    locale,
    form,
    scope: { targets, memberOrganisationIds: [owner.id], tenantId: owner.id },
  });
  if (shared) return shared;
  throw data(null, { status: 400 });
}

type ActionResult = { intent?: string; done?: MessageKey; email?: string } & FormState;

export default function Eier({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const {
    owner,
    units,
    members,
    invitations,
    canManage,
    canDelete,
    inviteOptions,
    showLearning,
    networks,
    canJoin,
    leftNetwork,
  } = loaderData;
  const locale = useLocale();
  const result = actionData as ActionResult | undefined;
  const stateFor = (intent: string) => (result?.intent === intent && result.errors ? result : undefined);
  return (
    <div className="stack-lg">
      <div>
        <p className="ds-paragraph eyebrow">
          {t(`ownerType.${owner.owner_type ?? "kommune"}` as MessageKey)}
        </p>
        <h1 className="ds-heading" data-size="lg">
          {owner.name}
        </h1>
        <p className="ds-paragraph" data-size="sm">
          {t("owner.orgNumber")}: {owner.org_number?.replace(/(\d{3})(\d{3})(\d{3})/, "$1 $2 $3")}
        </p>
      </div>
      {showLearning ? (
        <p>
          <Link className="ds-link" to={`/eiere/${owner.id}/kompetanse`}>
            {t("completion.link")}
          </Link>
        </p>
      ) : null}
      <ActionNotice result={result} />

      <section aria-labelledby="units-heading" className="stack">
        <h2 id="units-heading" className="ds-heading" data-size="md">
          {t("owner.units")}
        </h2>
        {units.length === 0 ? (
          <p className="ds-paragraph">{t("owner.noUnits")}</p>
        ) : (
          <table className="ds-table" data-border>
            <caption className="ds-sr-only">{t("owner.units")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("field.name")}</th>
                <th scope="col">{t("field.unitType")}</th>
                <th scope="col">{t("owner.people")}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link className="ds-link" to={`/enheter/${u.id}`}>
                      {u.name}
                    </Link>
                  </td>
                  <td>{t(`unitType.${u.unit_type ?? "annen"}` as MessageKey)}</td>
                  <td>{Number(u.member_count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canManage ? (
          <details className="ds-details" open={Boolean(stateFor("create-unit"))}>
            <summary>{t("owner.addUnit")}</summary>
            <div>
              <Form method="post" className="stack" noValidate>
                <input type="hidden" name="intent" value="create-unit" />
                <ErrorSummary state={stateFor("create-unit")} idPrefix="unit" />
                <Field
                  idPrefix="unit"
                  name="name"
                  label={t("field.unitName")}
                  state={stateFor("create-unit")}
                  required
                />
                <SelectField
                  idPrefix="unit"
                  name="unitType"
                  label={t("field.unitType")}
                  state={stateFor("create-unit")}
                  options={unitTypes.map((v) => ({ value: v, label: t(`unitType.${v}`) }))}
                />
                <div>
                  <button type="submit" className="ds-button">
                    {t("owner.addUnitSubmit")}
                  </button>
                </div>
              </Form>
            </div>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="people-heading" className="stack">
        <h2 id="people-heading" className="ds-heading" data-size="md">
          {t("owner.ownerPeople")}
        </h2>
        <MemberTable members={members} canRemove={canManage} />
      </section>

      {canManage ? (
        <section aria-labelledby="invite-heading" className="stack">
          <h2 id="invite-heading" className="ds-heading" data-size="md">
            {t("invite.heading")}
          </h2>
          <p className="ds-paragraph">{t("invite.intro")}</p>
          <InviteForm options={inviteOptions} state={stateFor("invite")} />
          <InvitationList invitations={invitations} />
        </section>
      ) : null}

      <section aria-labelledby="nettverk" className="stack prose">
        <h2 id="nettverk" className="ds-heading" data-size="md">
          {t("owner.networks.heading")}
        </h2>
        {leftNetwork ? (
          <Notice>{t("owner.networks.leave.done", { owner: owner.name, network: leftNetwork })}</Notice>
        ) : null}
        {networks.members.length === 0 ? (
          <p className="ds-paragraph">{t("owner.networks.none")}</p>
        ) : (
          <>
            <ul className="ds-list">
              {networks.members.map((n) => (
                <li key={n.id} className="row-with-action">
                  <span>{n.name}</span>
                  {canJoin ? (
                    <Link className="ds-link" to={`/eiere/${owner.id}/nettverk/${n.id}/forlat`}>
                      {t("owner.networks.leave.link")}
                      <span className="ds-sr-only"> {n.name}</span>
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
            {canJoin ? null : <p className="ds-paragraph">{t("owner.networks.leave.koordinatorOnly")}</p>}
          </>
        )}
        {networks.invitations.length > 0 ? (
          <>
            <p className="ds-paragraph">{t("owner.networks.explain")}</p>
            <ul className="stack" aria-label={t("owner.networks.invitations")}>
              {networks.invitations.map((n) => (
                <li key={n.id} className="ds-card stack-sm" data-variant="tinted">
                  <p className="ds-paragraph">
                    {t("owner.networks.invited", {
                      network: n.name,
                      name: n.invited_by ?? "",
                      date: formatDate(dayInNorway(n.invited_at), locale),
                    })}
                  </p>
                  {canJoin ? (
                    <Form method="post" action="#nettverk" className="button-row">
                      <input type="hidden" name="networkId" value={n.id} />
                      <button type="submit" name="intent" value="join-network" className="ds-button">
                        {t("owner.networks.join")}
                        <span className="ds-sr-only"> {n.name}</span>
                      </button>
                      <button
                        type="submit"
                        name="intent"
                        value="decline-network"
                        className="ds-button"
                        data-variant="secondary"
                      >
                        {t("owner.networks.decline")}
                        <span className="ds-sr-only"> {n.name}</span>
                      </button>
                    </Form>
                  ) : (
                    <p className="ds-paragraph">{t("owner.networks.koordinatorAnswers")}</p>
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {canDelete ? (
        <section aria-labelledby="data-heading" className="stack">
          <h2 id="data-heading" className="ds-heading" data-size="md">
            {t("owner.data.heading")}
          </h2>
          <p className="ds-paragraph">{t("owner.data.lead")}</p>
          <p className="button-row">
            <a className="ds-button" data-variant="secondary" href={`/eiere/${owner.id}/eksport`} download>
              {t("owner.export.link")}
            </a>
            <a
              className="ds-button"
              data-variant="secondary"
              href={`/eiere/${owner.id}/eksport/filer`}
              download
            >
              {t("owner.export.files")}
            </a>
            <Link
              className="ds-button"
              data-variant="secondary"
              data-color="danger"
              to={`/eiere/${owner.id}/slett`}
            >
              {t("owner.delete.link")}
            </Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}
