import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import { ErrorSummary, Field } from "../components/form.tsx";
import { deleteOwner } from "../features/orgs/owner-data.server.ts";
import { useT } from "../i18n/use-t.ts";
import { parseForm } from "../lib/forms.ts";
import { authorize, readForm } from "../lib/route.server.ts";
import { loadOwnerScope } from "../lib/scopes.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/eier-slett";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.name ?? ""} – Oppvern` },
];

const ZDeleteOwner = z.object({ navn: z.string().trim().min(1, "owner.delete.nameRequired") });

/** Only the owner's koordinator (and the platform's admin); anyone else gets 404. */
async function loadScope(args: Route.LoaderArgs | Route.ActionArgs) {
  const scope = await loadOwnerScope(args.context, args.request, args.params.ownerId);
  authorize(scope.actor, "owner:delete", { type: "owner", ownerId: scope.owner.id });
  return scope;
}

/** The confirmation step: what goes, where to take a copy first, and the owner's name to type. */
export async function loader(args: Route.LoaderArgs) {
  const { owner } = await loadScope(args);
  return { id: owner.id, name: owner.name };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, owner } = await loadScope(args);
  const parsed = parseForm(ZDeleteOwner, await readForm(args.request));
  // The name typed as it is written (case and spaces aside): a slip of the hand deletes nothing.
  const mismatch =
    parsed.ok && parsed.data.navn.toLocaleLowerCase("nb") !== owner.name.toLocaleLowerCase("nb");
  if (!parsed.ok || mismatch)
    return data(
      {
        errors: parsed.ok ? { navn: "owner.delete.nameMismatch" } : parsed.errors,
        values: parsed.values,
      },
      { status: 400 },
    );
  await deleteOwner(services.db, { ownerId: owner.id, name: owner.name, actorUserId: actor.userId });
  return redirect("/?eierSlettet=1", 303);
}

export default function EierSlett({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to={`/eiere/${d.id}`}>
          {d.name}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("owner.delete.title", { name: d.name })}
      </h1>
      <p className="ds-paragraph">{t("owner.delete.lead", { name: d.name })}</p>
      <ul className="ds-list">
        <li>{t("owner.delete.what.units")}</li>
        <li>{t("owner.delete.what.registers")}</li>
        <li>{t("owner.delete.what.cycle")}</li>
        <li>{t("owner.delete.what.log")}</li>
      </ul>
      <p className="ds-paragraph">{t("owner.delete.people")}</p>
      <p className="ds-paragraph">
        {t("owner.delete.copyFirst")}{" "}
        <a className="ds-link" href={`/eiere/${d.id}/eksport`} download>
          {t("owner.export.link")}
        </a>
      </p>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={actionData} labelFor={() => t("owner.delete.nameLabel", { name: d.name })} />
        <Field
          name="navn"
          label={t("owner.delete.nameLabel", { name: d.name })}
          state={actionData}
          autoComplete="off"
        />
        <div className="button-row">
          <button type="submit" className="ds-button" data-color="danger">
            {t("owner.delete.submit")}
          </button>
          <Link className="ds-button" data-variant="secondary" to={`/eiere/${d.id}`}>
            {t("owner.delete.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
