import { data, Form, Link, redirect } from "react-router";
import { ErrorSummary, Notice, TextAreaField } from "../components/form.tsx";
import { PageHeading } from "../components/page-heading.tsx";
import { listModules } from "../features/learning/modules.server.ts";
import { can } from "../features/policy/policy.server.ts";
import { gatheringContent, programmeLink } from "../features/programme/gathering-content.server.ts";
import { loadProgramme } from "../features/programme/programme-page.server.ts";
import { saveAgenda } from "../features/programme/programmes.server.ts";
import { AGENDA_POINT_LENGTH, AGENDA_POINTS, ZAgenda } from "../features/programme/schemas.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { formObject, parseObject } from "../lib/forms.ts";
import { pageTitle, titleOf } from "../lib/meta.ts";
import { localeFor, notFound, readForm } from "../lib/route.server.ts";
import { formatDate } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/program-samling";

export const handle: RouteHandle = { hydrate: false };

// «Samling 1: Kartlegging – Veiledning i personvern 2026–2027 – Oppvern»: each gathering its own title.
export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
  loaderData
    ? titleOf(
        matches,
        (t) =>
          `${t("programme.gathering.heading", { number: loaderData.number })}: ${t(`programme.gathering.${loaderData.number}.title` as MessageKey)} – ${loaderData.programme.name}`,
      )
    : pageTitle(matches, "programme.gatheringPage.title");

/** One gathering of a programme, for everyone who may see the programme (else 404). */
async function loadGathering(args: Route.LoaderArgs | Route.ActionArgs) {
  const page = await loadProgramme(args.context, args.request, args.params.id);
  const gathering = page.programme.gatherings.find((g) => String(g.number) === args.params.nr);
  if (!gathering) notFound();
  return { ...page, gathering };
}

export async function loader(args: Route.LoaderArgs) {
  const { actor, programme, gathering, canManage, attendable } = await loadGathering(args);
  const locale = localeFor(args.request, actor);
  const content = gatheringContent(gathering.number, locale);
  if (!content) notFound();
  // Part 1 is the guides' own: the network's programansvarlig and guides see it, the owners' people
  // see what they are to do themselves.
  const forGuides = can(actor, "network:read", { type: "network", networkId: programme.network_id });
  const link = (to: string) => programmeLink(to, programme.id);
  const part = (p: { goals: string[]; selfStudy: { text: string; link?: string }[] } | undefined) =>
    p
      ? {
          goals: p.goals,
          selfStudy: p.selfStudy.map((s) => ({ text: s.text, link: s.link ? link(s.link) : null })),
        }
      : null;
  const modules = listModules(locale).flatMap((pkg) =>
    pkg.modules
      .filter((m) => content.modules.includes(`${pkg.pkg}/${m.mod}`))
      .map((m) => ({ href: `/kompetanse/${pkg.pkg}/${m.mod}`, title: m.title, minutes: m.minutes })),
  );
  const url = new URL(args.request.url);
  return {
    programme: { id: programme.id, name: programme.name },
    number: gathering.number,
    heldOn: gathering.held_on,
    place: gathering.place,
    guides: forGuides ? part(content.guides) : null,
    participants: part(content.participants),
    modules,
    /** The programme's own agenda, or the template's suggestion until one is written. */
    agenda: gathering.agenda ? gathering.agenda.split("\n") : content.agenda,
    ownAgenda: gathering.agenda !== null,
    suggestion: content.agenda,
    canManage,
    canAttend: gathering.number > 0 && attendable.length > 0,
    saved: url.searchParams.get("lagret") === "1",
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, programme, gathering, canManage } = await loadGathering(args);
  if (!canManage) notFound();
  const form = await readForm(args.request);
  const raw = formObject(form, []);
  const parsed = parseObject(ZAgenda, raw);
  if (!parsed.ok)
    return data({ errors: parsed.errors, values: raw as Record<string, string> }, { status: 400 });
  await saveAgenda(services.db, {
    programmeId: programme.id,
    networkId: programme.network_id,
    number: gathering.number,
    // "Use the suggestion" and an emptied field both go back to the template's agenda.
    agenda: form.get("intent") === "forslag" || parsed.data.agenda.length === 0 ? null : parsed.data.agenda,
    userId: actor.userId,
  });
  return redirect(`/program/${programme.id}/samling/${gathering.number}?lagret=1#agenda`, 303);
}

