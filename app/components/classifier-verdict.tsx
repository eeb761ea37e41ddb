import type { Answer } from "../features/classifier/classify.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useContentLang, useT } from "../i18n/use-t.ts";

export interface VerdictEntry {
  id: string;
  name: string;
}

/** The classifier's answer in words: the category, the special categories, doubt, reasons and catalogue entries. */
export function ClassifierVerdict({
  answer,
  entries,
  headingLevel = 2,
}: {
  answer: Answer;
  entries: VerdictEntry[];
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  // The reasons and the catalogue are written in bokmål and nynorsk: an English page marks them bokmål.
  const contentLang = useContentLang();
  const Heading = `h${headingLevel}` as const;
  const color =
    answer.kategori === "saerlig" || answer.usikker
      ? "danger"
      : answer.kategori === "ekstra_varsomhet"
        ? "warning"
        : answer.kategori === "alminnelig"
          ? "info"
          : "success";
  return (
    <div className="stack verdict">
      <div className="ds-alert" data-color={color}>
        <Heading className="ds-heading" data-size="xs">
          {t(`classifier.kategori.${answer.kategori}` as MessageKey)}
        </Heading>
        {answer.saerligeKategorier.length > 0 ? (
          <p className="ds-paragraph">
            {t("classifier.specialKinds")}{" "}
            {answer.saerligeKategorier.map((k) => t(`classifier.kind.${k}` as MessageKey)).join(", ")}
          </p>
        ) : null}
        {answer.usikker ? (
          <p className="ds-paragraph">
            <strong>{t("classifier.uncertain")}</strong>
          </p>
        ) : null}
      </div>
      <p className="ds-paragraph">
        <strong>{t("classifier.why")}</strong>
      </p>
      <ul className="ds-list" lang={contentLang}>
        {answer.begrunnelse.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {entries.length > 0 ? (
        <p className="ds-paragraph">
          {t("classifier.entries")}{" "}
          {entries.map((e, i) => (
            <span key={e.id}>
              {i > 0 ? ", " : ""}
              <a className="ds-link" href={`/personopplysninger/katalog#${e.id}`} lang={contentLang}>
                {e.name}
              </a>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
