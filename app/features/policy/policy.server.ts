import type { Role } from "../../db/schema.ts";

/** One membership of the signed-in user, with the tenant it belongs to. */
export interface ActorMembership {
  id: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  kind: "plattform" | "eier" | "enhet" | "nettverk";
  /** The eier the membership belongs to: the organisation itself for an eier, the parent for an enhet. */
  ownerId: string | null;
  unitId: string | null;
  networkId: string | null;
}

export interface Actor {
  userId: string;
  name: string;
  email: string;
  locale: string | null;
  memberships: ActorMembership[];
}

export type Resource =
  | { type: "platform" }
  | { type: "owner"; ownerId: string }
  | { type: "unit"; ownerId: string; unitId: string }
  | { type: "network"; networkId: string }
  | { type: "groupSession"; hostUserId: string }
  /** A guidance programme: the network that runs it and the owners taking part. */
  | { type: "programme"; networkId: string; ownerIds: string[] }
  /** A guidance group of a programme: the network that runs it and the group's guide. */
  | { type: "programmeGroup"; networkId: string; guideId: string | null }
  /** One owner in a programme: the network, the owner, and the guide of its group (if any). */
  | { type: "programmeOwner"; networkId: string; ownerId: string; guideId: string | null }
  /** One reported incident (avvik): whose it is, which unit, and who reported it. */
  | { type: "incident"; ownerId: string; unitId: string | null; reportedBy: string | null }
  /**
   * A network's shared risk assessments, seen from the owner the user works in now (null when the
   * user works in none, as network staff do), and whether that owner is a member of the network.
   */
  | { type: "sharedAssessments"; networkId: string; ownerId: string | null; ownerInNetwork: boolean };

