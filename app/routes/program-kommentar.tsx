import { data, Form, Link, redirect } from "react-router";
import { ErrorSummary, TextAreaField } from "../components/form.tsx";
import { PageHeading } from "../components/page-heading.tsx";
import { deleteComment, editComment, getComment } from "../features/programme/comments.server.ts";
import { loadProgramme, threadUrl } from "../features/programme/programme-page.server.ts";
import { ZCommentText } from "../features/programme/schemas.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { formObject, parseObject } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { authorize, forbidden, notFound, readForm } from "../lib/route.server.ts";
import { formatMoment } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/program-kommentar";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "groups.comments.edit.title");

/**
 * One comment, for its author to correct or delete. Someone who may not read the thread gets 404
 * (as for another tenant's data); someone in the thread who did not write it gets 403.
 */
async function loadComment(args: Route.LoaderArgs | Route.ActionArgs) {
  const page = await loadProgramme(args.context, args.request, args.params.id);
  const comment = await getComment(page.services.db, page.programme.id, args.params.commentId);
  if (!comment || !page.programme.owners.some((o) => o.id === comment.owner_id)) notFound();
  authorize(page.actor, "programme:comment", page.ownerResource(comment.owner_id));
  if (comment.author_id !== page.actor.userId) forbidden();
  return { ...page, comment };
}

export async function loader(args: Route.LoaderArgs) {
  const page = await loadComment(args);
  const { programme, comment } = page;
  return {
    programme: { id: programme.id, name: programme.name },
    owner: programme.owners.find((o) => o.id === comment.owner_id)?.name ?? "",
    comment: { body: comment.body, createdAt: comment.created_at, editedAt: comment.edited_at },
    back: threadUrl(page, comment.owner_id, comment.side),
  };
}

export async function action(args: Route.ActionArgs) {
  const page = await loadComment(args);
  const { actor, services, programme, comment } = page;
  const form = await readForm(args.request);
  const target = {
    programmeId: programme.id,
    ownerId: comment.owner_id,
    commentId: comment.id,
    userId: actor.userId,
  };
  if (form.get("intent") === "slett") {
    if (!(await deleteComment(services.db, target))) notFound();
    return redirect(threadUrl(page, comment.owner_id, comment.side, "slettet"), 303);
  }
  const raw = formObject(form, []);
  const parsed = parseObject(ZCommentText, raw);
  if (!parsed.ok)
    return data({ errors: parsed.errors, values: { tekst: String(raw.tekst ?? "") } }, { status: 400 });
  if (!(await editComment(services.db, { ...target, body: parsed.data.tekst }))) notFound();
  return redirect(threadUrl(page, comment.owner_id, comment.side, "endret"), 303);
}

export default function ProgramKommentar({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="stack-lg prose">
      <div className="stack">
        <PageHeading back={{ to: `/program/${d.programme.id}`, label: d.programme.name }}>
          {t("groups.comments.edit.title")}
        </PageHeading>
        <p className="ds-paragraph">
          {t("groups.comments.edit.lead", {
            owner: d.owner,
            date: formatMoment(d.comment.createdAt, locale),
          })}
        </p>
      </div>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={actionData ?? null} />
        <input type="hidden" name="intent" value="lagre" />
        <TextAreaField
          name="tekst"
          label={t("groups.comments.edit.field")}
          description={t("groups.comments.edit.help")}
          error={actionData?.errors.tekst}
          defaultValue={actionData?.values.tekst ?? d.comment.body}
          rows={5}
        />
        <p className="button-row">
          <button type="submit" className="ds-button">
            {t("groups.comments.edit.save")}
          </button>
          <Link className="ds-button" data-variant="tertiary" to={d.back}>
            {t("groups.comments.edit.cancel")}
          </Link>
        </p>
      </Form>
      <section aria-labelledby="slett" className="stack">
        <h2 className="ds-heading" data-size="sm" id="slett">
          {t("groups.comments.delete.title")}
        </h2>
        <p className="ds-paragraph">{t("groups.comments.delete.lead")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="slett" />
          <button type="submit" className="ds-button" data-color="danger">
            {t("groups.comments.delete.confirm")}
          </button>
        </Form>
      </section>
    </div>
  );
}
