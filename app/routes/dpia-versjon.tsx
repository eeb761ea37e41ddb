import { Link } from "react-router";
import { ConclusionText, DpiaDocument } from "../components/dpia-parts.tsx";
import { Notice } from "../components/form.tsx";
import { recordRead } from "../features/audit/audit-log.server.ts";
import { getDpia, getVersion, listRisks } from "../features/dpia/dpia.server.ts";
import { riskPlans } from "../features/dpia/snapshot.ts";
import { can } from "../features/policy/policy.server.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { notFound } from "../lib/route.server.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import { dayInNorway, formatDate } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/dpia-versjon";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "dpia.title");

/** An approved version of a DPIA, read-only, as it stood when approved. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, services, ownerId } = await loadRegisterScope(context, request);
  const number = Number(params.n);
  if (!Number.isInteger(number) || number < 1) notFound();
  const [dpia, version, risks] = await Promise.all([
    getDpia(services.db, ownerId, params.id),
    getVersion(services.db, ownerId, params.id, number),
    listRisks(services.db, ownerId, params.id),
  ]);
  if (!dpia || !version) notFound();
  await recordRead(services.db, {
    userId: actor.userId,
    ownerId,
    entity: "dpia",
    entityId: dpia.id,
    variant: `versjon ${number}`,
  });
  return {
    id: dpia.id,
    number,
    approvedAt: version.approved_at,
    snapshot: version.snapshot,
    plans: riskPlans(version.snapshot.risks, risks, can(actor, "plan:read", { type: "owner", ownerId })),
  };
}

export default function DpiaVersion({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to={`/dpia/${d.id}`}>
          {t("dpia.backToCurrent")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {d.snapshot.title}
      </h1>
      <Notice color="info">
        <span className="ds-paragraph">
          {t("dpia.versionNote", { number: d.number, date: formatDate(dayInNorway(d.approvedAt), locale) })}
        </span>
      </Notice>
      <ConclusionText conclusion={d.snapshot.conclusion} approved />
      <DpiaDocument s={d.snapshot} plans={d.plans} />
    </div>
  );
}