export type Action =
  /** See an owner's overview: units, people, invitations. */
  | "owner:read"
  /** Change an owner's units and people. */
  | "owner:manage"
  /** Take all of an owner's data out, and delete the owner with it: its koordinator. */
  | "owner:delete"
  | "unit:read"
  /** Invite staff to a unit and remove them. */
  | "unit:manage"
  | "network:read"
  | "network:manage"
  /**
   * Answer a network's invitation to join it, and leave a network, for the owner: its koordinator,
   * who also decides what the owner shares with the network's programmes (decision 015).
   */
  | "network:join"
  /** Create owners and networks, see all of them. */
  | "platform:manage"
  /** The development outbox. */
  | "outbox:read"
  /**
   * See staff's course progress and set which modules they must take: on an owner, every unit's
   * (koordinator, personvernombud); on a unit, that unit's (also its leader). Not the platform's
   * admin, who helps people in but does not follow their learning (decision 021).
   */
  | "learning:report"
  /** Run a group session: only the person who started it. */
  | "group:present"
  /** Read the owner's registers (record of processing …): its koordinator, personvernombud and unit leaders. */
  | "register:read"
  /** Write the owner's registers: its koordinator and personvernombud. */
  | "register:manage"
  /**
   * See the owner's audit log, who read and changed what (decision 025): its koordinator and
   * personvernombud. Not unit leaders, nor the platform's admin (decision 021).
   */
  | "audit:read"
  /** See the owner's assessment rounds: its koordinator and personvernombud, and unit leaders (their unit's part). */
  | "assessment:read"
  /** Start, reconcile and close rounds: the koordinator. */
  | "assessment:manage"
  /**
   * See a round's results: on an owner, every part (koordinator, personvernombud); on a unit, that
   * unit's part (also its leader, who answered it).
   */
  | "assessment:results"
  /** Answer a round's questions: owner-level (koordinator, personvernombud) or a unit's (koordinator, its leader). */
  | "assessment:answer"
  /** Report an incident to an owner: anyone who works there, in any role. */
  | "incident:report"
  /**
   * See incidents: on an owner, its whole log (koordinator, personvernombud); on one incident, also
   * the leader of its unit and the person who reported it (while they still work for the owner).
   */
  | "incident:read"
  /** Handle incidents (assess, notify, close): the koordinator. */
  | "incident:manage"
  /** See the prioritising and the action plan: the koordinator, the personvernombud and unit leaders. */
  | "plan:read"
  /** Make proposals, decide, and change measures: the koordinator, who owns the plan. */
  | "plan:manage"
  /**
   * See a guidance programme (gatherings, owners, cohort figures): its network's programansvarlig
   * and guides, and the koordinator and personvernombud of an owner taking part.
   */
  | "programme:read"
  /** Create programmes of a network and schedule their gatherings: its programansvarlig. */
  | "programme:manage"
  /**
   * Read a network's shared risk assessments: the koordinator and personvernombud of a member owner
   * (the people who would reuse them), and the network's programansvarlig and guides (who follow
   * the owners' work). Unit leaders and staff do not: a shared assessment is the owner's business.
   */
  | "shared:read"
  /**
   * Publish a finished ROS of the owner to a network it is a member of: its koordinator and
   * personvernombud, who write the register. Membership is checked here, not by the caller.
   */
  | "shared:publish"
  /**
   * Withdraw the owner's publication (or see where it is published): the koordinator and
   * personvernombud of the publishing owner, also after the owner has left the network.
   */
  | "shared:withdraw"
  /**
   * Adopt a shared assessment as a draft of the owner's own: the koordinator and personvernombud of
   * a member owner. Network staff read but cannot adopt: they have no register to adopt into.
   */
  | "shared:adopt"
  /**
   * Follow a guidance group (its owners' phase, progress and scores, each only as far as the owner
   * shares it): the group's guide and the network's programansvarlig.
   */
  | "programme:guide"
  /**
   * Read and write the comments about one owner in a programme: the guide of the owner's group,
   * and the owner's koordinator and personvernombud. Not the programansvarlig, nor other owners.
   */
  | "programme:comment"
  /** Decide what the owner shares with a programme, and withdraw it: the owner's koordinator. */
  | "programme:share"
  /**
   * Take the owner out of a programme (sharing stops and the comments are removed, decision 017):
   * the owner's koordinator, who also decides what it shares.
   */
  | "programme:leave"
  /** Record that an owner attended a gathering: the programansvarlig, and the guide of its group. */
  | "programme:attend"
  /**
   * Answer the programme's anonymous evaluation survey (decision 028): the network's guides and the
   * participant owners' koordinator and personvernombud. Not the programansvarlig, who runs it.
   */
  | "programme:evaluate"
  /** Read the evaluation's results (shown only from 5 answers): the programansvarlig and the guides. */
  | "programme:evaluation-results";

const has = (actor: Actor, predicate: (m: ActorMembership) => boolean) => actor.memberships.some(predicate);

export const isAdmin = (actor: Actor) => has(actor, (m) => m.role === "admin");

const ownerRole = (actor: Actor, ownerId: string, roles: Role[]) =>
  has(actor, (m) => m.kind === "eier" && m.ownerId === ownerId && roles.includes(m.role));

const unitRole = (actor: Actor, unitId: string, roles: Role[]) =>
  has(actor, (m) => m.kind === "enhet" && m.unitId === unitId && roles.includes(m.role));

/** Any role at the owner or at one of its units. */
const worksFor = (actor: Actor, ownerId: string) =>
  has(actor, (m) => (m.kind === "eier" || m.kind === "enhet") && m.ownerId === ownerId);

const networkRole = (actor: Actor, networkId: string, roles: Role[]) =>
  has(actor, (m) => m.kind === "nettverk" && m.networkId === networkId && roles.includes(m.role));

/** A role at the owner the user works in now, when that owner is a member of the network. */
const memberOwnerRole = (
  actor: Actor,
  resource: { ownerId: string | null; ownerInNetwork: boolean },
  roles: Role[],
) => resource.ownerInNetwork && resource.ownerId !== null && ownerRole(actor, resource.ownerId, roles);
/** The guide named for a group, while they are still one of the network's guides. */
const isGuide = (actor: Actor, resource: { networkId: string; guideId: string | null }) =>
  resource.guideId === actor.userId && networkRole(actor, resource.networkId, ["veileder"]);

