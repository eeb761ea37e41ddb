import { Form, Link, redirect } from "react-router";
import { PageHeading } from "../components/page-heading.tsx";
import { leaveProgramme } from "../features/programme/leave-programme.server.ts";
import { loadProgramme } from "../features/programme/programme-page.server.ts";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { authorize, notFound, readForm } from "../lib/route.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/program-forlat";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "programme.leave.title");

/** The owner leaving, for its koordinator (programme:leave), else 404. */
async function loadOwner(args: Route.LoaderArgs | Route.ActionArgs) {
  const page = await loadProgramme(args.context, args.request, args.params.id);
  const owner = page.programme.owners.find((o) => o.id === args.params.ownerId);
  if (!owner) notFound();
  authorize(page.actor, "programme:leave", page.ownerResource(owner.id));
  return { ...page, owner };
}

export async function loader(args: Route.LoaderArgs) {
  const { programme, owner } = await loadOwner(args);
  return { programme: { id: programme.id, name: programme.name }, owner: owner.name };
}

/** The confirmation page first; the post is the decision (see decision 017, "Leaving a programme"). */
export async function action(args: Route.ActionArgs) {
  const { actor, services, programme, owner } = await loadOwner(args);
  if ((await readForm(args.request)).get("intent") !== "forlat") notFound();
  await leaveProgramme(services.db, { programmeId: programme.id, ownerId: owner.id, userId: actor.userId });
  return redirect(`/program?forlatt=${programme.id}#forlatt`, 303);
}

export default function ProgramForlat({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const back = `/program/${d.programme.id}#var-del`;
  return (
    <div className="stack-lg prose">
      <PageHeading back={{ to: `/program/${d.programme.id}`, label: d.programme.name }}>
        {t("programme.leave.heading", { owner: d.owner, programme: d.programme.name })}
      </PageHeading>
      <p className="ds-paragraph">{t("programme.leave.lead")}</p>
      <ul className="ds-list">
        <li>{t("programme.leave.sharing")}</li>
        <li>{t("programme.leave.comments")}</li>
        <li>{t("programme.leave.group")}</li>
        <li>{t("programme.leave.kept")}</li>
        <li>{t("programme.leave.back")}</li>
      </ul>
      <Form method="post" className="button-row">
        <input type="hidden" name="intent" value="forlat" />
        <button type="submit" className="ds-button" data-color="danger">
          {t("programme.leave.confirm", { owner: d.owner })}
        </button>
        <Link className="ds-button" data-variant="secondary" to={back}>
          {t("programme.leave.cancel")}
        </Link>
      </Form>
    </div>
  );
}
