import { Form, Link, redirect } from "react-router";
import { leaveNetwork, networkLeavePreview } from "../features/orgs/leave-network.server.ts";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { notFound, readForm } from "../lib/route.server.ts";
import { loadOwnerScope } from "../lib/scopes.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/eier-nettverk-forlat";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "owner.networks.leave.title");

/**
 * An owner leaving one of its networks, for the owner's koordinator (`network:join`), else 404:
 * the personvernombud sees the network on the owner's page but does not act, and another owner's
 * koordinator, or a network the owner is not in, gets 404.
 */
async function loadLeave(args: Route.LoaderArgs | Route.ActionArgs) {
  const scope = await loadOwnerScope(args.context, args.request, args.params.ownerId, "network:join");
  const preview = await networkLeavePreview(scope.services.db, args.params.networkId, scope.owner.id);
  if (!preview) notFound();
  return { ...scope, preview };
}

export async function loader(args: Route.LoaderArgs) {
  const { owner, preview } = await loadLeave(args);
  return {
    owner: { id: owner.id, name: owner.name },
    network: preview.network.name,
    programmes: preview.programmes.map((p) => p.name),
    shared: preview.shared.map((s) => s.title),
  };
}

/** The confirmation page first; the post is the decision (decision 015, "Leaving a network"). */
export async function action(args: Route.ActionArgs) {
  const { actor, services, owner, preview } = await loadLeave(args);
  if ((await readForm(args.request)).get("intent") !== "forlat") notFound();
  await leaveNetwork(services.db, { networkId: preview.network.id, ownerId: owner.id, userId: actor.userId });
  return redirect(`/eiere/${owner.id}?forlatt=${preview.network.id}#nettverk`, 303);
}

export default function EierNettverkForlat({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const back = `/eiere/${d.owner.id}#nettverk`;
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to={back}>
          {d.owner.name}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("owner.networks.leave.heading", { owner: d.owner.name, network: d.network })}
      </h1>
      <p className="ds-paragraph">{t("owner.networks.leave.lead")}</p>
      <ul className="ds-list">
        {d.programmes.length === 0 ? (
          <li>{t("owner.networks.leave.noProgrammes")}</li>
        ) : (
          <li>
            {t("owner.networks.leave.programmes")}
            <ul className="ds-list">
              {d.programmes.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </li>
        )}
        {d.shared.length === 0 ? (
          <li>{t("owner.networks.leave.noShared")}</li>
        ) : (
          <li>
            {t("owner.networks.leave.shared")}
            <ul className="ds-list">
              {d.shared.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </li>
        )}
        <li>{t("owner.networks.leave.kept")}</li>
        <li>{t("owner.networks.leave.back")}</li>
      </ul>
      <Form method="post" className="button-row">
        <input type="hidden" name="intent" value="forlat" />
        <button type="submit" className="ds-button" data-color="danger">
          {t("owner.networks.leave.confirm", { owner: d.owner.name })}
        </button>
        <Link className="ds-button" data-variant="secondary" to={back}>
          {t("owner.networks.leave.cancel")}
        </Link>
      </Form>
    </div>
  );
}
