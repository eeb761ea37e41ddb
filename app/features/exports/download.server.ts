/** A file name for a download: "handlingsplan" and "Demo kommune" give "handlingsplan-demo-kommune.xlsx". */
export const downloadName = (prefix: string, name: string, extension: string) =>
  `${prefix}-${name.replace(/[^\p{L}\p{N}]+/gu, "-").toLowerCase()}.${extension}`;

/** An exported file as a download that no cache keeps (it holds the owner's data). */
export function download(file: Uint8Array, type: string, filename: string) {
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
