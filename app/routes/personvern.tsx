import { StaticPageView } from "../components/static-page-view.tsx";
import { getStaticPage } from "../features/pages/static-page.ts";
import { loadActor, localeFor } from "../lib/route.server.ts";
import type { Route } from "./+types/personvern";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.page.title ?? "Oppvern"} – Oppvern` },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await loadActor(context, request);
  return { page: getStaticPage("personvern", localeFor(request, actor)) };
}

export default function Page({ loaderData }: Route.ComponentProps) {
  return <StaticPageView page={loaderData.page} />;
}
