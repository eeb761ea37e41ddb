import type { Locale } from "../../i18n/locales.ts";
import { createT, type MessageKey } from "../../i18n/translate.ts";
import { reportOf } from "../exports/render.server.ts";
import { onDay, type Report } from "../exports/report.ts";
import { measureWordsIn, type questionOfMeasure } from "./measure-question.server.ts";
import type { ListedMeasure } from "./plan.server.ts";
import { priority } from "./priority.ts";

/**
 * The action plan in the order the page shows it: each measure with who, when, status and why. A
 * measure still in the question bank's words (`questionOf` finds its question) is written in the
 * report's bokmål or nynorsk, as the pages show it.
 */
export function planReport(
  measures: ListedMeasure[],
  owner: string,
  locale: Locale,
  questionOf: ReturnType<typeof questionOfMeasure>,
): Report {
  const t = createT(locale);
  const label = (key: string) => t(key as MessageKey);
  const wordsOf = measureWordsIn(questionOf, locale);
  return reportOf(t("plan.title"), {
    owner,
    locale,
    sections: [
      {
        blocks: [
          {
            kind: "records",
            sheet: t("plan.title"),
            titleLabel: t("plan.column.measure"),
            fields: [
              { label: t("plan.field.description"), width: 50 },
              { label: t("plan.column.responsible"), width: 24 },
              { label: t("plan.column.due"), width: 14 },
              { label: t("plan.column.status"), width: 14 },
              { label: t("plan.field.progress"), width: 50 },
              { label: t("plan.doneOn"), width: 14 },
              { label: t("plan.column.processing"), width: 30 },
              { label: t("plan.field.service"), width: 30 },
              { label: t("plan.field.dpia"), width: 30 },
              { label: t("priority.field.priority"), width: 10 },
              { label: t("plan.field.effort"), width: 12 },
              { label: t("plan.field.why"), width: 40 },
              { label: t("plan.field.effect"), width: 40 },
            ],
            records: measures.map((m) => {
              const words = wordsOf(m);
              return {
                title: words.title,
                values: [
                  words.description,
                  m.responsible_name ?? "",
                  onDay(m.due_on),
                  label(`plan.status.${m.status}`),
                  m.progress_note,
                  onDay(m.done_on),
                  m.processing_name ?? "",
                  m.service_name ?? "",
                  m.dpia_title ?? "",
                  priority(m),
                  label(`plan.effort.${m.effort}`),
                  m.reason,
                  m.effect,
                ],
              };
            }),
            empty: t("plan.export.empty"),
          },
        ],
      },
    ],
  });
}
