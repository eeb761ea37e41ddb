import { data } from "react-router";
import type { Role } from "../../db/schema.ts";
import type { Locale } from "../../i18n/locales.ts";
import { removalOutcome } from "../../lib/route.server.ts";
import type { AppServices } from "../../lib/services.ts";
import type { Actor } from "../policy/policy.server.ts";
import { revokeInvitation } from "./invitations.server.ts";
import { type InviteTarget, inviteMember } from "./invite-member.server.ts";
import { removeMembership } from "./memberships.server.ts";

export interface MembershipScope {
  /** Where this page may invite people to. */
  targets: InviteTarget[];
  /** Where this page may remove roles; the roles it may remove (all when absent). */
  memberOrganisationIds: string[];
  removableRoles?: Role[];
  /** The tenant the audit log files the changes under. */
  tenantId: string;
}

/**
 * The invite, revoke-invitation and remove-member actions that every organisation page shares.
 * The caller has already asked the policy; every change stays inside the scope given here.
 * Returns null for any other intent.
 */
export async function handleMembershipIntent(
  services: AppServices,
  options: { actor: Actor; locale: Locale; form: FormData; scope: MembershipScope },
) {
  const { actor, form, scope } = options;
  const intent = String(form.get("intent"));
  if (intent === "invite") {
    const result = await inviteMember(services, {
      actor,
      form,
      targets: scope.targets,
      tenantId: scope.tenantId,
      locale: options.locale,
    });
    if (!result.ok) return data({ intent, errors: result.errors, values: result.values }, { status: 400 });
    return data({ intent, done: "invite.sent" as const, email: result.email });
  }
  if (intent === "revoke-invitation") {
    await revokeInvitation(services.db, {
      invitationId: String(form.get("invitationId")),
      organisationIds: scope.targets.map((t) => t.id),
      actorUserId: actor.userId,
      tenantId: scope.tenantId,
    });
    return data({ intent, done: "invite.revoked" as const });
  }
  if (intent === "remove-member") {
    const result = await removeMembership(services.db, {
      membershipId: String(form.get("membershipId")),
      organisationIds: scope.memberOrganisationIds,
      actorUserId: actor.userId,
      roles: scope.removableRoles,
    });
    return removalOutcome(result, intent);
  }
  return null;
}
