import { data, redirect } from "react-router";
import { Notice } from "../components/form.tsx";
import { PageHeading } from "../components/page-heading.tsx";
import { CommentThread, SharedStatus } from "../components/programme-share.tsx";
import { bankLocale } from "../features/assessment/bank.server.ts";
import { can } from "../features/policy/policy.server.ts";
import { commentNotice, loadProgramme, postComment } from "../features/programme/programme-page.server.ts";
import { ZComment } from "../features/programme/schemas.ts";
import { listComments, sharedView, sharesOf } from "../features/programme/sharing.server.ts";
import { useT } from "../i18n/use-t.ts";
import { formObject, parseObject } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { authorize, localeFor, notFound, readForm } from "../lib/route.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/program-gruppe";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "groups.follow.title");

/** One group of a programme, for its guide and the programansvarlig (else 404). */
async function loadGroup(args: Route.LoaderArgs | Route.ActionArgs) {
  const page = await loadProgramme(args.context, args.request, args.params.id);
  const group = page.groups.find((g) => g.id === args.params.groupId);
  if (!group) notFound();
  authorize(page.actor, "programme:guide", {
    type: "programmeGroup",
    networkId: page.programme.network_id,
    guideId: group.guideId,
  });
  return { ...page, group };
}

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, programme, group, ownerResource } = await loadGroup(args);
  const lang = bankLocale(localeFor(args.request, actor));
  const shares = await sharesOf(
    services.db,
    programme.id,
    group.owners.map((o) => o.id),
  );
  const owners = await Promise.all(
    group.owners.map(async (o) => {
      const share = shares.get(o.id) ?? { progress: false, scores: false };
      // The programansvarlig follows the group but does not read the guide's talk with an owner.
      const mayComment = can(actor, "programme:comment", ownerResource(o.id));
      const [view, comments] = await Promise.all([
        sharedView(services.db, o.id, share, actor.userId, lang),
        mayComment ? listComments(services.db, programme.id, o.id, actor.userId) : null,
      ]);
      return { id: o.id, name: o.name, shared: { ...view, share }, comments };
    }),
  );
  return {
    programme: { id: programme.id, name: programme.name },
    group: { name: group.name, guideName: group.guideName },
    owners,
    saved: new URL(args.request.url).searchParams.get("lagret") === "1",
    commentNotice: commentNotice(args.request),
  };
}

export async function action(args: Route.ActionArgs) {
  const page = await loadGroup(args);
  const { actor, programme, group, ownerResource } = page;
  const raw = formObject(await readForm(args.request), []);
  const owner = group.owners.find((o) => o.id === raw.eier);
  if (!owner) notFound();
  authorize(actor, "programme:comment", ownerResource(owner.id));
  const parsed = parseObject(ZComment, raw);
  if (!parsed.ok)
    return data(
      { owner: owner.id, errors: parsed.errors, values: raw as Record<string, string> },
      { status: 400 },
    );
  await postComment(page, owner, "veileder", parsed.data.tekst);
  return redirect(
    `/program/${programme.id}/gruppe/${group.id}?lagret=1#e${group.owners.indexOf(owner)}-kommentarer`,
    303,
  );
}

export default function ProgramGruppe({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack-lg">
      <div className="stack prose">
        <PageHeading back={{ to: `/program/${d.programme.id}`, label: d.programme.name }}>
          {d.group.name}
        </PageHeading>
        <p className="ds-paragraph">
          {d.group.guideName ? t("groups.guideIs", { guide: d.group.guideName }) : t("groups.noGuideYet")}
        </p>
        <p className="ds-paragraph">{t("groups.follow.lead")}</p>
        {d.saved ? <Notice>{t("groups.comments.saved")}</Notice> : null}
      </div>
      {d.owners.length === 0 ? <p className="ds-paragraph">{t("groups.owners.none")}</p> : null}
      <div>
        <ul className="measure-list">
          {d.owners.map((o, i) => (
            <li key={o.id}>
              <article className="ds-card measure-card stack prose" aria-labelledby={`e${i}`}>
                <h2 className="ds-heading" data-size="sm" id={`e${i}`}>
                  {o.name}
                </h2>
                <SharedStatus data={o.shared} idPrefix={`e${i}`} />
                {o.comments ? (
                  <CommentThread
                    programmeId={d.programme.id}
                    comments={o.comments}
                    notice={d.commentNotice?.owner === o.id ? d.commentNotice.kind : null}
                    ownerId={o.id}
                    ownerName={o.name}
                    idPrefix={`e${i}`}
                    refused={actionData && actionData.owner === o.id ? actionData : null}
                    formLabel={t("groups.comments.write")}
                    submitLabel={t("groups.comments.send")}
                  />
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
