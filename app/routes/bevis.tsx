import { Form } from "react-router";
import { Notice } from "../components/form.tsx";
import { findPublicCertificate } from "../features/learning/certificates.server.ts";
import { getModule, isPackage } from "../features/learning/modules.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { getServices, loadActor, localeFor } from "../lib/route.server.ts";
import { dayInNorway, formatDate } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/bevis";

/** Course pages are plain HTML: no JavaScript on a learner's phone. */
export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "certificate.verifyTitle");

/** Public verification: anyone with the code sees whom it was issued to, unless the holder withdrew it. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const query = new URL(request.url).searchParams.get("kode");
  const code = params.kode ?? query ?? "";
  if (!code) return { code: "", found: null };
  const cert = await findPublicCertificate(getServices(context).db, code);
  if (!cert || !isPackage(cert.package)) return { code, found: null };
  const actor = await loadActor(context, request);
  const module = getModule(cert.package, cert.module, localeFor(request, actor));
  return {
    code,
    found: {
      code: cert.code,
      holder: cert.holder_name,
      pkg: cert.package,
      mod: cert.module,
      moduleTitle: module?.title ?? "",
      mode: cert.mode,
      issuedAt: dayInNorway(cert.issued_at),
    },
  };
}

export default function Bevis({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { found } = loaderData;
  return (
    <div className="stack-lg narrow">
      <h1 className="ds-heading" data-size="lg">
        {t("certificate.verifyTitle")}
      </h1>
      {found ? (
        <div className="stack">
          <Notice>{t("certificate.valid")}</Notice>
          <dl className="facts">
            <dt>{t("certificate.holder")}</dt>
            <dd>{found.holder}</dd>
            <dt>{t("certificate.course")}</dt>
            <dd>
              {t(`learning.package.${found.pkg}` as MessageKey)},{" "}
              {t("learning.moduleNumber", { number: found.mod })}: {found.moduleTitle}
            </dd>
            <dt>{t("certificate.date")}</dt>
            <dd>{formatDate(found.issuedAt, locale)}</dd>
            <dt>{t("certificate.how")}</dt>
            <dd>{t(found.mode === "gruppe" ? "certificate.modeGroup" : "certificate.modeAlone")}</dd>
            <dt>{t("certificate.code")}</dt>
            <dd>{found.code}</dd>
          </dl>
        </div>
      ) : loaderData.code ? (
        <Notice color="warning">{t("certificate.notFound")}</Notice>
      ) : null}
      <Form method="get" action="/bevis" className="stack">
        <div className="ds-field">
          <label className="ds-label" htmlFor="kode">
            {t("certificate.enterCode")}
          </label>
          <input
            className="ds-input"
            id="kode"
            name="kode"
            defaultValue={loaderData.code}
            autoComplete="off"
          />
        </div>
        <div>
          <button type="submit" className="ds-button" data-variant="secondary">
            {t("certificate.check")}
          </button>
        </div>
      </Form>
    </div>
  );
}
