import { PageHeading } from "../components/page-heading.tsx";
import { RichText } from "../components/rich-text.tsx";
import { can } from "../features/policy/policy.server.ts";
import { loadProgramme } from "../features/programme/programme-page.server.ts";
import { builtInResources } from "../features/programme/resources.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { localeFor, notFound } from "../lib/route.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/program-ressurs";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
  loaderData ? [{ title: `${loaderData.resource.title} – Oppvern` }] : pageTitle(matches, "resources.title");

/** One built-in resource in full, for those who may read the programme and it (guides' material: staff only). */
export async function loader(args: Route.LoaderArgs) {
  const { actor, programme } = await loadProgramme(args.context, args.request, args.params.id);
  const resource = builtInResources(localeFor(args.request, actor)).find((r) => r.slug === args.params.slug);
  const forGuides = can(actor, "network:read", { type: "network", networkId: programme.network_id });
  if (!resource || (resource.audience === "veiledere" && !forGuides)) notFound();
  return { programme: { id: programme.id, name: programme.name }, resource };
}

export default function ProgramRessurs({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const r = d.resource;
  return (
    <article className="stack-lg prose">
      <div className="stack">
        <PageHeading
          back={{
            to: `/program/${d.programme.id}/ressurser`,
            label: (
              <>
                {t("resources.title")} – {d.programme.name}
              </>
            ),
          }}
        >
          {r.title}
        </PageHeading>
        <p className="ds-paragraph">{r.summary}</p>
        <p className="ds-paragraph" data-size="sm">
          {t(`resources.audience.${r.audience}` as MessageKey)}
          {" · "}
          {r.gathering === null
            ? t("resources.wholeProgramme")
            : t("programme.gathering.heading", { number: r.gathering })}
        </p>
        {r.kind === "rekruttering" ? <p className="ds-paragraph">{t("resources.template")}</p> : null}
      </div>
      <div className="stack">
        <RichText text={r.body} />
      </div>
    </article>
  );
}
