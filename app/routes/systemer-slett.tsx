import { Form, Link, redirect } from "react-router";
import { assessmentsOfService } from "../features/ros/ros.server.ts";
import { deleteService, getService } from "../features/systems/systems.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { notFound, readForm } from "../lib/route.server.ts";
import { loadRegisterWriteScope } from "../lib/scopes.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/systemer-slett";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.name ?? ""} – Oppvern` },
];

/** Deleting a service: the koordinator or personvernombud (register:manage), the owner's own service, else 404. */
async function loadService(args: Route.LoaderArgs | Route.ActionArgs) {
  const scope = await loadRegisterWriteScope(args.context, args.request);
  const service = await getService(scope.services.db, scope.ownerId, args.params.id);
  if (!service) notFound();
  return { ...scope, service };
}

/** The confirmation step: it names the service and the assessments that will lose their link to it. */
export async function loader(args: Route.LoaderArgs) {
  const { services, ownerId, service } = await loadService(args);
  const assessments = await assessmentsOfService(services.db, ownerId, service.id);
  return {
    id: service.id,
    name: service.name,
    supplier: service.supplier,
    assessments: assessments.map((a) => ({ id: a.id, title: a.title, status: a.status })),
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, ownerId, service } = await loadService(args);
  const form = await readForm(args.request);
  if (form.get("intent") !== "slett") notFound();
  const result = await deleteService(services.db, { ownerId, id: service.id, userId: actor.userId });
  if (result === "not-found") notFound();
  return redirect("/systemer?slettet=1#slettet", 303);
}

export default function SystemerSlett({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to={`/systemer/${d.id}`}>
          {d.name}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("systems.delete.title", { name: d.name })}
      </h1>
      <p className="ds-paragraph">{t("systems.delete.lead", { name: d.name, supplier: d.supplier })}</p>
      {d.assessments.length > 0 ? (
        <section aria-labelledby="vurderinger" className="stack">
          <h2 className="ds-heading" data-size="sm" id="vurderinger">
            {t("systems.delete.assessments", { count: d.assessments.length })}
          </h2>
          <p className="ds-paragraph">{t("systems.delete.assessmentsHelp")}</p>
          <ul className="ds-list">
            {d.assessments.map((a) => (
              <li key={a.id}>
                <Link className="ds-link" to={`/ros/${a.id}`}>
                  {a.title}
                </Link>{" "}
                ({t(`ros.status.${a.status}` as MessageKey)})
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="ds-paragraph">{t("systems.delete.noAssessments")}</p>
      )}
      <p className="ds-paragraph">{t("systems.delete.audit")}</p>
      <Form method="post" className="button-row">
        <input type="hidden" name="intent" value="slett" />
        <button type="submit" className="ds-button" data-color="danger">
          {t("systems.delete.submit")}
        </button>
        <Link className="ds-button" data-variant="secondary" to={`/systemer/${d.id}`}>
          {t("systems.delete.cancel")}
        </Link>
      </Form>
    </div>
  );
}