function Part({
  id,
  title,
  part,
  studyTitle,
}: {
  id: string;
  title: string;
  part: { goals: string[]; selfStudy: { text: string; link: string | null }[] };
  studyTitle: string;
}) {
  const t = useT();
  return (
    <section aria-labelledby={id} className="stack prose">
      <h2 className="ds-heading" data-size="md" id={id}>
        {title}
      </h2>
      <h3 className="ds-heading" data-size="xs" id={`${id}-mal`}>
        {t("programme.gatheringPage.goals")}
      </h3>
      <ul className="ds-list" aria-labelledby={`${id}-mal`}>
        {part.goals.map((g) => (
          <li key={g}>{g}</li>
        ))}
      </ul>
      <h3 className="ds-heading" data-size="xs" id={`${id}-egen`}>
        {studyTitle}
      </h3>
      <ul className="ds-list" aria-labelledby={`${id}-egen`}>
        {part.selfStudy.map((s) => (
          <li key={s.text}>
            {s.link ? (
              <Link className="ds-link" to={s.link}>
                {s.text}
              </Link>
            ) : (
              s.text
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function ProgramSamling({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const theme = t(`programme.gathering.${d.number}.title` as MessageKey);
  const studyTitle =
    d.number < 4
      ? t("programme.gatheringPage.selfStudy", { next: d.number + 1 })
      : t("programme.gatheringPage.afterwards");
  return (
    <div className="stack-lg">
      <div className="stack prose">
        <PageHeading back={{ to: `/program/${d.programme.id}#samling-${d.number}`, label: d.programme.name }}>
          {t("programme.gathering.heading", { number: d.number })}: {theme}
        </PageHeading>
        <p className="ds-paragraph">
          {d.heldOn ? formatDate(d.heldOn, locale) : t("programme.gathering.noDate")}
          {d.place ? `, ${d.place}` : ""}
        </p>
        <p className="ds-paragraph">
          {d.number === 0
            ? t("programme.gathering.0.guides")
            : t(`programme.gathering.${d.number}.participants` as MessageKey)}
        </p>
        {d.number === 0 && !d.guides ? (
          <p className="ds-paragraph">{t("programme.gatheringPage.guidesOnly")}</p>
        ) : null}
        {d.canAttend ? (
          <p className="ds-paragraph">
            <Link className="ds-link" to={`/program/${d.programme.id}/oppmote/${d.number}`}>
              {t("groups.attendance.record")}
            </Link>
          </p>
        ) : null}
      </div>
      <section aria-labelledby="agenda" className="stack prose">
        <h2 className="ds-heading" data-size="md" id="agenda" tabIndex={-1}>
          {t("programme.agenda.title")}
        </h2>
        {d.saved ? <Notice>{t("programme.agenda.saved")}</Notice> : null}
        {d.ownAgenda ? null : <p className="ds-paragraph">{t("programme.agenda.suggested")}</p>}
        <ol className="ds-list">
          {d.agenda.map((point, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: an agenda may repeat a point (e.g. "Pause")
            <li key={i}>{point}</li>
          ))}
        </ol>
        {d.canManage ? (
          <Form method="post" action="#agenda" className="stack" noValidate>
            <ErrorSummary state={actionData ?? null} />
            <TextAreaField
              name="agenda"
              label={t("programme.agenda.label")}
              description={t("programme.agenda.help", {
                points: AGENDA_POINTS,
                length: AGENDA_POINT_LENGTH,
              })}
              rows={Math.max(6, d.agenda.length + 2)}
              defaultValue={actionData?.values.agenda ?? d.agenda.join("\n")}
              error={actionData?.errors.agenda}
            />
            <p className="button-row">
              <button type="submit" className="ds-button" name="intent" value="lagre">
                {t("programme.agenda.save")}
              </button>
              {d.ownAgenda ? (
                <button
                  type="submit"
                  className="ds-button"
                  data-variant="secondary"
                  name="intent"
                  value="forslag"
                >
                  {t("programme.agenda.reset")}
                </button>
              ) : null}
            </p>
          </Form>
        ) : null}
      </section>
      {d.guides ? (
        <Part
          id="veiledere"
          title={t("programme.gatheringPage.part1")}
          part={d.guides}
          studyTitle={studyTitle}
        />
      ) : null}
      {d.participants ? (
        <Part
          id="deltakere"
          title={t("programme.gatheringPage.part2")}
          part={d.participants}
          studyTitle={studyTitle}
        />
      ) : null}
      <section aria-labelledby="kurs" className="stack prose">
        <h2 className="ds-heading" data-size="md" id="kurs">
          {t("programme.gatheringPage.modules")}
        </h2>
        <p className="ds-paragraph">{t("programme.gatheringPage.modulesLead")}</p>
        <ul className="ds-list">
          {d.modules.map((m) => (
            <li key={m.href}>
              <Link className="ds-link" to={m.href}>
                {m.title}
              </Link>{" "}
              ({t("programme.gatheringPage.minutes", { minutes: m.minutes })})
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ressurser" className="stack prose">
        <h2 className="ds-heading" data-size="md" id="ressurser">
          {t("programme.gatheringPage.resources")}
        </h2>
        <p className="ds-paragraph">
          <Link className="ds-link" to={`/program/${d.programme.id}/ressurser?samling=${d.number}`}>
            {t("programme.gatheringPage.resourcesLink", { number: d.number })}
          </Link>
        </p>
      </section>
    </div>
  );
}
