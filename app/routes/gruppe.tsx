import { data, redirect } from "react-router";
import { listHostUnits } from "../features/group/host-units.server.ts";
import { createGroupSession } from "../features/group/sessions.server.ts";
import { getModule, parseModuleParams } from "../features/learning/modules.server.ts";
import { getServices, readForm, requireActor } from "../lib/route.server.ts";
import type { Route } from "./+types/gruppe";

export function loader() {
  return redirect("/kompetanse");
}

/** Starts a group session for a module; anyone logged in may, attendance needs a unit they lead. */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = await requireActor(context, request);
  const form = await readForm(request);
  const where = parseModuleParams({ pakke: String(form.get("pakke")), modul: String(form.get("modul")) });
  if (!where || !getModule(where.pkg, where.mod, "nb")) throw data(null, { status: 400 });
  const { db } = getServices(context);
  const unitId = String(form.get("unitId") ?? "");
  const units = await listHostUnits(db, actor);
  const unit = units.find((u) => u.id === unitId) ?? null;
  if (unitId && !unit) throw data(null, { status: 404 });
  const id = await createGroupSession(db, {
    pkg: where.pkg,
    mod: where.mod,
    hostUserId: actor.userId,
    unitId: unit?.id ?? null,
  });
  return redirect(`/gruppe/${id}`, { status: 303 });
}
