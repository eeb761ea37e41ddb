/** A name as part of a file name: "Foreldreapp (barnehage)" gives "foreldreapp-barnehage". */
const slug = (name: string) =>
  name
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();

/**
 * A file name for a download: "handlingsplan" and "Demo kommune" give "handlingsplan-demo-kommune.xlsx".
 * A register's one assessment names the owner, then itself: "dpia", ["Demo kommune", "Foreldreapp"]
 * give "dpia-demo-kommune-foreldreapp.pdf".
 */
export const downloadName = (prefix: string, name: string | readonly string[], extension: string) =>
  `${[prefix, ...[name].flat().map(slug)].filter(Boolean).join("-")}.${extension}`;

/** "ros-læringsplattform.pdf" as plain ASCII, "ros-laeringsplattform.pdf", for clients that read no other. */
const asciiName = (filename: string) =>
  filename
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "AE")
    .replace(/ø/g, "o")
    .replace(/Ø/g, "O")
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]/g, "");

/**
 * An exported file as a download that no cache keeps (it holds the owner's data). The name goes
 * twice: in ASCII, and as written (RFC 6266) so that browsers save «ros-læringsplattform.pdf».
 */
export function download(file: Uint8Array, type: string, filename: string) {
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${asciiName(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
