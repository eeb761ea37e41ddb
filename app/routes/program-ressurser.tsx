import { data, Form, Link, redirect } from "react-router";
import { ErrorSummary, Field, Notice, RowAction, SelectField, TextAreaField } from "../components/form.tsx";
import { PageHeading } from "../components/page-heading.tsx";
import { can } from "../features/policy/policy.server.ts";
import { loadProgramme } from "../features/programme/programme-page.server.ts";
import {
  addResourceLink,
  listResources,
  removeResourceLink,
} from "../features/programme/resources.server.ts";
import { ZResourceLink } from "../features/programme/schemas.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { formObject, parseObject } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { localeFor, notFound, readForm } from "../lib/route.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/program-ressurser";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "resources.title");

/** The filter from the address: one gathering 0–4 and one audience, or none. */
function filterOf(request: Request) {
  const url = new URL(request.url);
  const samling = url.searchParams.get("samling") ?? "";
  const audience = url.searchParams.get("for");
  return {
    gathering: /^[0-4]$/.test(samling) ? Number(samling) : null,
    audience: audience === "veiledere" || audience === "deltakere" ? (audience as typeof audience) : null,
  };
}

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, programme, canManage } = await loadProgramme(
    args.context,
    args.request,
    args.params.id,
  );
  // What is meant for guides is shown to the network's programansvarlig and guides only.
  const forGuides = can(actor, "network:read", { type: "network", networkId: programme.network_id });
  const filter = filterOf(args.request);
  const { builtIn, links } = await listResources(services.db, programme.id, localeFor(args.request, actor), {
    forGuides,
    ...filter,
  });
  const url = new URL(args.request.url);
  return {
    programme: { id: programme.id, name: programme.name },
    filter,
    forGuides,
    builtIn: builtIn.map(({ body: _, ...r }) => r),
    links,
    canManage,
    notice: url.searchParams.get("lagt-til") ? "added" : url.searchParams.get("fjernet") ? "removed" : null,
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, programme, canManage } = await loadProgramme(
    args.context,
    args.request,
    args.params.id,
  );
  if (!canManage) notFound();
  const form = await readForm(args.request);
  const raw = formObject(form, []);
  const base = { programmeId: programme.id, networkId: programme.network_id, userId: actor.userId };
  if (form.get("intent") === "fjern") {
    if (!(await removeResourceLink(services.db, { ...base, id: String(raw.ressurs ?? "") }))) notFound();
    return redirect(`/program/${programme.id}/ressurser?fjernet=1#egne`, 303);
  }
  const parsed = parseObject(ZResourceLink, raw);
  if (!parsed.ok)
    return data({ errors: parsed.errors, values: raw as Record<string, string> }, { status: 400 });
  await addResourceLink(services.db, {
    ...base,
    link: {
      title: parsed.data.tittel,
      url: parsed.data.adresse,
      description: parsed.data.beskrivelse,
      audience: parsed.data.for,
      gathering: parsed.data.samling,
    },
  });
  return redirect(`/program/${programme.id}/ressurser?lagt-til=1#egne`, 303);
}

function ForWhom({ audience, gathering }: { audience: string; gathering: number | null }) {
  const t = useT();
  return (
    <p className="ds-paragraph" data-size="sm">
      {t(`resources.audience.${audience}` as MessageKey)}
      {" · "}
      {gathering === null
        ? t("resources.wholeProgramme")
        : t("programme.gathering.heading", { number: gathering })}
    </p>
  );
}

