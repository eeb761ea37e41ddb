import { data, Form, Link } from "react-router";
import { ActionNotice, ErrorSummary, Field, type FormState, SelectField } from "../components/form.tsx";
import { InviteForm } from "../components/invite-form.tsx";
import { MemberTable } from "../components/member-table.tsx";
import { handleMembershipIntent } from "../features/orgs/membership-actions.server.ts";
import { listMembers } from "../features/orgs/memberships.server.ts";
import { createNetwork, listNetworks } from "../features/orgs/networks.server.ts";
import { createOwner, DuplicateOrgNumberError, listOwners } from "../features/orgs/owners.server.ts";
import { ownerTypes, ZNetworkForm, ZOwnerForm } from "../features/orgs/schemas.ts";
import { can } from "../features/policy/policy.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { parseForm } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { authorize, getServices, getT, readForm, requireActor } from "../lib/route.server.ts";
import type { Route } from "./+types/admin";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "admin.title");

const PLATFORM = { id: "plattform", name: "Oppvern", kind: "plattform" as const, ownerId: null };

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request);
  authorize(actor, "platform:manage", { type: "platform" });
  const { db, config } = getServices(context);
  return {
    owners: await listOwners(db),
    networks: await listNetworks(db),
    admins: await listMembers(db, ["plattform"]),
    showOutbox: config.devOutbox && can(actor, "outbox:read", { type: "platform" }),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = await requireActor(context, request);
  authorize(actor, "platform:manage", { type: "platform" });
  const services = getServices(context);
  const { locale } = await getT(context, request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "create-owner") {
    const parsed = parseForm(ZOwnerForm, form);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    try {
      await createOwner(services.db, { ...parsed.data, actorUserId: actor.userId });
    } catch (error) {
      if (!(error instanceof DuplicateOrgNumberError)) throw error;
      return data(
        { intent, errors: { orgNumber: "error.orgNumber.taken" }, values: parsed.values },
        { status: 409 },
      );
    }
    return { intent, done: "admin.ownerCreated" as const };
  }
  if (intent === "create-network") {
    const parsed = parseForm(ZNetworkForm, form);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    await createNetwork(services.db, { name: parsed.data.name, actorUserId: actor.userId });
    return { intent, done: "admin.networkCreated" as const };
  }
  const shared = await handleMembershipIntent(services, {
    actor,
    locale,
    form,
    scope: { targets: [PLATFORM], memberOrganisationIds: ["plattform"], tenantId: "plattform" },
  });
  if (shared) return shared;
  throw data(null, { status: 400 });
}

type ActionResult = { intent?: string; done?: MessageKey; email?: string } & FormState;

export default function Admin({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const result = actionData as ActionResult | undefined;
  const stateFor = (intent: string) =>
    result?.intent === intent && (result.errors || result.message) ? result : undefined;
  return (
    <div className="stack-lg">
      <h1 className="ds-heading" data-size="lg">
        {t("admin.title")}
      </h1>
      <ActionNotice result={result} />
      {loaderData.showOutbox ? (
        <p className="ds-paragraph">
          <Link className="ds-link" to="/admin/utboks">
            {t("outbox.title")}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="owners-heading" className="stack">
        <h2 id="owners-heading" className="ds-heading" data-size="md">
          {t("admin.owners")}
        </h2>
        <table className="ds-table" data-border>
          <caption className="ds-sr-only">{t("admin.owners")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("field.name")}</th>
              <th scope="col">{t("field.orgNumber")}</th>
              <th scope="col">{t("field.ownerType")}</th>
              <th scope="col">{t("owner.units")}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.owners.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link className="ds-link" to={`/eiere/${o.id}`}>
                    {o.name}
                  </Link>
                </td>
                <td>{o.org_number}</td>
                <td>{t(`ownerType.${o.owner_type ?? "kommune"}` as MessageKey)}</td>
                <td>{Number(o.unit_count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <details className="ds-details" open={Boolean(stateFor("create-owner"))}>
          <summary>{t("admin.addOwner")}</summary>
          <div>
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="create-owner" />
              <ErrorSummary state={stateFor("create-owner")} idPrefix="owner" />
              <Field
                idPrefix="owner"
                name="name"
                label={t("field.ownerName")}
                state={stateFor("create-owner")}
                required
              />
              <Field
                idPrefix="owner"
                name="orgNumber"
                label={t("field.orgNumber")}
                description={t("field.orgNumberHelp")}
                inputMode="numeric"
                state={stateFor("create-owner")}
                required
              />
              <SelectField
                idPrefix="owner"
                name="ownerType"
                label={t("field.ownerType")}
                state={stateFor("create-owner")}
                options={ownerTypes.map((v) => ({ value: v, label: t(`ownerType.${v}`) }))}
              />
              <div>
                <button type="submit" className="ds-button">
                  {t("admin.addOwnerSubmit")}
                </button>
              </div>
            </Form>
          </div>
        </details>
      </section>

      <section aria-labelledby="networks-heading" className="stack">
        <h2 id="networks-heading" className="ds-heading" data-size="md">
          {t("admin.networks")}
        </h2>
        <ul className="ds-list">
          {loaderData.networks.map((n) => (
            <li key={n.id}>
              <Link className="ds-link" to={`/nettverk/${n.id}`}>
                {n.name}
              </Link>{" "}
              ({t("network.ownerCount", { count: Number(n.owner_count) })})
            </li>
          ))}
        </ul>
        <details className="ds-details" open={Boolean(stateFor("create-network"))}>
          <summary>{t("admin.addNetwork")}</summary>
          <div>
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="create-network" />
              <ErrorSummary state={stateFor("create-network")} idPrefix="net" />
              <Field
                idPrefix="net"
                name="name"
                label={t("field.networkName")}
                state={stateFor("create-network")}
                required
              />
              <div>
                <button type="submit" className="ds-button">
                  {t("admin.addNetworkSubmit")}
                </button>
              </div>
            </Form>
          </div>
        </details>
      </section>

      <section aria-labelledby="admins-heading" className="stack">
        <h2 id="admins-heading" className="ds-heading" data-size="md">
          {t("admin.admins")}
        </h2>
        <MemberTable members={loaderData.admins} canRemove />
        <h3 className="ds-heading" data-size="xs">
          {t("admin.inviteAdmin")}
        </h3>
        <InviteForm
          options={[{ organisationId: "plattform", organisationName: "Oppvern", roles: ["admin"] }]}
          state={stateFor("invite")}
        />
      </section>
    </div>
  );
}