/**
 * The one place that answers "may this user do this action on this resource".
 * Every loader, action and API handler asks it before reading or writing; callers turn a
 * "no" on another tenant's resource into 404 so that nothing reveals that it exists.
 */
/** What the platform's admin may do anywhere, beside the rights of any roles they hold. */
const ADMIN_ACTIONS = new Set<Action>([
  "owner:read",
  "owner:manage",
  "unit:read",
  "unit:manage",
  "network:read",
  "network:manage",
  "platform:manage",
]);

export function can(actor: Actor | null, action: Action, resource: Resource): boolean {
  if (!actor) return false;
  if (action === "group:present")
    return resource.type === "groupSession" && resource.hostUserId === actor.userId;
  // The platform's admin runs the platform and helps people get in (product.md: support): owners,
  // units, networks and who has which role in them. Never an owner's content (registers,
  // incidents, rounds, the plan, programmes' shared data) nor its export or deletion; an admin
  // who also works for an owner has that role's rights like anyone else (decision 021).
  if (isAdmin(actor) && ADMIN_ACTIONS.has(action)) return true;
  switch (action) {
    case "platform:manage":
      return false;
    case "outbox:read":
      return isAdmin(actor);
    case "owner:read":
      return (
        resource.type === "owner" && ownerRole(actor, resource.ownerId, ["koordinator", "personvernombud"])
      );
    case "owner:manage":
    case "owner:delete":
      return resource.type === "owner" && ownerRole(actor, resource.ownerId, ["koordinator"]);
    case "register:read":
      return (
        resource.type === "owner" &&
        (ownerRole(actor, resource.ownerId, ["koordinator", "personvernombud"]) ||
          has(actor, (m) => m.kind === "enhet" && m.ownerId === resource.ownerId && m.role === "leder"))
      );
    case "register:manage":
    case "audit:read":
      return (
        resource.type === "owner" && ownerRole(actor, resource.ownerId, ["koordinator", "personvernombud"])
      );
    case "assessment:read":
    case "plan:read":
      return (
        resource.type === "owner" &&
        (ownerRole(actor, resource.ownerId, ["koordinator", "personvernombud"]) ||
          has(actor, (m) => m.kind === "enhet" && m.ownerId === resource.ownerId && m.role === "leder"))
      );
    case "assessment:manage":
    case "plan:manage":
      return resource.type === "owner" && ownerRole(actor, resource.ownerId, ["koordinator"]);
    case "assessment:results":
    case "learning:report":
      if (resource.type === "owner")
        return ownerRole(actor, resource.ownerId, ["koordinator", "personvernombud"]);
      return (
        resource.type === "unit" &&
        (ownerRole(actor, resource.ownerId, ["koordinator", "personvernombud"]) ||
          unitRole(actor, resource.unitId, ["leder"]))
      );
    case "assessment:answer":
      if (resource.type === "owner")
        return ownerRole(actor, resource.ownerId, ["koordinator", "personvernombud"]);
      return (
        resource.type === "unit" &&
        (ownerRole(actor, resource.ownerId, ["koordinator"]) || unitRole(actor, resource.unitId, ["leder"]))
      );
    case "incident:report":
      return resource.type === "owner" && worksFor(actor, resource.ownerId);
    case "incident:read":
      if (resource.type === "owner")
        return ownerRole(actor, resource.ownerId, ["koordinator", "personvernombud"]);
      return (
        resource.type === "incident" &&
        (ownerRole(actor, resource.ownerId, ["koordinator", "personvernombud"]) ||
          (resource.unitId !== null && unitRole(actor, resource.unitId, ["leder"])) ||
          (resource.reportedBy === actor.userId && worksFor(actor, resource.ownerId)))
      );
    case "incident:manage":
      return (
        (resource.type === "owner" || resource.type === "incident") &&
        ownerRole(actor, resource.ownerId, ["koordinator"])
      );
    case "unit:read":
      return (
        resource.type === "unit" &&
        (ownerRole(actor, resource.ownerId, ["koordinator", "personvernombud"]) ||
          unitRole(actor, resource.unitId, ["leder"]))
      );
    case "unit:manage":
      return (
        resource.type === "unit" &&
        (ownerRole(actor, resource.ownerId, ["koordinator"]) || unitRole(actor, resource.unitId, ["leder"]))
      );
    case "network:read":
      return (
        resource.type === "network" &&
        networkRole(actor, resource.networkId, ["programansvarlig", "veileder"])
      );
    case "network:join":
      return resource.type === "owner" && ownerRole(actor, resource.ownerId, ["koordinator"]);
    case "network:manage":
      return resource.type === "network" && networkRole(actor, resource.networkId, ["programansvarlig"]);
    case "programme:read":
      return (
        resource.type === "programme" &&
        (networkRole(actor, resource.networkId, ["programansvarlig", "veileder"]) ||
          resource.ownerIds.some((ownerId) => ownerRole(actor, ownerId, ["koordinator", "personvernombud"])))
      );
    case "programme:manage":
      return (
        (resource.type === "programme" || resource.type === "network") &&
        networkRole(actor, resource.networkId, ["programansvarlig"])
      );
    case "shared:read":
      return (
        resource.type === "sharedAssessments" &&
        (networkRole(actor, resource.networkId, ["programansvarlig", "veileder"]) ||
          memberOwnerRole(actor, resource, ["koordinator", "personvernombud"]))
      );
    case "shared:publish":
    case "shared:adopt":
      return (
        resource.type === "sharedAssessments" &&
        memberOwnerRole(actor, resource, ["koordinator", "personvernombud"])
      );
    case "shared:withdraw":
      return (
        resource.type === "owner" && ownerRole(actor, resource.ownerId, ["koordinator", "personvernombud"])
      );
    case "programme:guide":
      return (
        resource.type === "programmeGroup" &&
        (networkRole(actor, resource.networkId, ["programansvarlig"]) || isGuide(actor, resource))
      );
    case "programme:comment":
      return (
        resource.type === "programmeOwner" &&
        (isGuide(actor, resource) || ownerRole(actor, resource.ownerId, ["koordinator", "personvernombud"]))
      );
    case "programme:share":
    case "programme:leave":
      return resource.type === "programmeOwner" && ownerRole(actor, resource.ownerId, ["koordinator"]);
    case "programme:evaluate":
      return (
        resource.type === "programme" &&
        !networkRole(actor, resource.networkId, ["programansvarlig"]) &&
        (networkRole(actor, resource.networkId, ["veileder"]) ||
          resource.ownerIds.some((ownerId) => ownerRole(actor, ownerId, ["koordinator", "personvernombud"])))
      );
    case "programme:evaluation-results":
      return (
        resource.type === "programme" &&
        networkRole(actor, resource.networkId, ["programansvarlig", "veileder"])
      );
    case "programme:attend":
      return (
        resource.type === "programmeOwner" &&
        (networkRole(actor, resource.networkId, ["programansvarlig"]) || isGuide(actor, resource))
      );
  }
  return false;
}

/** Which roles this actor may give (by invitation) on an organisation of the given kind. */
export function invitableRoles(
  actor: Actor,
  target: { kind: "plattform" | "eier" | "enhet" | "nettverk"; id: string; ownerId: string | null },
): Role[] {
  switch (target.kind) {
    case "plattform":
      return isAdmin(actor) ? ["admin"] : [];
    case "eier":
      return can(actor, "owner:manage", { type: "owner", ownerId: target.id })
        ? ["koordinator", "personvernombud"]
        : [];
    case "enhet": {
      if (!target.ownerId) return [];
      if (can(actor, "owner:manage", { type: "owner", ownerId: target.ownerId })) return ["leder", "ansatt"];
      return can(actor, "unit:manage", { type: "unit", ownerId: target.ownerId, unitId: target.id })
        ? ["ansatt"]
        : [];
    }
    case "nettverk":
      return can(actor, "network:manage", { type: "network", networkId: target.id })
        ? ["programansvarlig", "veileder"]
        : [];
  }
}
