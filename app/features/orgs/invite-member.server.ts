import type { Locale } from "../../i18n/locales.ts";
import { parseForm } from "../../lib/forms.ts";
import type { AppServices } from "../../lib/services.ts";
import { type Actor, invitableRoles } from "../policy/policy.server.ts";
import { createInvitation } from "./invitations.server.ts";
import { ZInviteForm } from "./schemas.ts";

export interface InviteTarget {
  id: string;
  name: string;
  kind: "plattform" | "eier" | "enhet" | "nettverk";
  ownerId: string | null;
}

export type InviteResult =
  | { ok: true; email: string }
  | { ok: false; errors: Record<string, string>; values: Record<string, string> };

/**
 * Invites a person to one of the given organisations (an owner and its units, say). The role must
 * be one the policy lets this actor give there, and the person must not already hold it.
 */
export async function inviteMember(
  services: AppServices,
  options: { actor: Actor; form: FormData; targets: InviteTarget[]; tenantId: string; locale: Locale },
): Promise<InviteResult> {
  // The form posts "organisationId|role" as one choice.
  const [organisationId = "", role = ""] = String(options.form.get("target") ?? "").split("|");
  if (!options.form.has("organisationId")) options.form.set("organisationId", organisationId);
  if (!options.form.has("role")) options.form.set("role", role);
  const parsed = parseForm(ZInviteForm, options.form);
  if (!parsed.ok) return parsed;
  const target = options.targets.find((t) => t.id === parsed.data.organisationId);
  const { email, name } = parsed.data;
  if (!target) return { ok: false, errors: { organisationId: "error.organisation" }, values: parsed.values };
  if (!invitableRoles(options.actor, target).includes(parsed.data.role)) {
    return { ok: false, errors: { role: "error.role.notAllowed" }, values: parsed.values };
  }
  const already = await services.db
    .selectFrom("membership as m")
    .innerJoin("user as u", "u.id", "m.user_id")
    .select("m.id")
    .where("u.email", "=", email)
    .where("m.organisation_id", "=", target.id)
    .where("m.role", "=", parsed.data.role)
    .executeTakeFirst();
  if (already) return { ok: false, errors: { email: "error.invite.alreadyMember" }, values: parsed.values };
  await createInvitation(services.db, services.mailer, {
    email,
    name,
    role: parsed.data.role,
    organisationId: target.id,
    organisationName: target.name,
    tenantId: options.tenantId,
    invitedBy: { userId: options.actor.userId, name: options.actor.name },
    locale: options.locale,
    publicUrl: services.config.publicUrl,
  });
  return { ok: true, email };
}
