import { redirect } from "react-router";
import { ORG_COOKIE, readForm, requireActor, safeNext } from "../lib/route.server.ts";
import type { Route } from "./+types/bytt-organisasjon";

export function loader() {
  return redirect("/");
}

/** Switches the organisation the user works in; only to one the user belongs to. */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = await requireActor(context, request);
  const form = await readForm(request);
  const chosen = actor.memberships.find((m) => m.organisationId === form.get("organisationId"));
  const headers = new Headers();
  if (chosen)
    headers.append("Set-Cookie", `${ORG_COOKIE}=${chosen.organisationId}; Path=/; HttpOnly; SameSite=Lax`);
  // The page the user was on may belong to the other organisation: go to the new one's overview.
  const next = safeNext(form.get("neste"));
  return redirect(chosen && next.startsWith("/profil") ? next : "/organisasjon", { status: 303, headers });
}
