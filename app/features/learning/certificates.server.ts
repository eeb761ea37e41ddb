import { randomInt } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { nowIso } from "../../lib/time.ts";

/** Letters and digits that are not mistaken for each other when typed from paper. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const newCertificateCode = () =>
  Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)])
    .join("")
    .replace(/^(.{5})/, "$1-");

export const normaliseCode = (code: string) => {
  const clean = code.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return clean.length === 10 ? `${clean.slice(0, 5)}-${clean.slice(5)}` : clean;
};

/** Gives an account a certificate for every module it has completed and has none for yet. */
export async function ensureCertificates(db: Kysely<Database>, userId: string) {
  const missing = await db
    .selectFrom("module_completion as c")
    .innerJoin("user as u", "u.id", "c.user_id")
    .leftJoin("certificate as z", (join) =>
      join
        .onRef("z.user_id", "=", "c.user_id")
        .onRef("z.package", "=", "c.package")
        .onRef("z.module", "=", "c.module"),
    )
    .select(["c.package", "c.module", "c.mode", "u.name"])
    .where("c.user_id", "=", userId)
    .where("z.code", "is", null)
    .execute();
  for (const m of missing) {
    await db
      .insertInto("certificate")
      .values({
        code: newCertificateCode(),
        user_id: userId,
        holder_name: m.name,
        package: m.package,
        module: m.module,
        mode: m.mode,
        issued_at: nowIso(),
        public: 1,
      })
      .onConflict((oc) => oc.columns(["user_id", "package", "module"]).doNothing())
      .execute();
  }
}

export function listCertificates(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom("certificate")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("issued_at", "desc")
    .execute();
}

/** The public view of a certificate: only while its holder lets it be verified. */
export function findPublicCertificate(db: Kysely<Database>, code: string) {
  return db
    .selectFrom("certificate")
    .select(["code", "holder_name", "package", "module", "mode", "issued_at"])
    .where("code", "=", normaliseCode(code))
    .where("public", "=", 1)
    .executeTakeFirst();
}

export function findOwnCertificate(db: Kysely<Database>, userId: string, code: string) {
  return db
    .selectFrom("certificate")
    .selectAll()
    .where("code", "=", normaliseCode(code))
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export async function setCertificatePublic(
  db: Kysely<Database>,
  userId: string,
  code: string,
  visible: boolean,
) {
  await db
    .updateTable("certificate")
    .set({ public: visible ? 1 : 0 })
    .where("code", "=", normaliseCode(code))
    .where("user_id", "=", userId)
    .execute();
}

export interface CertificateText {
  heading: string;
  holder: string;
  completed: string;
  module: string;
  date: string;
  mode: string;
  verify: string;
  code: string;
}

/**
 * Renders the certificate as an A4 PDF, tagged like the exports (decision 024): the language, the
 * title, a heading and paragraphs a screen reader reads in order, the coloured band as decoration.
 * Inter is embedded, so a name in Sami (Máret Ŋuolja, Čáhppe) prints as it is written.
 */
export async function renderCertificatePdf(text: CertificateText, lang: string): Promise<Buffer> {
  // pdfkit and the fonts load on the first certificate, not when the server starts.
  const { artifact, tag, taggedPdf, write } = await import("../exports/pdf.server.ts");
  return taggedPdf({ title: text.heading, lang, margin: 72 }, (doc, root) => {
    const blue = "#1e5aa0";
    artifact(doc, () => doc.rect(0, 0, doc.page.width, 12).fill(blue));
    tag(doc, root, "P", () => write(doc, "Oppvern", { weight: "bold", size: 14, color: blue, x: 72, y: 72 }));
    doc.moveDown(3);
    tag(doc, root, "H1", () => write(doc, text.heading, { weight: "bold", size: 28 }));
    doc.moveDown(1.5);
    tag(doc, root, "P", () => write(doc, text.holder, { size: 14 }));
    doc.moveDown(0.5);
    tag(doc, root, "P", () => write(doc, text.module, { weight: "bold", size: 18 }));
    doc.moveDown(0.5);
    tag(doc, root, "P", () => write(doc, text.completed, { size: 14 }));
    doc.moveDown(0.5);
    tag(doc, root, "P", () => write(doc, text.date, { size: 14 }));
    tag(doc, root, "P", () => write(doc, text.mode, { size: 14 }));
    doc.moveDown(3);
    tag(doc, root, "P", () => write(doc, text.verify, { size: 11, color: "#333333" }));
    tag(doc, root, "P", () => write(doc, text.code, { weight: "bold", size: 16 }));
  });
}
