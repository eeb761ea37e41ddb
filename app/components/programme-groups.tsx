import { Link } from "react-router";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { formatDate } from "../lib/time.ts";
import { ErrorSummary, Field, Notice } from "./form.tsx";

/** The programme's groups for everyone who reads the programme; links for those who follow one. */
export function GroupList({
  programmeId,
  groups,
  canManage,
}: {
  programmeId: string;
  groups: { id: string; name: string; guideName: string | null; owners: string[]; followed: boolean }[];
  canManage: boolean;
}) {
  const t = useT();
  return (
    <section aria-labelledby="grupper" className="stack prose">
      <h2 className="ds-heading" data-size="md" id="grupper">
        {t("groups.title")}
      </h2>
      {groups.length === 0 ? <p className="ds-paragraph">{t("groups.list.empty")}</p> : null}
      <ul className="ds-list">
        {groups.map((g) => (
          <li key={g.id}>
            {g.followed ? (
              <Link className="ds-link" to={`/program/${programmeId}/gruppe/${g.id}`}>
                {g.name}
              </Link>
            ) : (
              <strong>{g.name}</strong>
            )}
            {": "}
            {g.guideName ? t("groups.guidedBy", { guide: g.guideName }) : t("groups.noGuide")}{" "}
            {g.owners.length > 0
              ? t("groups.members", { owners: g.owners.join(", ") })
              : t("groups.owners.none")}
          </li>
        ))}
      </ul>
      {canManage ? (
        <p className="ds-paragraph">
          <Link className="ds-link" to={`/program/${programmeId}/grupper`}>
            {t("groups.manage.link")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** Who attended a gathering, and a link to record it for those who may. */
export function AttendanceLine({
  programmeId,
  number,
  attended,
  canRecord,
}: {
  programmeId: string;
  number: number;
  attended: string[];
  canRecord: boolean;
}) {
  const t = useT();
  return (
    <p className="ds-paragraph">
      {attended.length > 0
        ? t("groups.attendance.who", { owners: attended.join(", ") })
        : t("groups.attendance.none")}
      {canRecord ? (
        <>
          {" "}
          <Link className="ds-link" to={`/program/${programmeId}/oppmote/${number}`}>
            {t("groups.attendance.record")}
            <span className="ds-sr-only">: {t("programme.gathering.heading", { number })}</span>
          </Link>
        </>
      ) : null}
    </p>
  );
}

/** One gathering: its theme for guides and participants, when and where, who came; the schedule form for the programansvarlig. */
export function GatheringCard({
  programmeId,
  gathering: g,
  canManage,
  canAttend,
  attendanceSaved,
  refused,
}: {
  programmeId: string;
  gathering: { number: number; held_on: string | null; place: string; attended: string[] };
  canManage: boolean;
  canAttend: boolean;
  attendanceSaved: boolean;
  refused: { errors: Record<string, string>; values: Record<string, string> } | null;
}) {
  const t = useT();
  const locale = useLocale();
  const state = refused ? { errors: refused.errors, values: refused.values } : null;
  return (
    <li>
      <article className="ds-card measure-card stack" id={`samling-${g.number}`} tabIndex={-1}>
        <h3 className="ds-heading" data-size="xs">
          {t("programme.gathering.heading", { number: g.number })}:{" "}
          {t(`programme.gathering.${g.number}.title` as MessageKey)}
        </h3>
        <p className="ds-paragraph">
          {g.held_on ? formatDate(g.held_on, locale) : t("programme.gathering.noDate")}
          {g.place ? `, ${g.place}` : ""}
        </p>
        <dl className="facts">
          <div>
            <dt>{t("programme.gathering.forGuides")}</dt>
            <dd>{t(`programme.gathering.${g.number}.guides` as MessageKey)}</dd>
          </div>
          {g.number > 0 ? (
            <div>
              <dt>{t("programme.gathering.forParticipants")}</dt>
              <dd>{t(`programme.gathering.${g.number}.participants` as MessageKey)}</dd>
            </div>
          ) : null}
        </dl>
        <p className="ds-paragraph">
          <Link className="ds-link" to={`/program/${programmeId}/samling/${g.number}`}>
            {t("programme.gatheringPage.link")}
            <span className="ds-sr-only">: {t("programme.gathering.heading", { number: g.number })}</span>
          </Link>
        </p>
        {g.number > 0 ? (
          <AttendanceLine
            programmeId={programmeId}
            number={g.number}
            attended={g.attended}
            canRecord={canAttend}
          />
        ) : null}
        {attendanceSaved ? <Notice>{t("groups.attendance.saved")}</Notice> : null}
        {canManage ? (
          <form method="post" action={`#samling-${g.number}`} className="stack" noValidate>
            <ErrorSummary state={state} idPrefix={`s${g.number}`} />
            <input type="hidden" name="samling" value={g.number} />
            <Field
              name="dato"
              type="date"
              idPrefix={`s${g.number}`}
              label={t("programme.field.date")}
              defaultValue={g.held_on ?? ""}
              state={state}
            />
            <Field
              name="sted"
              idPrefix={`s${g.number}`}
              label={t("programme.field.place")}
              defaultValue={g.place}
              state={state}
            />
            <p>
              <button type="submit" className="ds-button" data-variant="secondary">
                {t("programme.schedule")}
                <span className="ds-sr-only">: {t("programme.gathering.heading", { number: g.number })}</span>
              </button>
            </p>
          </form>
        ) : null}
      </article>
    </li>
  );
}
