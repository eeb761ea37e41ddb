import { redirect } from "react-router";
import { currentMembership, requireActor } from "../lib/route.server.ts";
import type { Route } from "./+types/organisasjon";

const PATHS = { eier: "/eiere/", enhet: "/enheter/", nettverk: "/nettverk/", plattform: "/admin" } as const;

/** Sends the user to the page of the organisation they work in now. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request);
  const current = currentMembership(request, actor);
  if (!current) return redirect("/");
  if (current.kind === "plattform") return redirect("/admin");
  if (current.kind === "enhet" && current.role === "ansatt") return redirect("/");
  return redirect(`${PATHS[current.kind]}${current.organisationId}`);
}
