import { Form, Link, redirect } from "react-router";
import { Notice } from "../components/form.tsx";
import { RiskMatrices } from "../components/risk-matrix.tsx";
import { SharedFrame, SharedRisks } from "../components/shared-assessment.tsx";
import { adopt, copiesOf } from "../features/shared/shared.server.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { notFound, readForm } from "../lib/route.server.ts";
import { loadSharedScope } from "../lib/scopes.server.ts";
import { formatMoment } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/ros-delt";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.title ?? ""} – Oppvern` },
];

/** One shared assessment, read-only; a koordinator or personvernombud of another member owner may adopt it. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { services, ownerId, shared: s, canAdopt } = await loadSharedScope(context, request, params.id);
  const copies = canAdopt && ownerId ? await copiesOf(services.db, ownerId, s.id) : [];
  return {
    id: s.id,
    title: s.title,
    owner: s.owner_name,
    network: s.network_name,
    at: s.published_at,
    frame: {
      scope: s.scope,
      serviceName: s.service_name,
      serviceSupplier: s.service_supplier,
      assessedOn: s.assessed_on,
    },
    risks: s.risks,
    canAdopt,
    copies,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, services, ownerId, shared, canAdopt } = await loadSharedScope(context, request, params.id);
  const form = await readForm(request);
  if (!canAdopt || !ownerId || form.get("intent") !== "overta") notFound();
  const id = await adopt(services.db, { ownerId, userId: actor.userId, shared });
  return redirect(`/ros/${id}?lagret=overtatt#lagret`, 303);
}

export default function RosDelt({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="stack-lg">
      <div className="stack prose">
        <p className="ds-paragraph eyebrow">
          <Link className="ds-link" to="/ros/delte">
            {t("shared.list.title")}
          </Link>
        </p>
        <h1 className="ds-heading" data-size="lg">
          {d.title}
        </h1>
        <p className="ds-paragraph">
          {t("shared.sharedBy", { owner: d.owner, network: d.network, date: formatMoment(d.at, locale) })}
        </p>
        <SharedFrame frame={d.frame} />
      </div>
      {d.canAdopt ? (
        <section aria-labelledby="overta" className="stack prose">
          <h2 className="ds-heading" data-size="md" id="overta">
            {t("shared.adopt.title")}
          </h2>
          <p className="ds-paragraph">{t("shared.adopt.lead")}</p>
          {d.copies.length > 0 ? (
            <Notice color="info">
              {t("shared.adopt.already")}{" "}
              {d.copies.map((c, i) => (
                <span key={c.id}>
                  {i > 0 ? ", " : null}
                  <Link className="ds-link" to={`/ros/${c.id}`}>
                    {c.title}
                  </Link>
                </span>
              ))}
            </Notice>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="overta" />
            <button type="submit" className="ds-button">
              {t("shared.adopt.submit")}
            </button>
          </Form>
        </section>
      ) : (
        <p className="ds-paragraph prose">{t("shared.readOnly")}</p>
      )}
      <section aria-labelledby="matrise" className="stack">
        <h2 className="ds-heading" data-size="md" id="matrise">
          {t("ros.matrix.title")}
        </h2>
        <RiskMatrices risks={d.risks} />
      </section>
      <section aria-labelledby="risikoer" className="stack">
        <h2 className="ds-heading" data-size="md" id="risikoer">
          {t("ros.risks.title", { count: d.risks.length })}
        </h2>
        <SharedRisks risks={d.risks} idPrefix="delt" />
      </section>
    </div>
  );
}
