import type { ReactNode } from "react";
import { EXPORT_FORMATS } from "../features/exports/report.ts";
import { useT } from "../i18n/use-t.ts";

/**
 * The three downloads of an export ("/ros/<id>/eksport" gives …/xlsx, …/docx, …/pdf), each named by
 * its format: «Last ned som Word (DOCX)». `children` are further buttons of the same row.
 */
export function ExportLinks({ base, children }: { base: string; children?: ReactNode }) {
  const t = useT();
  return (
    <p className="button-row">
      {EXPORT_FORMATS.map((format) => (
        <a key={format} className="ds-button" data-variant="secondary" href={`${base}/${format}`} download>
          {t(`export.download.${format}`)}
        </a>
      ))}
      {children}
    </p>
  );
}
