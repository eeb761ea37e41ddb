import type { MessageKey } from "../../i18n/translate.ts";
import type { Actor, ActorMembership } from "../policy/policy.server.ts";

export interface NavItem {
  href: string;
  label: MessageKey;
}

/** The menu shows only what the current role may use. */
export function navFor(actor: Actor | null, current: ActorMembership | null): NavItem[] {
  const items: NavItem[] = [
    { href: "/", label: actor ? "nav.overview" : "nav.home" },
    { href: "/kompetanse", label: "nav.learning" },
    { href: "/personopplysninger", label: "nav.personalData" },
  ];
  if (!actor) return items;
  if (current?.kind === "eier" && (current.role === "koordinator" || current.role === "personvernombud")) {
    items.push({ href: `/eiere/${current.organisationId}`, label: "nav.organisation" });
  }
  if (current?.kind === "enhet" && current.role === "leder") {
    items.push({ href: `/enheter/${current.organisationId}`, label: "nav.unit" });
  }
  if (
    (current?.kind === "eier" && (current.role === "koordinator" || current.role === "personvernombud")) ||
    (current?.kind === "enhet" && current.role === "leder")
  ) {
    items.push({ href: "/kartlegging", label: "nav.assessment" });
    items.push({ href: "/handlingsplan", label: "nav.plan" });
    items.push({ href: "/behandlinger", label: "nav.processing" });
  }
  // Anyone who works for an owner can report an incident; the page shows what they may see.
  if (current?.kind === "eier" || current?.kind === "enhet")
    items.push({ href: "/avvik", label: "nav.incidents" });
  if (current?.kind === "nettverk") {
    items.push({ href: `/nettverk/${current.organisationId}`, label: "nav.network" });
    items.push({ href: "/program", label: "nav.programme" });
  }
  if (actor.memberships.some((m) => m.role === "admin")) items.push({ href: "/admin", label: "nav.admin" });
  items.push({ href: "/profil", label: "nav.profile" });
  return items;
}
