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

/** Renders the certificate as an A4 PDF (pdfkit; the standard fonts cover æ, ø and å). */
export async function renderCertificatePdf(text: CertificateText): Promise<Buffer> {
  // pdfkit loads on the first certificate, not when the server starts.
  const { default: PDFDocument } = await import("pdfkit");
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 72, info: { Title: text.heading, Author: "Oppvern" } });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.rect(0, 0, doc.page.width, 12).fill("#1e5aa0");
    doc.fillColor("#1e5aa0").font("Helvetica-Bold").fontSize(14).text("Oppvern", 72, 72);
    doc.moveDown(3);
    doc.fillColor("#111111").font("Helvetica-Bold").fontSize(28).text(text.heading);
    doc.moveDown(1.5);
    doc.font("Helvetica").fontSize(14).text(text.holder);
    doc.moveDown(0.5);
    doc.font("Helvetica-Bold").fontSize(18).text(text.module);
    doc.moveDown(0.5);
    doc.font("Helvetica").fontSize(14).text(text.completed);
    doc.moveDown(0.5);
    doc.text(text.date);
    doc.text(text.mode);
    doc.moveDown(3);
    doc.fontSize(11).fillColor("#333333").text(text.verify);
    doc.font("Helvetica-Bold").fontSize(16).fillColor("#111111").text(text.code);
    doc.end();
  });
}
