import { data, Form, Link } from "react-router";
import {
  ActionNotice,
  ErrorSummary,
  Field,
  type FormState,
  RowAction,
  SelectField,
} from "../components/form.tsx";
import { InvitationList } from "../components/invitation-list.tsx";
import { InviteForm } from "../components/invite-form.tsx";
import { MemberTable } from "../components/member-table.tsx";
import { listOpenInvitations } from "../features/orgs/invitations.server.ts";
import { listNetworkDepartures } from "../features/orgs/leave-network.server.ts";
import { handleMembershipIntent } from "../features/orgs/membership-actions.server.ts";
import { listMembers } from "../features/orgs/memberships.server.ts";
import {
  inviteOwnerToNetwork,
  listNetworkInvitations,
  withdrawNetworkInvitation,
} from "../features/orgs/network-invitations.server.ts";
import {
  addNetworkOwner,
  getNetwork,
  listNetworkOwners,
  removeNetworkOwner,
} from "../features/orgs/networks.server.ts";
import { isValidOrgNumber } from "../features/orgs/org-number.ts";
import { getOwner, listOwners } from "../features/orgs/owners.server.ts";
import { can, invitableRoles } from "../features/policy/policy.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { authorize, getServices, getT, notFound, readForm, requireActor } from "../lib/route.server.ts";
import { dayInNorway, formatDate } from "../lib/time.ts";
import type { Route } from "./+types/nettverk";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "network.title");

async function loadNetworkScope(args: Route.LoaderArgs | Route.ActionArgs) {
  const actor = await requireActor(args.context, args.request);
  const networkId = args.params.networkId;
  authorize(actor, "network:read", { type: "network", networkId });
  const services = getServices(args.context);
  const network = await getNetwork(services.db, networkId);
  if (!network) notFound();
  const target = { id: network.id, name: network.name, kind: "nettverk" as const, ownerId: null };
  return { actor, services, network, target };
}

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, network, target } = await loadNetworkScope(args);
  const canManage = can(actor, "network:manage", { type: "network", networkId: network.id });
  const canManageOwners = can(actor, "platform:manage", { type: "platform" });
  const [owners, departures] = await Promise.all([
    listNetworkOwners(services.db, network.id),
    listNetworkDepartures(services.db, network.id),
  ]);
  const memberIds = new Set(owners.map((o) => o.id));
  return {
    network,
    owners,
    departures,
    canManage,
    // The network's own staff reach the shared risk assessments from here (the platform admin, who
    // reads every network, has no list of them: /ros/delte goes by the user's own roles).
    seesShared: actor.memberships.some(
      (m) =>
        m.networkId === network.id &&
        can(actor, "shared:read", {
          type: "sharedAssessments",
          networkId: network.id,
          ownerId: null,
          ownerInNetwork: false,
        }),
    ),
    canManageOwners,
    candidateOwners: canManageOwners
      ? (await listOwners(services.db))
          .filter((o) => !memberIds.has(o.id))
          .map((o) => ({ id: o.id, name: o.name }))
      : [],
    ownerInvitations: canManage ? await listNetworkInvitations(services.db, network.id) : [],
    members: await listMembers(services.db, [network.id]),
    invitations: canManage ? await listOpenInvitations(services.db, [network.id]) : [],
    inviteOptions: [
      { organisationId: network.id, organisationName: network.name, roles: invitableRoles(actor, target) },
    ].filter((o) => o.roles.length > 0),
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, network, target } = await loadNetworkScope(args);
  const { locale } = await getT(args.context, args.request);
  const form = await readForm(args.request);
  const intent = form.get("intent");
  if (intent === "add-owner" || intent === "remove-owner") {
    authorize(actor, "platform:manage", { type: "platform" });
    const ownerId = String(form.get("ownerId") ?? "");
    if (!(await getOwner(services.db, ownerId))) {
      return data({ intent, errors: { ownerId: "error.organisation" } }, { status: 400 });
    }
    const change = intent === "add-owner" ? addNetworkOwner : removeNetworkOwner;
    await change(services.db, { networkId: network.id, ownerId, actorUserId: actor.userId });
    return {
      intent,
      done: (intent === "add-owner" ? "network.ownerAdded" : "network.ownerRemoved") as MessageKey,
    };
  }
  authorize(actor, "network:manage", { type: "network", networkId: network.id });
  if (intent === "invite-owner") {
    const orgNumber = String(form.get("orgnr") ?? "").trim();
    const refuse = (error: MessageKey) =>
      data({ intent, errors: { orgnr: error }, values: { orgnr: orgNumber } }, { status: 400 });
    if (!isValidOrgNumber(orgNumber)) return refuse("network.inviteOwner.format");
    const sent = await inviteOwnerToNetwork(services.db, services.mailer, {
      network,
      orgNumber,
      userId: actor.userId,
      inviter: actor.name,
      publicUrl: services.config.publicUrl,
    });
    if (!sent.ok) return refuse(`network.inviteOwner.${sent.error}` as MessageKey);
    return { intent, done: "network.inviteOwner.sent" as MessageKey };
  }
  if (intent === "withdraw-owner") {
    const withdrawn = await withdrawNetworkInvitation(services.db, {
      networkId: network.id,
      ownerId: String(form.get("ownerId") ?? ""),
      userId: actor.userId,
    });
    if (!withdrawn) notFound();
    return { intent, done: "network.inviteOwner.withdrawn" as MessageKey };
  }
  const shared = await handleMembershipIntent(services, {
    actor,
    locale,
    form,
    scope: { targets: [target], memberOrganisationIds: [network.id], tenantId: network.id },
  });
  if (shared) return shared;
  throw data(null, { status: 400 });
}

