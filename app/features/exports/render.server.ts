import type { Locale } from "../../i18n/locales.ts";
import { createT } from "../../i18n/translate.ts";
import { dayInNorway, formatDate } from "../../lib/time.ts";
import { download, downloadName } from "./download.server.ts";
import { EXPORT_TYPES, type ExportFormat, type Field, type Report, type Section } from "./report.ts";

/** The start of every report: its title, the owner and the day of export, in the reader's language. */
export function reportOf(
  title: string,
  options: { owner: string; locale: Locale; meta?: Field[]; sections: Section[] },
): Report {
  const t = createT(options.locale);
  return {
    title,
    lang: options.locale,
    meta: [
      { label: t("export.owner"), value: options.owner },
      { label: t("export.exported"), value: formatDate(dayInNorway(), options.locale) },
      ...(options.meta ?? []),
    ],
    sections: options.sections,
    words: {
      about: t("export.about"),
      document: t("export.document"),
      field: t("export.field"),
      value: t("export.value"),
      page: (n, of) => t("export.page", { n, of }),
    },
  };
}

/** The file of a report in one format. Each writer (exceljs, docx, pdfkit) loads on its first export, not at start. */
export async function renderReport(dirty: Report, format: ExportFormat): Promise<Uint8Array> {
  const report = withoutSoftHyphens(dirty);
  if (format === "xlsx") return (await import("./xlsx.server.ts")).reportXlsx(report);
  if (format === "docx") return (await import("./docx.server.ts")).reportDocx(report);
  return (await import("./pdf.server.ts")).reportPdf(report);
}

/** A report as a download: "avvikslogg-demo-kommune.pdf", "ros-demo-kommune-laeringsplattform.pdf". */
export async function reportDownload(
  report: Report,
  format: ExportFormat,
  prefix: string,
  name: string | readonly string[],
) {
  return download(
    await renderReport(report, format),
    EXPORT_TYPES[format],
    downloadName(prefix, name, format),
  );
}

/** Soft hyphens help a page break long words; in a file they show as stray hyphens, so they go. */
function withoutSoftHyphens<T>(value: T): T {
  if (typeof value === "string") return value.replaceAll("\u00ad", "") as T;
  if (Array.isArray(value)) return value.map(withoutSoftHyphens) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutSoftHyphens(v)])) as T;
  return value;
}
