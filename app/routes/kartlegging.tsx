import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import { ErrorSummary, Field } from "../components/form.tsx";
import { currentBank } from "../features/assessment/bank.server.ts";
import { createRound, listRounds } from "../features/assessment/rounds.server.ts";
import { buildEmail } from "../features/email/templates.server.ts";
import { listUnits } from "../features/orgs/owners.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { parseForm } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { notFound, readForm } from "../lib/route.server.ts";
import { loadAssessmentScope } from "../lib/scopes.server.ts";
import { dayInNorway, formatDate } from "../lib/time.ts";
import type { Route } from "./+types/kartlegging";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "assessment.title");

const ZNewRound = z.object({
  tittel: z.string().trim().min(3, "assessment.error.title").max(120, "assessment.error.titleLong"),
  frist: z
    .string()
    .trim()
    .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), "assessment.error.deadline")
    .refine((v) => v === "" || v >= dayInNorway(), "assessment.error.deadlinePast"),
});

/** The owner's units, and whether each has a leader to invite (a unit without one gets no e-mail). */
async function unitsWithLeaders(db: Parameters<typeof listUnits>[0], ownerId: string) {
  const units = await listUnits(db, ownerId);
  const led =
    units.length === 0
      ? []
      : await db
          .selectFrom("membership")
          .select("organisation_id")
          .where(
            "organisation_id",
            "in",
            units.map((u) => u.id),
          )
          .where("role", "=", "leder")
          .execute();
  const withLeader = new Set(led.map((m) => m.organisation_id));
  return units.map((u) => ({ id: u.id, name: u.name, hasLeader: withLeader.has(u.id) }));
}

/** The owner's rounds; the koordinator starts new ones here. Unit leaders see the rounds of their units. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, owner, ownerId, canManage, canAnswer } = await loadAssessmentScope(context, request);
  const rounds = await listRounds(services.db, ownerId);
  const roundUnits = await services.db
    .selectFrom("assessment_round_unit")
    .innerJoin("assessment_round", "assessment_round.id", "assessment_round_unit.round_id")
    .select(["assessment_round_unit.round_id", "assessment_round_unit.unit_id"])
    .where("assessment_round.owner_id", "=", ownerId)
    .execute();
  const visible = rounds.filter(
    (r) => canAnswer("eier") || roundUnits.some((u) => u.round_id === r.id && canAnswer(u.unit_id)),
  );
  return {
    owner: owner.name,
    canManage,
    rounds: visible.map((r) => ({
      ...r,
      units: roundUnits.filter((u) => u.round_id === r.id).length,
    })),
    units: canManage ? await unitsWithLeaders(services.db, ownerId) : [],
    bankVersion: currentBank().versjon,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { actor, services, ownerId, owner, canManage } = await loadAssessmentScope(context, request);
  if (!canManage) notFound();
  const form = await readForm(request);
  const parsed = parseForm(ZNewRound, form);
  const unitIds = form.getAll("enhet").map(String);
  if (!parsed.ok) return data({ ...parsed, unitIds }, { status: 400 });
  const { id, invited } = await createRound(services.db, {
    ownerId,
    title: parsed.data.tittel,
    deadline: parsed.data.frist || null,
    unitIds,
    bankVersion: currentBank().versjon,
    actorUserId: actor.userId,
  });
  for (const person of invited)
    await services.mailer.send(
      buildEmail("assessment", person.locale ?? "nb", {
        to: person.email,
        url: `${services.config.publicUrl}/kartlegging/${id}`,
        name: person.name,
        inviter: actor.name,
        organisation: `${owner.name} – ${person.unit_name}`,
        deadline: parsed.data.frist || null,
      }),
    );
  return redirect(`/kartlegging/${id}?startet=1`, 303);
}

export default function Kartlegging({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failed = actionData && "errors" in actionData ? actionData : null;
  const chosen = new Set(failed?.unitIds ?? d.units.map((u) => u.id));
  return (
    <div className="stack-lg">
      <div className="stack">
        <p className="ds-paragraph eyebrow">{d.owner}</p>
        <h1 className="ds-heading" data-size="lg">
          {t("assessment.title")}
        </h1>
        <p className="ds-paragraph">{t("assessment.lead")}</p>
      </div>
      <section aria-labelledby="runder" className="stack">
        <h2 className="ds-heading" data-size="sm" id="runder">
          {t("assessment.rounds")}
        </h2>
        {d.rounds.length === 0 ? (
          <p className="ds-paragraph">{t("assessment.noRounds")}</p>
        ) : (
          <table className="ds-table" data-size="sm">
            <thead>
              <tr>
                <th scope="col">{t("assessment.roundTitle")}</th>
                <th scope="col">{t("assessment.status")}</th>
                <th scope="col">{t("assessment.deadline")}</th>
                <th scope="col">{t("assessment.unitCount")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rounds.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link className="ds-link" to={`/kartlegging/${r.id}`}>
                      {r.title}
                    </Link>
                  </td>
                  <td>{t(`assessment.status.${r.status}` as MessageKey)}</td>
                  <td>{r.deadline ? formatDate(r.deadline, locale) : "–"}</td>
                  <td>{r.units}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {d.canManage ? (
        <section aria-labelledby="ny-runde" className="stack prose">
          <h2 className="ds-heading" data-size="sm" id="ny-runde">
            {t("assessment.newRound")}
          </h2>
          <p className="ds-paragraph">{t("assessment.newRoundLead", { version: d.bankVersion })}</p>
          <Form method="post" className="stack" noValidate>
            <ErrorSummary state={failed} />
            <Field name="tittel" label={t("assessment.roundTitle")} state={failed} required />
            <Field
              name="frist"
              label={t("assessment.deadline")}
              description={t("assessment.deadlineHelp")}
              type="date"
              state={failed}
            />
            <fieldset className="ds-fieldset">
              <legend className="ds-label">{t("assessment.chooseUnits")}</legend>
              <p className="ds-paragraph" data-size="sm">
                {t("assessment.chooseUnitsHelp")}
              </p>
              <div className="checkbox-columns">
                {d.units.map((u) => (
                  <div className="ds-field" key={u.id}>
                    <input
                      className="ds-input"
                      type="checkbox"
                      id={`enhet-${u.id}`}
                      name="enhet"
                      value={u.id}
                      defaultChecked={chosen.has(u.id)}
                    />
                    <label className="ds-label" htmlFor={`enhet-${u.id}`} data-weight="regular">
                      {u.name}
                      {u.hasLeader ? "" : ` – ${t("assessment.noLeader")}`}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <p>
              <button type="submit" className="ds-button">
                {t("assessment.start")}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
