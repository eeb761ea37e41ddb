import type { Locale } from "../../i18n/locales.ts";
import { createT, type MessageKey } from "../../i18n/translate.ts";
import { minuteInNorway } from "../../lib/time.ts";
import { renderReport, reportOf } from "../exports/render.server.ts";
import { buildWorkbook } from "../exports/xlsx.server.ts";
import { bankLocale } from "./bank.server.ts";
import type { RoundResults } from "./results.server.ts";

interface ReportInput {
  owner: string;
  title: string;
  status: "open" | "closed";
  results: RoundResults;
  /** Every person's answer, for the spreadsheet. */
  answers: {
    scope: string;
    question_id: string;
    user_name: string;
    level: number | null;
    not_relevant: number;
    reason: string;
    comment: string;
    evidence_url: string;
    updated_at: string;
  }[];
  /** Uploaded evidence files, listed with a link in the spreadsheet. */
  files?: { scope: string; question_id: string; filename: string; url: string; user_name: string | null }[];
  locale: Locale;
}

const partName = (t: ReturnType<typeof createT>, scope: { scope: string; name: string }) =>
  scope.scope === "eier" ? t("assessment.ownerPart", { name: scope.name }) : scope.name;

/** The summary every format shares: scores per area, weakest areas and gaps with measures. */
function summary(input: ReportInput) {
  const t = createT(input.locale);
  const lang = bankLocale(input.locale);
  const r = input.results;
  return {
    t,
    heading: `${t("assessment.reportTitle")} – ${input.title}`,
    areas: r.areas.map((a) => ({
      title: a.area.tittel[lang],
      score: a.score,
      answered: a.answered,
      total: a.total,
    })),
    matrix: r.matrix.map((m) => ({ name: partName(t, m.scope), scores: m.scores })),
    gaps: r.gaps.map((g) => ({
      id: g.question.id,
      where: partName(t, g.scope),
      area: g.area.tittel[lang],
      question: g.question.tekst[lang],
      level: g.level,
      measures: g.question.tiltak.map(
        (m) => `${m.tekst[lang]} (${t(`assessment.effort.${m.innsats}` as MessageKey)})`,
      ),
    })),
  };
}

/** XLSX: a summary sheet, the units × areas sheet, and every answer with comment and evidence. */
export async function reportXlsx(input: ReportInput): Promise<Buffer> {
  const s = summary(input);
  const { t } = s;
  const lang = bankLocale(input.locale);
  const scopeName = new Map(input.results.matrix.map((m) => [m.scope.scope, partName(t, m.scope)]));
  const question = new Map(input.results.rows.map((r) => [r.question.id, r]));
  const finalRows = input.results.rows.map((r) => [
    scopeName.get(r.scope.scope) ?? r.scope.name,
    r.area.tittel[lang],
    r.question.id,
    r.question.tekst[lang],
    r.answer.notRelevant ? t("assessment.notRelevant") : (r.answer.level ?? ""),
    t(`assessment.source.${r.answer.source}` as MessageKey),
    r.question.vekt,
  ]);
  return buildWorkbook([
    {
      name: t("assessment.export.summary"),
      columns: [
        { header: t("assessment.area"), width: 44 },
        { header: t("assessment.score"), width: 12 },
        { header: t("assessment.answered"), width: 12 },
      ],
      rows: [
        ...s.areas.map((a) => [a.title, a.score, `${a.answered} / ${a.total}`]),
        [t("assessment.overall"), input.results.overall, ""],
      ],
    },
    {
      name: t("assessment.heatmap"),
      columns: [
        { header: t("assessment.part"), width: 32 },
        ...s.areas.map((a) => ({ header: a.title, width: 16 })),
      ],
      rows: s.matrix.map((m) => [m.name, ...m.scores]),
    },
    {
      name: t("assessment.export.final"),
      columns: [
        { header: t("assessment.part"), width: 28 },
        { header: t("assessment.area"), width: 30 },
        { header: "ID", width: 24 },
        { header: t("assessment.export.question"), width: 60 },
        { header: t("assessment.export.level"), width: 10 },
        { header: t("assessment.export.source"), width: 16 },
        { header: t("assessment.export.weight"), width: 8 },
      ],
      rows: finalRows,
    },
    {
      name: t("assessment.export.answers"),
      columns: [
        { header: t("assessment.part"), width: 28 },
        { header: "ID", width: 24 },
        { header: t("assessment.export.question"), width: 60 },
        { header: t("assessment.export.person"), width: 22 },
        { header: t("assessment.export.level"), width: 10 },
        { header: t("assessment.export.reason"), width: 30 },
        { header: t("assessment.export.comment"), width: 40 },
        { header: t("assessment.export.evidence"), width: 40 },
        { header: t("assessment.export.when"), width: 18 },
      ],
      rows: input.answers.map((a) => [
        scopeName.get(a.scope) ?? a.scope,
        a.question_id,
        question.get(a.question_id)?.question.tekst[lang] ?? "",
        a.user_name,
        a.not_relevant ? t("assessment.notRelevant") : (a.level ?? ""),
        a.reason,
        a.comment,
        a.evidence_url,
        minuteInNorway(a.updated_at),
      ]),
    },
    {
      name: t("assessment.export.files"),
      columns: [
        { header: t("assessment.part"), width: 28 },
        { header: "ID", width: 24 },
        { header: t("assessment.export.file"), width: 40 },
        { header: t("assessment.export.person"), width: 22 },
        { header: t("assessment.export.link"), width: 70 },
      ],
      rows: (input.files ?? []).map((f) => [
        scopeName.get(f.scope) ?? f.scope,
        f.question_id,
        f.filename,
        f.user_name ?? "",
        f.url,
      ]),
    },
    {
      name: t("assessment.export.gaps"),
      columns: [
        { header: t("assessment.part"), width: 28 },
        { header: t("assessment.area"), width: 30 },
        { header: t("assessment.export.question"), width: 60 },
        { header: t("assessment.export.level"), width: 10 },
        { header: t("assessment.measures"), width: 80 },
      ],
      rows: s.gaps.map((g) => [g.where, g.area, g.question, g.level, g.measures.join("\n")]),
    },
  ]);
}

