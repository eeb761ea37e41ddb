import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Locale } from "../../i18n/locales.ts";
import { createT, type MessageKey } from "../../i18n/translate.ts";
import { formatDate } from "../../lib/time.ts";
import { riskLevel } from "./criteria.ts";
import type { DpiaSnapshot } from "./snapshot.ts";

/**
 * The DPIA as a Word document for the DPO and the owner's management: every section in the order
 * of art. 35(7), the risks as a table, the advice and the approval.
 */
export function dpiaDocx(
  s: DpiaSnapshot,
  options: { owner: string; status: string; locale: Locale },
): Promise<Buffer> {
  const t = createT(options.locale);
  const label = (key: string) => t(key as MessageKey);
  const heading = (text: string) =>
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
  // A text kept with line breaks: one paragraph per line.
  const body = (text: string) =>
    (text.trim() === "" ? t("dpia.notWritten") : text)
      .split("\n")
      .map((line) => new Paragraph({ children: [new TextRun(line)] }));
  const field = (name: string, text: string) => [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(name)] }),
    ...body(text),
  ];
  /** One of the opening facts: "Tjeneste: Krokus barnehageapp". */
  const fact = (name: string, text: string) => new Paragraph({ children: [new TextRun(`${name}: ${text}`)] });
  const level = (l: number, c: number) =>
    `${label(`dpia.level.${riskLevel(l * c)}`)} (${l} × ${c} = ${l * c})`;
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const chosen = (ids: string[], prefix: string) =>
    ids.length === 0
      ? [new Paragraph({ children: [new TextRun(t("dpia.noneChosen"))] })]
      : ids.map(
          (id) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(label(`${prefix}.${id}`))] }),
        );
  const doc = new Document({
    creator: "Oppvern",
    title: s.title,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(s.title)] }),
          new Paragraph({ children: [new TextRun(`${t("dpia.title")} – ${options.owner}`)] }),
          new Paragraph({ children: [new TextRun(t("dpia.statusLine", { status: options.status }))] }),
          ...(s.processing ? [fact(t("dpia.field.processing"), s.processing)] : []),
          ...(s.service
            ? [
                fact(
                  t("dpia.field.service"),
                  s.serviceSupplier?.trim()
                    ? t("dpia.serviceBySupplier", { service: s.service, supplier: s.serviceSupplier.trim() })
                    : s.service,
                ),
              ]
            : []),
          heading(t("dpia.section.screening")),
          new Paragraph({
            heading: HeadingLevel.HEADING_2,
            children: [new TextRun(t("dpia.field.criteria"))],
          }),
          ...chosen(s.criteria, "dpia.criterion"),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(t("dpia.field.list"))] }),
          ...chosen(s.listItems, "dpia.listItem"),
          ...field(t("dpia.field.conclusion"), label(`dpia.conclusion.${s.conclusion}`)),
          ...(s.screeningNote ? field(t("dpia.field.screeningNote"), s.screeningNote) : []),
          heading(t("dpia.section.description")),
          ...field(t("dpia.field.what"), s.what),
          ...field(t("dpia.field.purpose"), s.purpose),
          ...field(t("dpia.field.who"), s.who),
          ...field(t("dpia.field.dataTypes"), s.dataTypes),
          ...field(t("dpia.field.systems"), s.systems),
          ...field(t("dpia.field.retention"), s.retention),
          heading(t("dpia.section.necessity")),
          ...field(t("dpia.field.necessity"), s.necessity),
          ...field(t("dpia.field.proportionality"), s.proportionality),
          heading(t("dpia.section.risks")),
          ...(s.risks.length === 0
            ? [new Paragraph({ children: [new TextRun(t("dpia.risk.none"))] })]
            : [
                new Table({
                  width: { size: 100, type: WidthType.PERCENTAGE },
                  rows: [
                    new TableRow({
                      tableHeader: true,
                      children: [
                        cell(t("dpia.risk.threat"), true),
                        cell(t("dpia.risk.before"), true),
                        cell(t("dpia.risk.measure"), true),
                        cell(t("dpia.risk.after"), true),
                      ],
                    }),
                    ...s.risks.map(
                      (r) =>
                        new TableRow({
                          children: [
                            cell(r.threat),
                            cell(level(r.likelihood, r.consequence)),
                            cell(r.measure),
                            cell(level(r.likelihoodAfter, r.consequenceAfter)),
                          ],
                        }),
                    ),
                  ],
                }),
              ]),
          heading(t("dpia.section.measures")),
          ...body(s.measures),
          heading(t("dpia.section.advice")),
          ...body(s.advice),
          ...(s.adviceAt
            ? [
                new Paragraph({
                  children: [
                    new TextRun(
                      t("dpia.advice.by", {
                        name: s.adviceBy ?? t("dpia.someone"),
                        date: formatDate(s.adviceAt.slice(0, 10), options.locale),
                      }),
                    ),
                  ],
                }),
              ]
            : []),
          heading(t("dpia.section.approval")),
          new Paragraph({
            children: [
              new TextRun(
                s.approvedAt
                  ? t("dpia.approvedBy", {
                      name: s.approvedBy ?? t("dpia.someone"),
                      date: formatDate(s.approvedAt.slice(0, 10), options.locale),
                    })
                  : t("dpia.notApproved"),
              ),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