export default function ProgramRessurser({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const gatherings = [0, 1, 2, 3, 4].map((n) => ({
    value: String(n),
    label: `${t("programme.gathering.heading", { number: n })}: ${t(`programme.gathering.${n}.title` as MessageKey)}`,
  }));
  const audiences = (["deltakere", ...(d.forGuides ? ["veiledere"] : [])] as const).map((a) => ({
    value: a,
    label: t(`resources.audience.${a}` as MessageKey),
  }));
  const state = actionData ? { errors: actionData.errors, values: actionData.values } : null;
  return (
    <div className="stack-lg">
      <div className="stack prose">
        <PageHeading back={{ to: `/program/${d.programme.id}`, label: d.programme.name }}>
          {t("resources.title")}
        </PageHeading>
        <p className="ds-paragraph">{t("resources.lead")}</p>
      </div>
      <Form method="get" className="stack prose" aria-labelledby="filter-tittel">
        <h2 className="ds-heading" data-size="xs" id="filter-tittel">
          {t("resources.filter.title")}
        </h2>
        <SelectField
          name="samling"
          idPrefix="filter"
          label={t("resources.filter.gathering")}
          defaultValue={d.filter.gathering === null ? "" : String(d.filter.gathering)}
          options={[{ value: "", label: t("resources.filter.all") }, ...gatherings]}
        />
        {audiences.length > 1 ? (
          <SelectField
            name="for"
            idPrefix="filter"
            label={t("resources.filter.audience")}
            defaultValue={d.filter.audience ?? ""}
            options={[{ value: "", label: t("resources.filter.everyone") }, ...audiences]}
          />
        ) : null}
        <p>
          <button type="submit" className="ds-button" data-variant="secondary">
            {t("resources.filter.submit")}
          </button>
        </p>
        {d.filter.gathering !== null ? (
          <p className="ds-paragraph">{t("resources.filter.showing", { number: d.filter.gathering })}</p>
        ) : null}
      </Form>
      <section aria-labelledby="fra-oppvern" className="stack prose">
        <h2 className="ds-heading" data-size="md" id="fra-oppvern">
          {t("resources.builtIn.title")}
        </h2>
        {d.builtIn.length === 0 ? <p className="ds-paragraph">{t("resources.none")}</p> : null}
        <ul className="measure-list">
          {d.builtIn.map((r) => (
            <li key={r.slug}>
              <article className="ds-card measure-card stack-sm">
                <h3 className="ds-heading" data-size="xs">
                  <Link className="ds-link" to={`/program/${d.programme.id}/ressurser/${r.slug}`}>
                    {r.title}
                  </Link>
                </h3>
                <p className="ds-paragraph">{r.summary}</p>
                <ForWhom audience={r.audience} gathering={r.gathering} />
              </article>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="egne" className="stack prose">
        <h2 className="ds-heading" data-size="md" id="egne" tabIndex={-1}>
          {t("resources.links.title")}
        </h2>
        {d.notice ? <Notice>{t(`resources.${d.notice}` as MessageKey)}</Notice> : null}
        {d.links.length === 0 ? <p className="ds-paragraph">{t("resources.links.none")}</p> : null}
        <ul className="measure-list">
          {d.links.map((r) => (
            <li key={r.id}>
              <article className="ds-card measure-card stack-sm">
                <h3 className="ds-heading" data-size="xs">
                  <a className="ds-link" href={r.url} rel="noopener noreferrer">
                    {r.title}
                  </a>
                </h3>
                {r.description ? <p className="ds-paragraph">{r.description}</p> : null}
                <ForWhom audience={r.audience} gathering={r.gathering} />
                {d.canManage ? (
                  <RowAction
                    intent="fjern"
                    fields={{ ressurs: r.id }}
                    label={t("resources.links.remove")}
                    about={r.title}
                  />
                ) : null}
              </article>
            </li>
          ))}
        </ul>
        {d.canManage ? (
          <Form method="post" action="#ny-lenke" className="stack" noValidate>
            <h3 className="ds-heading" data-size="xs" id="ny-lenke" tabIndex={-1}>
              {t("resources.links.add")}
            </h3>
            <ErrorSummary state={state} />
            <input type="hidden" name="intent" value="ny" />
            <Field name="tittel" label={t("resources.field.title")} state={state} />
            <Field
              name="adresse"
              type="url"
              label={t("resources.field.url")}
              description={t("resources.field.urlHelp")}
              state={state}
            />
            <TextAreaField
              name="beskrivelse"
              label={t("resources.field.description")}
              rows={3}
              defaultValue={actionData?.values.beskrivelse ?? ""}
              error={actionData?.errors.beskrivelse}
            />
            <SelectField
              name="for"
              label={t("resources.field.audience")}
              state={state}
              defaultValue="alle"
              options={(["alle", "deltakere", "veiledere"] as const).map((a) => ({
                value: a,
                label: t(`resources.audience.${a}` as MessageKey),
              }))}
            />
            <SelectField
              name="samling"
              label={t("resources.field.gathering")}
              state={state}
              defaultValue=""
              options={[{ value: "", label: t("resources.wholeProgramme") }, ...gatherings]}
            />
            <p>
              <button type="submit" className="ds-button">
                {t("resources.links.submit")}
              </button>
            </p>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
