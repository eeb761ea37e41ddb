import { findOwnCertificate, renderCertificatePdf } from "../features/learning/certificates.server.ts";
import { getModule, isPackage } from "../features/learning/modules.server.ts";
import { createT, type MessageKey } from "../i18n/translate.ts";
import { getServices, localeFor, notFound, requireActor } from "../lib/route.server.ts";
import { dayInNorway, formatDate } from "../lib/time.ts";
import type { Route } from "./+types/bevis-pdf";

/** The holder downloads the certificate as a PDF, in their language. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = await requireActor(context, request);
  const cert = await findOwnCertificate(getServices(context).db, actor.userId, params.kode);
  if (!cert || !isPackage(cert.package)) notFound();
  const locale = localeFor(request, actor);
  const t = createT(locale);
  const module = getModule(cert.package, cert.module, locale);
  const verifyUrl = `${getServices(context).config.publicUrl}/bevis/${cert.code}`;
  const pdf = await renderCertificatePdf(
    {
      heading: t("certificate.pdfHeading"),
      holder: t("certificate.pdfHolder", { name: cert.holder_name }),
      module: `${t(`learning.package.${cert.package}` as MessageKey)} – ${t("learning.moduleNumber", { number: cert.module })}: ${module?.title ?? ""}`,
      completed: t("certificate.pdfCompleted"),
      date: t("certificate.pdfDate", { date: formatDate(dayInNorway(cert.issued_at), locale) }),
      mode: t("certificate.pdfMode", {
        mode: t(cert.mode === "gruppe" ? "certificate.modeGroup" : "certificate.modeAlone"),
      }),
      verify: t("certificate.pdfVerify", { url: verifyUrl }),
      code: cert.code,
    },
    locale,
  );
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="kursbevis-${cert.code}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
