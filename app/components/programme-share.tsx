import { Form, Link } from "react-router";
import type { Progress } from "../features/programme/sharing.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { dayInNorway, formatDate, formatMoment } from "../lib/time.ts";
import { ErrorSummary, Notice, TextAreaField } from "./form.tsx";

export interface SharedData {
  progress: Progress | null;
  scores: {
    title: string;
    closedAt: string | null;
    areas: { id: string; name: string; score: number }[];
  } | null;
  share: { progress: boolean; scores: boolean };
}

/** What an owner shares, as a guide sees it: each part, or plainly that it is not shared. */
export function SharedStatus({ data: s, idPrefix }: { data: SharedData; idPrefix: string }) {
  const t = useT();
  const locale = useLocale();
  const p = s.progress;
  return (
    <div className="stack">
      <dl className="facts">
        <div>
          <dt>{t("groups.phase")}</dt>
          <dd>{p ? t(`groups.phase.${p.phase}` as MessageKey) : <NotShared />}</dd>
        </div>
        <div>
          <dt>{t("groups.round")}</dt>
          <dd>
            {!s.share.progress ? (
              <NotShared />
            ) : !p?.round ? (
              t("groups.round.none")
            ) : (
              t(p.round.status === "open" ? "groups.round.open" : "groups.round.closed", {
                title: p.round.title,
                answered: p.round.answered,
                total: p.round.total,
              })
            )}
          </dd>
        </div>
        <div>
          <dt>{t("groups.plan")}</dt>
          <dd>
            {!p ? (
              <NotShared />
            ) : p.plan.measures === 0 ? (
              t("groups.plan.none")
            ) : (
              t("groups.plan.progress", {
                done: p.plan.done,
                measures: p.plan.measures,
                overdue: p.plan.overdue,
              })
            )}
          </dd>
        </div>
      </dl>
      {!s.share.scores ? (
        <p className="ds-paragraph">
          {t("groups.scores")}: <NotShared />
        </p>
      ) : !s.scores || s.scores.areas.length === 0 ? (
        <p className="ds-paragraph">{t("groups.scores.none")}</p>
      ) : (
        <table className="ds-table score-table" data-border data-size="sm" id={`${idPrefix}-resultater`}>
          <caption>
            {t("groups.scores.caption", {
              title: s.scores.title,
              date: s.scores.closedAt ? formatDate(dayInNorway(s.scores.closedAt), locale) : "",
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("programme.figures.area")}</th>
              <th scope="col">{t("groups.scores.score")}</th>
            </tr>
          </thead>
          <tbody>
            {s.scores.areas.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                <td className="score-cell">{a.score}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function NotShared() {
  const t = useT();
  return <em>{t("groups.notShared")}</em>;
}

export interface Comment {
  id: string;
  author_name: string;
  side: "veileder" | "eier";
  body: string;
  created_at: string;
  edited_at: string | null;
  /** Written by the person reading: they may correct or delete it. */
  mine: boolean;
}

/** The comments between the guide and one owner, and a form to write one. */
export function CommentThread({
  programmeId,
  comments,
  ownerId,
  ownerName,
  idPrefix,
  refused,
  formLabel,
  submitLabel,
  notice = null,
  level = 3,
}: {
  programmeId: string;
  comments: Comment[];
  ownerId: string;
  ownerName: string;
  idPrefix: string;
  refused: { errors: Record<string, string>; values: Record<string, string> } | null;
  formLabel: string;
  submitLabel: string;
  /** A comment of this thread was just corrected or deleted. */
  notice?: "endret" | "slettet" | null;
  /** The heading level under the owner's own heading. */
  level?: 3 | 4;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="stack" id={`${idPrefix}-kommentarer`}>
      {level === 3 ? (
        <h3 className="ds-heading" data-size="xs">
          {t("groups.comments.title")}
        </h3>
      ) : (
        <h4 className="ds-heading" data-size="2xs">
          {t("groups.comments.title")}
        </h4>
      )}
      {notice ? <Notice>{t(`groups.comments.${notice}` as MessageKey)}</Notice> : null}
      {comments.length === 0 ? (
        <p className="ds-paragraph">{t("groups.comments.none")}</p>
      ) : (
        <ol className="stack-sm comment-list">
          {comments.map((c) => (
            <li key={c.id} className="stack-sm comment-entry">
              <p className="ds-paragraph" data-size="sm">
                <strong>{c.author_name}</strong> ({t(`groups.comments.side.${c.side}` as MessageKey)}),{" "}
                <time dateTime={c.created_at}>{formatMoment(c.created_at, locale)}</time>
                {c.edited_at ? (
                  <>
                    {" "}
                    ({t("groups.comments.edited")}{" "}
                    <time dateTime={c.edited_at}>{formatMoment(c.edited_at, locale)}</time>)
                  </>
                ) : null}
              </p>
              <p className="ds-paragraph comment-body">{c.body}</p>
              {c.mine ? (
                <p className="ds-paragraph" data-size="sm">
                  <Link className="ds-link" to={`/program/${programmeId}/kommentar/${c.id}`}>
                    {t("groups.comments.change")}
                    <span className="ds-sr-only">
                      {" "}
                      {t("groups.comments.changeWhich", { date: formatMoment(c.created_at, locale) })}
                    </span>
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <Form method="post" action={`#${idPrefix}-kommentarer`} className="stack" noValidate>
        <ErrorSummary state={refused} idPrefix={idPrefix} />
        <input type="hidden" name="intent" value="kommentar" />
        <input type="hidden" name="eier" value={ownerId} />
        <TextAreaField
          name="tekst"
          idPrefix={idPrefix}
          label={formLabel}
          description={t("groups.comments.help")}
          error={refused?.errors.tekst}
          defaultValue={refused?.values.tekst ?? ""}
          rows={3}
        />
        <p>
          <button type="submit" className="ds-button" data-variant="secondary">
            {submitLabel}
            <span className="ds-sr-only">: {ownerName}</span>
          </button>
        </p>
      </Form>
    </div>
  );
}
