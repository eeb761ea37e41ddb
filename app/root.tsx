import "@fontsource/inter/400.css";
import "@fontsource/inter/500.css";
import "@fontsource/inter/600.css";
import "@digdir/designsystemet-css";
import "@digdir/designsystemet-css/theme";
import "./styles/app.css";
import {
  data,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import { SiteFooter } from "./components/site-footer.tsx";
import { SiteHeader } from "./components/site-header.tsx";
import { setUserLocale } from "./features/auth/accounts.server.ts";
import { sessionCookiesFor } from "./features/auth/get-actor.server.ts";
import { navFor } from "./features/nav/nav.ts";
import { defaultLocale, localeCookie, resolveLocale } from "./i18n/locales.ts";
import { useT } from "./i18n/use-t.ts";
import { currentMembership, getRequestInfo, getServices, loadActor } from "./lib/route.server.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const services = getServices(context);
  const { nonce } = getRequestInfo(context);
  const actor = await loadActor(context, request);
  const { locale, fromQuery } = resolveLocale(request, actor?.locale);
  const headers = new Headers();
  // A session better-auth has just extended (or ended) gets its new cookie with this page.
  for (const cookie of sessionCookiesFor(request)) headers.append("Set-Cookie", cookie);
  if (fromQuery) {
    headers.append("Set-Cookie", localeCookie(locale));
    if (actor && actor.locale !== locale) await setUserLocale(services, actor.userId, locale);
  }
  const current = actor ? currentMembership(request, actor) : null;
  return data(
    {
      locale,
      nonce,
      user: actor ? { id: actor.userId, name: actor.name, email: actor.email } : null,
      organisations: actor
        ? actor.memberships.map((m) => ({ id: m.organisationId, name: m.organisationName, role: m.role }))
        : [],
      currentOrganisationId: current?.organisationId ?? null,
      nav: navFor(actor, current),
    },
    { headers },
  );
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

/**
 * A route whose handle says `hydrate: false` is served as plain HTML: it works without JavaScript
 * anyway, and learners' phones then load no JavaScript at all. `liveEvents` adds the small
 * live-update script instead.
 */
export interface RouteHandle {
  hydrate?: false;
  /**
   * With `hydrate: false`: a visitor without cookies gets the page from the shared page cache
   * (app/lib/page-cache.ts). Only for pages that show nothing but public content to such a
   * visitor and change nothing when they are read.
   */
  sharedWhenAnonymous?: true;
  liveEvents?: (data: unknown) => string | null;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData("root") as RootData | undefined;
  const matches = useMatches();
  const handles = matches.map((m) => ({ handle: m.handle as RouteHandle | undefined, data: m.loaderData }));
  const hydrate = !handles.some((h) => h.handle?.hydrate === false);
  const liveEvents = handles.map((h) => h.handle?.liveEvents?.(h.data)).find(Boolean);
  return (
    <html lang={root?.locale ?? defaultLocale} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={root?.nonce} />
            <Scripts nonce={root?.nonce} />
          </>
        ) : null}
        {liveEvents ? <script src="/live.js" data-events={liveEvents} defer /> : null}
      </body>
    </html>
  );
}

export default function App({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <SiteHeader root={loaderData} />
      <main id="innhold" className="page" tabIndex={-1}>
        <Outlet />
      </main>
      <SiteFooter />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const root = useRouteLoaderData("root") as RootData | undefined;
  // The statuses we answer with their own words; anything else is our fault (500).
  const status =
    isRouteErrorResponse(error) && (error.status === 400 || error.status === 403 || error.status === 404)
      ? error.status
      : 500;
  const title = t(`error.${status}.title`);
  return (
    <>
      <title>{`${title} – Oppvern`}</title>
      {root ? <SiteHeader root={root} /> : null}
      <main id="innhold" className="page" tabIndex={-1}>
        <h1 className="ds-heading" data-size="lg">
          {title}
        </h1>
        <p className="ds-paragraph">{t(`error.${status}.body`)}</p>
        <p className="ds-paragraph">
          <a className="ds-link" href="/">
            {t("error.backHome")}
          </a>
        </p>
      </main>
      <SiteFooter />
    </>
  );
}
