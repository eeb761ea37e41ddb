import { Link } from "react-router";
import { Notice } from "../components/form.tsx";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { getServices } from "../lib/route.server.ts";
import type { Route } from "./+types/bekreft-epost";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "verify.title");

export async function loader({ request, context }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get("token");
  if (!token) return { ok: false };
  try {
    await (await getServices(context).auth()).api.verifyEmail({ query: { token } });
    return { ok: true };
  } catch {
    return { ok: false };
  }
}

export default function BekreftEpost({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="narrow stack">
      <h1 className="ds-heading" data-size="lg">
        {t("verify.title")}
      </h1>
      {loaderData.ok ? (
        <Notice>{t("verify.ok")}</Notice>
      ) : (
        <Notice color="warning">{t("verify.failed")}</Notice>
      )}
      <p className="ds-paragraph">
        <Link className="ds-link" to="/logg-inn">
          {t("nav.login")}
        </Link>
      </p>
    </div>
  );
}
