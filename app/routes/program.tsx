import { data, Link, redirect } from "react-router";
import { ChoiceGroup, ErrorSummary, Field, Notice, SelectField } from "../components/form.tsx";
import { listNetworkOwners } from "../features/orgs/networks.server.ts";
import { can } from "../features/policy/policy.server.ts";
import { departureOf } from "../features/programme/leave-programme.server.ts";
import { createProgramme, listProgrammesFor } from "../features/programme/programmes.server.ts";
import { ZProgramme } from "../features/programme/schemas.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { fieldReaders, formObject, parseObject, valuesToShow } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { getServices, readForm, requireActor } from "../lib/route.server.ts";
import { formatDate } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/program";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "programme.title");

/** The networks this person runs programmes for, with the owners that can take part. */
async function runnableNetworks(args: Route.LoaderArgs | Route.ActionArgs) {
  const actor = await requireActor(args.context, args.request);
  const services = getServices(args.context);
  const networks = actor.memberships.filter(
    (m) =>
      m.kind === "nettverk" &&
      can(actor, "programme:manage", { type: "network", networkId: m.organisationId }),
  );
  const withOwners = await Promise.all(
    networks.map(async (n) => ({
      id: n.organisationId,
      name: n.organisationName,
      owners: (await listNetworkOwners(services.db, n.organisationId)).map((o) => ({
        id: o.id,
        name: o.name,
      })),
    })),
  );
  return { actor, services, networks: withOwners };
}

/**
 * Guidance programmes (veiledertjeneste): those this person takes part in or runs, and for a
 * network's programansvarlig, a form to start one with the network's owners.
 */
export async function loader(args: Route.LoaderArgs) {
  const { actor, services, networks } = await runnableNetworks(args);
  const left = new URL(args.request.url).searchParams.get("forlatt");
  // The notice after leaving names the programme only for an owner this person is koordinator of.
  const [programmes, departure] = await Promise.all([
    listProgrammesFor(services.db, actor),
    left
      ? departureOf(
          services.db,
          left,
          actor.memberships
            .filter((m) => m.kind === "eier" && m.role === "koordinator")
            .map((m) => m.organisationId),
        )
      : undefined,
  ]);
  return {
    departure: departure ?? null,
    programmes: programmes.map((p) => ({
      id: p.id,
      name: p.name,
      network: p.network_name,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
    })),
    networks,
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, networks } = await runnableNetworks(args);
  const raw = formObject(await readForm(args.request), ["eiere"]);
  const parsed = parseObject(ZProgramme, raw);
  const errors = parsed.ok ? {} : { ...parsed.errors };
  const network = networks.find((n) => n.id === raw.nettverk);
  if (!network) errors.nettverk ??= "programme.networkRequired";
  // Only the network's own owners can take part; a posted form can name anything.
  if (parsed.ok && network && !parsed.data.eiere.every((id) => network.owners.some((o) => o.id === id)))
    errors.eiere = "programme.unknownOwner";
  if (!parsed.ok || !network || Object.keys(errors).length > 0)
    return data({ errors, values: valuesToShow(raw, ["start", "slutt"]) }, { status: 400 });
  const id = await createProgramme(services.db, {
    networkId: network.id,
    name: parsed.data.navn,
    startsOn: parsed.data.start || null,
    endsOn: parsed.data.slutt || null,
    ownerIds: parsed.data.eiere,
    userId: actor.userId,
  });
  return redirect(`/program/${id}?laget=1#lagret`, 303);
}

export default function Program({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failed = actionData;
  const { value, list } = fieldReaders(failed?.values);
  const state = failed
    ? {
        errors: failed.errors,
        values: Object.fromEntries(Object.keys(failed.values).map((k) => [k, value(k)])),
      }
    : null;
  const chosenNetwork = d.networks.find((n) => n.id === value("nettverk")) ?? d.networks[0];
  return (
    <div className="stack-lg">
      <div className="stack prose">
        <h1 className="ds-heading" data-size="lg">
          {t("programme.title")}
        </h1>
        <p className="ds-paragraph">{t("programme.lead")}</p>
        <div id="forlatt">
          {d.departure ? <Notice>{t("programme.leave.done", d.departure)}</Notice> : null}
        </div>
      </div>
      <section aria-labelledby="program" className="stack prose">
        <h2 className="ds-heading" data-size="md" id="program">
          {t("programme.list.title")}
        </h2>
        {d.programmes.length === 0 ? (
          <p className="ds-paragraph">{t("programme.list.empty")}</p>
        ) : (
          <ul className="link-list stack-sm">
            {d.programmes.map((p) => (
              <li key={p.id}>
                <Link className="ds-link" to={`/program/${p.id}`}>
                  {p.name}
                </Link>{" "}
                <span className="ds-paragraph">
                  ({p.network}
                  {p.startsOn ? `, ${formatDate(p.startsOn, locale)}` : ""}
                  {p.endsOn ? ` – ${formatDate(p.endsOn, locale)}` : ""})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {chosenNetwork ? (
        <section aria-labelledby="nytt" className="stack prose">
          <h2 className="ds-heading" data-size="md" id="nytt">
            {t("programme.new.title")}
          </h2>
          <p className="ds-paragraph">{t("programme.new.lead")}</p>
          <form method="post" action="#nytt" className="stack" noValidate>
            <ErrorSummary state={state} />
            <Field
              name="navn"
              label={t("programme.field.name")}
              description={t("programme.help.name")}
              state={state}
              required
            />
            {d.networks.length > 1 ? (
              <SelectField
                name="nettverk"
                label={t("programme.field.network")}
                state={state}
                defaultValue={chosenNetwork.id}
                options={d.networks.map((n) => ({ value: n.id, label: n.name }))}
              />
            ) : (
              <input type="hidden" name="nettverk" value={chosenNetwork.id} />
            )}
            <Field name="start" type="date" label={t("programme.field.start")} state={state} />
            <Field name="slutt" type="date" label={t("programme.field.end")} state={state} />
            <ChoiceGroup
              name="eiere"
              type="checkbox"
              legend={t("programme.field.owners")}
              description={t("programme.help.owners")}
              options={chosenNetwork.owners.map((o) => ({ value: o.id, label: o.name }))}
              chosen={failed ? list("eiere") : chosenNetwork.owners.map((o) => o.id)}
              error={failed?.errors.eiere}
            />
            <p>
              <button type="submit" className="ds-button">
                {t("programme.create")}
              </button>
            </p>
          </form>
        </section>
      ) : null}
    </div>
  );
}