type ActionResult = { intent?: string; done?: MessageKey; email?: string } & FormState;

export default function Nettverk({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const {
    ownerInvitations,
    network,
    owners,
    departures,
    canManage,
    canManageOwners,
    candidateOwners,
    members,
    invitations,
    inviteOptions,
  } = loaderData;
  const result = actionData as ActionResult | undefined;
  return (
    <div className="stack-lg">
      <div>
        <p className="ds-paragraph eyebrow">{t("network.kind")}</p>
        <h1 className="ds-heading" data-size="lg">
          {network.name}
        </h1>
        {loaderData.seesShared ? (
          <p className="ds-paragraph">
            <Link className="ds-link" to="/ros/delte">
              {t("shared.list.link")}
            </Link>
          </p>
        ) : null}
      </div>
      <ActionNotice result={result} />
      <section aria-labelledby="owners-heading" className="stack">
        <h2 id="owners-heading" className="ds-heading" data-size="md">
          {t("network.owners")}
        </h2>
        <p className="ds-paragraph">{t("network.ownerCount", { count: owners.length })}</p>
        <ul className="ds-list">
          {owners.map((o) => (
            <li key={o.id} className="row-with-action">
              <span>{o.name}</span>
              {canManageOwners ? (
                <RowAction
                  intent="remove-owner"
                  fields={{ ownerId: o.id }}
                  label={t("network.removeOwner")}
                  about={o.name}
                />
              ) : null}
            </li>
          ))}
        </ul>
        {departures.length > 0 ? (
          <>
            <h3 id="departures-heading" className="ds-heading" data-size="xs">
              {t("network.departures")}
            </h3>
            <ul className="ds-list" aria-labelledby="departures-heading">
              {departures.map((d) => (
                <li key={d.id}>
                  {t("network.departure", {
                    owner: d.name,
                    date: formatDate(dayInNorway(d.left_at), locale),
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {canManageOwners && candidateOwners.length > 0 ? (
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="add-owner" />
            <SelectField
              idPrefix="net"
              name="ownerId"
              label={t("network.addOwner")}
              options={candidateOwners.map((o) => ({ value: o.id, label: o.name }))}
              state={result?.intent === "add-owner" ? result : undefined}
            />
            <div>
              <button type="submit" className="ds-button" data-variant="secondary">
                {t("network.addOwnerSubmit")}
              </button>
            </div>
          </Form>
        ) : null}
        {canManage ? (
          <div className="stack">
            <h3 id="invite-owner-heading" className="ds-heading" data-size="sm">
              {t("network.inviteOwner.heading")}
            </h3>
            <p className="ds-paragraph">{t("network.inviteOwner.lead")}</p>
            <Form method="post" className="stack" noValidate aria-labelledby="invite-owner-heading">
              <ErrorSummary state={result?.intent === "invite-owner" ? result : null} idPrefix="inv" />
              <input type="hidden" name="intent" value="invite-owner" />
              <Field
                idPrefix="inv"
                name="orgnr"
                label={t("network.inviteOwner.field")}
                description={t("network.inviteOwner.help")}
                inputMode="numeric"
                autoComplete="off"
                state={result?.intent === "invite-owner" ? result : undefined}
                required
              />
              <div>
                <button type="submit" className="ds-button" data-variant="secondary">
                  {t("network.inviteOwner.submit")}
                </button>
              </div>
            </Form>
            {ownerInvitations.length > 0 ? (
              <>
                <h4 id="invited-heading" className="ds-heading" data-size="xs">
                  {t("network.inviteOwner.pending", { count: ownerInvitations.length })}
                </h4>
                <ul className="ds-list" aria-labelledby="invited-heading">
                  {ownerInvitations.map((o) => (
                    <li key={o.id} className="row-with-action">
                      <span>
                        {t("network.inviteOwner.item", {
                          owner: o.name,
                          date: formatDate(dayInNorway(o.invited_at), locale),
                        })}
                      </span>
                      <RowAction
                        intent="withdraw-owner"
                        fields={{ ownerId: o.id }}
                        label={t("network.inviteOwner.withdraw")}
                        about={o.name}
                      />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
      </section>
      <section aria-labelledby="people-heading" className="stack">
        <h2 id="people-heading" className="ds-heading" data-size="md">
          {t("network.people")}
        </h2>
        <MemberTable members={members} canRemove={canManage} />
      </section>
      {canManage ? (
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
    </div>
  );
}
