import { Form, Link } from "react-router";
import type { OwnerPart } from "../features/programme/programme-page.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { Notice } from "./form.tsx";
import { CommentThread } from "./programme-share.tsx";

/** What an owner can share with the programme: the form field, the owner's setting, and its words. */
const SHARES = [
  {
    name: "fremdrift",
    key: "progress",
    label: "groups.share.progress",
    short: "groups.share.progressShort",
  },
  { name: "resultater", key: "scores", label: "groups.share.scores", short: "groups.share.scoresShort" },
] as const satisfies readonly {
  name: string;
  key: keyof OwnerPart["share"];
  label: MessageKey;
  short: MessageKey;
}[];

/**
 * The part of the programme page for an owner's own people (koordinator, personvernombud): what
 * the owner shares with the programme, and the guide's comments with a form to answer.
 */
export function OwnerPartView({
  programmeId,
  part,
  idPrefix,
  refused,
  saved,
  commentNotice,
}: {
  programmeId: string;
  part: OwnerPart;
  idPrefix: string;
  refused: { intent: string; errors: Record<string, string>; values: Record<string, string> } | null;
  saved: boolean;
  commentNotice: "endret" | "slettet" | null;
}) {
  const t = useT();
  return (
    <article className="ds-card measure-card stack prose" aria-labelledby={idPrefix} id={`${idPrefix}-del`}>
      <h3 className="ds-heading" data-size="sm" id={idPrefix}>
        {part.name}
      </h3>
      <p className="ds-paragraph">
        {part.groupName
          ? t("groups.mine.inGroup", {
              group: part.groupName,
              guide: part.guideName ?? t("groups.noGuideShort"),
            })
          : t("groups.mine.noGroup")}
      </p>
      <div className="stack">
        <h4 className="ds-heading" data-size="2xs">
          {t("groups.share.title")}
        </h4>
        {saved ? <Notice>{t("groups.share.saved")}</Notice> : null}
        {part.canShare ? (
          <Form method="post" action={`#${idPrefix}-del`} className="stack" noValidate>
            <input type="hidden" name="intent" value="del" />
            <input type="hidden" name="eier" value={part.id} />
            <fieldset className="ds-fieldset" aria-describedby={`${idPrefix}-del-desc`}>
              <legend className="ds-label">{t("groups.share.legend")}</legend>
              <p id={`${idPrefix}-del-desc`} className="ds-paragraph" data-size="sm">
                {t("groups.share.help")}
              </p>
              {SHARES.map((share) => (
                <div className="ds-field" key={share.name}>
                  <input
                    className="ds-input"
                    type="checkbox"
                    id={`${idPrefix}-${share.name}`}
                    name={share.name}
                    value="ja"
                    defaultChecked={part.share[share.key]}
                  />
                  <label className="ds-label" data-weight="regular" htmlFor={`${idPrefix}-${share.name}`}>
                    {t(share.label)}
                  </label>
                </div>
              ))}
            </fieldset>
            <p>
              <button type="submit" className="ds-button" data-variant="secondary">
                {t("groups.share.save")}
                <span className="ds-sr-only">: {part.name}</span>
              </button>
            </p>
          </Form>
        ) : (
          <p className="ds-paragraph">
            {SHARES.some((share) => part.share[share.key])
              ? t("groups.share.now", {
                  parts: SHARES.filter((share) => part.share[share.key])
                    .map((share) => t(share.short))
                    .join(", "),
                })
              : t("groups.share.nothing")}
          </p>
        )}
      </div>
      {part.comments ? (
        <CommentThread
          programmeId={programmeId}
          comments={part.comments}
          notice={commentNotice}
          ownerId={part.id}
          ownerName={part.name}
          idPrefix={`${idPrefix}k`}
          refused={refused && refused.intent === "kommentar" ? refused : null}
          formLabel={t("groups.comments.answer")}
          submitLabel={t("groups.comments.sendAnswer")}
          level={4}
        />
      ) : null}
      {part.canLeave ? (
        <p className="ds-paragraph">
          <Link className="ds-link" to={`/program/${programmeId}/forlat/${part.id}`}>
            {t("programme.leave.link")}
            <span className="ds-sr-only">: {part.name}</span>
          </Link>
        </p>
      ) : null}
    </article>
  );
}
