import { data, Form, redirect } from "react-router";
import { ChoiceGroup, ErrorSummary } from "../components/form.tsx";
import { PageHeading } from "../components/page-heading.tsx";
import { listAttendance, saveAttendance } from "../features/programme/groups.server.ts";
import { loadProgramme } from "../features/programme/programme-page.server.ts";
import { ZAttendance } from "../features/programme/schemas.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { fieldReaders, formObject, parseObject } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { notFound, readForm } from "../lib/route.server.ts";
import { formatDate } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/program-oppmote";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "groups.attendance.title");

/**
 * A gathering's attendance, for those who may record it for some owner (the programansvarlig for
 * all, a guide for their group's owners), else 404. Gathering 0 is the guides' own: no owners.
 */
async function loadGathering(args: Route.LoaderArgs | Route.ActionArgs) {
  const page = await loadProgramme(args.context, args.request, args.params.id);
  const gathering = page.programme.gatherings.find((g) => String(g.number) === args.params.number);
  if (!gathering || gathering.number === 0 || page.attendable.length === 0) notFound();
  return { ...page, gathering };
}

export async function loader(args: Route.LoaderArgs) {
  const { services, programme, gathering, attendable } = await loadGathering(args);
  const attended = (await listAttendance(services.db, programme.id)).get(gathering.number) ?? new Set();
  return {
    programme: { id: programme.id, name: programme.name },
    gathering,
    owners: attendable,
    attended: attendable.filter((o) => attended.has(o.id)).map((o) => o.id),
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, programme, gathering, attendable } = await loadGathering(args);
  const raw = formObject(await readForm(args.request), ["deltok"]);
  const parsed = parseObject(ZAttendance, raw);
  if (!parsed.ok || !parsed.data.deltok.every((id) => attendable.some((o) => o.id === id)))
    return data({ errors: { deltok: "programme.unknownOwner" }, values: raw }, { status: 400 });
  await saveAttendance(services.db, {
    programmeId: programme.id,
    networkId: programme.network_id,
    number: gathering.number,
    ownerIds: attendable.map((o) => o.id),
    attended: parsed.data.deltok,
    userId: actor.userId,
  });
  return redirect(`/program/${programme.id}?oppmote=${gathering.number}#samling-${gathering.number}`, 303);
}

export default function ProgramOppmote({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { list } = fieldReaders(actionData?.values);
  const title = `${t("programme.gathering.heading", { number: d.gathering.number })}: ${t(
    `programme.gathering.${d.gathering.number}.title` as MessageKey,
  )}`;
  return (
    <div className="stack-lg prose">
      <div className="stack">
        <PageHeading
          back={{ to: `/program/${d.programme.id}#samling-${d.gathering.number}`, label: d.programme.name }}
        >
          {t("groups.attendance.heading", { gathering: title })}
        </PageHeading>
        <p className="ds-paragraph">
          {d.gathering.held_on ? formatDate(d.gathering.held_on, locale) : t("programme.gathering.noDate")}
          {d.gathering.place ? `, ${d.gathering.place}` : ""}
        </p>
      </div>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={actionData ? { errors: actionData.errors } : null} />
        <ChoiceGroup
          name="deltok"
          type="checkbox"
          legend={t("groups.attendance.legend")}
          description={t("groups.attendance.help")}
          options={d.owners.map((o) => ({ value: o.id, label: o.name }))}
          chosen={actionData ? list("deltok") : d.attended}
          error={actionData?.errors.deltok}
        />
        <p>
          <button type="submit" className="ds-button">
            {t("groups.attendance.save")}
          </button>
        </p>
      </Form>
    </div>
  );
}
