import { redirect } from "react-router";
import { getServices } from "../lib/route.server.ts";
import type { Route } from "./+types/logg-ut";

export function loader() {
  return redirect("/");
}

/** Ends this session; `intent=alle` ends every session of the user ("log out everywhere"). */
export async function action({ request, context }: Route.ActionArgs) {
  const auth = await getServices(context).auth();
  const form = await request.formData().catch(() => new FormData());
  const headers = new Headers();
  const session = await auth.api.getSession({ headers: request.headers });
  if (session) {
    if (form.get("intent") === "alle") await auth.api.revokeSessions({ headers: request.headers });
    const result = await auth.api.signOut({ headers: request.headers, returnHeaders: true });
    for (const cookie of result.headers.getSetCookie()) headers.append("Set-Cookie", cookie);
  }
  headers.append("Set-Cookie", "oppvern_org=; Path=/; Max-Age=0; SameSite=Lax");
  return redirect("/?utlogget=1", { status: 303, headers });
}
