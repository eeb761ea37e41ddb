import { data, Form, redirect } from "react-router";
import { ChoiceGroup, ErrorSummary, Field, Notice, SelectField } from "../components/form.tsx";
import { PageHeading } from "../components/page-heading.tsx";
import { deleteGroup, listGuides, saveGroup } from "../features/programme/groups.server.ts";
import { loadProgramme } from "../features/programme/programme-page.server.ts";
import { ZGroup } from "../features/programme/schemas.ts";
import { useT } from "../i18n/use-t.ts";
import { fieldReaders, formObject, parseObject } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { notFound, readForm } from "../lib/route.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/program-grupper";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "groups.title");

/** The programme's groups, for its programansvarlig only (else 404), with the network's guides. */
async function loadGroups(args: Route.LoaderArgs | Route.ActionArgs) {
  const page = await loadProgramme(args.context, args.request, args.params.id);
  if (!page.canManage) notFound();
  const guides = await listGuides(page.services.db, page.programme.network_id);
  return { ...page, guides };
}

export async function loader(args: Route.LoaderArgs) {
  const { programme, groups, guides } = await loadGroups(args);
  return {
    id: programme.id,
    name: programme.name,
    owners: programme.owners,
    groups,
    guides,
    saved: new URL(args.request.url).searchParams.get("lagret"),
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, programme, groups, guides } = await loadGroups(args);
  const form = await readForm(args.request);
  const intent = String(form.get("intent") ?? "");
  const groupId = String(form.get("gruppe") ?? "");
  const target = { programmeId: programme.id, networkId: programme.network_id, userId: actor.userId };
  if (intent === "slett") {
    if (!(await deleteGroup(services.db, { ...target, groupId }))) notFound();
    return redirect(`/program/${programme.id}/grupper?lagret=slettet#grupper`, 303);
  }
  if (intent === "lagre" && !groups.some((g) => g.id === groupId)) notFound();
  const raw = formObject(form, ["eiere"]);
  delete raw.gruppe;
  const parsed = parseObject(ZGroup, raw);
  const errors = parsed.ok ? {} : { ...parsed.errors };
  // A posted form can name anyone: only the network's guides and the programme's owners count.
  if (parsed.ok && !guides.some((g) => g.id === parsed.data.veileder))
    errors.veileder = "groups.error.guideRequired";
  if (parsed.ok && !parsed.data.eiere.every((id) => programme.owners.some((o) => o.id === id)))
    errors.eiere = "programme.unknownOwner";
  if (!parsed.ok || Object.keys(errors).length > 0)
    return data({ group: intent === "lagre" ? groupId : "", errors, values: raw }, { status: 400 });
  const id = await saveGroup(services.db, {
    ...target,
    groupId: intent === "lagre" ? groupId : null,
    name: parsed.data.navn,
    guideId: parsed.data.veileder,
    ownerIds: parsed.data.eiere,
  });
  if (!id) notFound();
  return redirect(`/program/${programme.id}/grupper?lagret=1#gruppe-${id}`, 303);
}

type Loaded = Route.ComponentProps["loaderData"];

/** The form for one group (or a new one): name, guide, owners. */
function GroupForm({
  d,
  group,
  refused,
  idPrefix,
}: {
  d: Loaded;
  group: Loaded["groups"][number] | null;
  refused: Route.ComponentProps["actionData"] | null;
  idPrefix: string;
}) {
  const t = useT();
  const { value, list } = fieldReaders(refused?.values);
  const state = refused
    ? { errors: refused.errors, values: { navn: value("navn"), veileder: value("veileder") } }
    : null;
  const inOther = (ownerId: string) =>
    d.groups.find((g) => g.id !== group?.id && g.owners.some((o) => o.id === ownerId));
  return (
    <Form method="post" action={group ? `#gruppe-${group.id}` : "#ny"} className="stack" noValidate>
      <ErrorSummary state={state} idPrefix={idPrefix} />
      <input type="hidden" name="intent" value={group ? "lagre" : "ny"} />
      {group ? <input type="hidden" name="gruppe" value={group.id} /> : null}
      <Field
        name="navn"
        idPrefix={idPrefix}
        label={t("groups.field.name")}
        defaultValue={group?.name ?? ""}
        state={state}
        required
      />
      <SelectField
        name="veileder"
        idPrefix={idPrefix}
        label={t("groups.field.guide")}
        defaultValue={group?.guideId ?? ""}
        state={state}
        options={[
          { value: "", label: t("groups.field.chooseGuide") },
          ...d.guides.map((g) => ({ value: g.id, label: g.name })),
        ]}
      />
      <ChoiceGroup
        name="eiere"
        type="checkbox"
        idPrefix={idPrefix}
        legend={t("groups.field.owners")}
        description={t("groups.help.owners")}
        options={d.owners.map((o) => {
          const other = inOther(o.id);
          return {
            value: o.id,
            label: other ? t("groups.ownerInOther", { owner: o.name, group: other.name }) : o.name,
          };
        })}
        chosen={refused ? list("eiere") : (group?.owners.map((o) => o.id) ?? [])}
        error={refused?.errors.eiere}
      />
      <p>
        <button type="submit" className="ds-button" data-variant={group ? "secondary" : "primary"}>
          {group ? t("groups.save") : t("groups.create")}
          {group ? <span className="ds-sr-only">: {group.name}</span> : null}
        </button>
      </p>
    </Form>
  );
}

export default function ProgramGrupper({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const refusedFor = (groupId: string) => (actionData && actionData.group === groupId ? actionData : null);
  return (
    <div className="stack-lg">
      <div className="stack prose">
        <PageHeading back={{ to: `/program/${d.id}`, label: d.name }}>{t("groups.title")}</PageHeading>
        <p className="ds-paragraph">{t("groups.manage.lead")}</p>
        <div id="lagret">
          {d.saved ? <Notice>{t(d.saved === "slettet" ? "groups.deleted" : "groups.saved")}</Notice> : null}
        </div>
      </div>
      <section aria-labelledby="grupper" className="stack">
        <h2 className="ds-heading" data-size="md" id="grupper">
          {t("groups.list.title", { count: d.groups.length })}
        </h2>
        {d.groups.length === 0 ? <p className="ds-paragraph">{t("groups.list.empty")}</p> : null}
        <ul className="measure-list">
          {d.groups.map((g, i) => (
            <li key={g.id}>
              <article className="ds-card measure-card stack prose" id={`gruppe-${g.id}`} tabIndex={-1}>
                <h3 className="ds-heading" data-size="xs">
                  {g.name}
                </h3>
                <GroupForm d={d} group={g} refused={refusedFor(g.id)} idPrefix={`g${i}`} />
                <Form method="post" action="#grupper">
                  <input type="hidden" name="intent" value="slett" />
                  <input type="hidden" name="gruppe" value={g.id} />
                  <button type="submit" className="ds-button" data-variant="tertiary" data-color="danger">
                    {t("groups.delete")}
                    <span className="ds-sr-only">: {g.name}</span>
                  </button>
                </Form>
              </article>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ny" className="stack prose">
        <h2 className="ds-heading" data-size="md" id="ny">
          {t("groups.new.title")}
        </h2>
        {d.guides.length === 0 ? <p className="ds-paragraph">{t("groups.noGuides")}</p> : null}
        <GroupForm d={d} group={null} refused={refusedFor("")} idPrefix="ny" />
      </section>
    </div>
  );
}