/**
 * The report as a document, one content for PDF and DOCX on the shared writers (decision 024): the
 * summary, the scores per area, the scores per part and area, and the gaps with their measures. The
 * PDF is tagged, so a screen reader reads headings and tables, and names in Sami print as written.
 * The scores per part are a table with the areas as numbered columns, so 53 units fit on a few pages.
 */
function documentReport(input: ReportInput) {
  const s = summary(input);
  const { t } = s;
  const r = input.results;
  return reportOf(s.heading, {
    owner: input.owner,
    locale: input.locale,
    meta: [
      {
        label: t("assessment.status"),
        value: t(input.status === "closed" ? "assessment.status.closed" : "assessment.status.open"),
      },
      { label: t("assessment.overall"), value: `${r.overall ?? "–"} / 100` },
    ],
    sections: [
      {
        blocks: [
          { kind: "text", label: t("assessment.overall"), text: t("assessment.coverage", r.coverage) },
        ],
      },
      {
        heading: t("assessment.byArea"),
        blocks: [
          {
            kind: "table",
            sheet: t("assessment.byArea"),
            columns: [
              { header: t("assessment.area"), width: 60 },
              { header: t("assessment.score"), width: 15 },
              { header: t("assessment.answered"), width: 15 },
            ],
            rows: s.areas.map((a, i) => [
              `${i + 1}. ${a.title}`,
              a.score ?? "–",
              `${a.answered} / ${a.total}`,
            ]),
            empty: "–",
          },
        ],
      },
      {
        heading: t("assessment.heatmap"),
        blocks: [
          { kind: "text", label: t("assessment.heatmap"), text: t("assessment.export.heatmapKey") },
          {
            kind: "table",
            sheet: t("assessment.heatmap"),
            columns: [
              { header: t("assessment.part"), width: 40 },
              ...s.areas.map((_, i) => ({ header: String(i + 1), width: 7 })),
            ],
            rows: s.matrix.map((m) => [m.name, ...m.scores.map((x) => x ?? "–")]),
            empty: "–",
          },
        ],
      },
      {
        heading: t("assessment.gaps", { count: s.gaps.length }),
        blocks: [
          {
            kind: "records",
            sheet: t("assessment.export.gaps"),
            titleLabel: t("assessment.export.question"),
            fields: [
              { label: t("assessment.area") },
              { label: t("assessment.export.where") },
              { label: t("assessment.measures") },
            ],
            records: gapsByQuestion(s.gaps).map((g) => ({
              title: g.question,
              values: [
                g.area,
                g.where.map((w) => `${w.part}: ${t("assessment.level")} ${w.level}`).join("\n"),
                g.measures.map((m) => `• ${m}`).join("\n"),
              ],
            })),
            empty: "–",
          },
        ],
      },
    ],
  });
}

/**
 * The gaps one question at a time, with every part where it is a gap and its level there, in the
 * order of the gaps (weightiest first). An owner whose 40 units share a weak question reads it, and
 * its measures, once.
 */
function gapsByQuestion(gaps: ReturnType<typeof summary>["gaps"]) {
  const byQuestion = new Map<
    string,
    { question: string; area: string; measures: string[]; where: { part: string; level: number }[] }
  >();
  for (const g of gaps) {
    const seen = byQuestion.get(g.id);
    if (seen) seen.where.push({ part: g.where, level: g.level });
    else
      byQuestion.set(g.id, {
        question: g.question,
        area: g.area,
        measures: g.measures,
        where: [{ part: g.where, level: g.level }],
      });
  }
  return [...byQuestion.values()];
}

export const reportDocx = (input: ReportInput) => renderReport(documentReport(input), "docx");
export const reportPdf = (input: ReportInput) => renderReport(documentReport(input), "pdf");
