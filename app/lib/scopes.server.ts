import type { RouterContextProvider } from "react-router";
import { readLogFilter, recordRead } from "../features/audit/audit-log.server.ts";
import { findUnitOwner, getOwner, getUnit } from "../features/orgs/owners.server.ts";
import { type Action, type Actor, can } from "../features/policy/policy.server.ts";
import {
  getShared,
  networksById,
  networksOfOwner,
  sharedResource,
} from "../features/shared/shared.server.ts";
import { authorize, currentOwnerId, getServices, notFound, requireActor } from "./route.server.ts";

type Context = Readonly<RouterContextProvider>;

/** A unit page's guard: signed in, allowed to read the unit (else 404), and the unit itself. */
export async function loadUnitScope(
  context: Context,
  request: Request,
  unitId: string,
  action: Action = "unit:read",
) {
  const actor = await requireActor(context, request);
  const services = getServices(context);
  const ownerId = await findUnitOwner(services.db, unitId);
  if (!ownerId) notFound();
  authorize(actor, action, { type: "unit", ownerId, unitId });
  const unit = await getUnit(services.db, ownerId, unitId);
  if (!unit) notFound();
  const target = { id: unit.id, name: unit.name, kind: "enhet" as const, ownerId };
  return { actor, services, unit, ownerId, target };
}

/** An owner page's guard: signed in, allowed to read the owner (else 404), and the owner itself. */
export async function loadOwnerScope(
  context: Context,
  request: Request,
  ownerId: string,
  action: Action = "owner:read",
) {
  const actor = await requireActor(context, request);
  authorize(actor, action, { type: "owner", ownerId });
  const services = getServices(context);
  const owner = await getOwner(services.db, ownerId);
  if (!owner) notFound();
  return { actor, services, owner };
}

/**
 * The guard of the owner's full exports (the workbook, the evidence files): its koordinator alone
 * (`owner:delete`, else 404); the download is logged as an export in the given format.
 */
export async function loadOwnerExportScope(
  context: Context,
  request: Request,
  ownerId: string,
  format: string,
) {
  const scope = await loadOwnerScope(context, request, ownerId, "owner:delete");
  await recordRead(scope.services.db, {
    userId: scope.actor.userId,
    ownerId: scope.owner.id,
    entity: "eier",
    entityId: scope.owner.id,
    action: "export",
    variant: format,
  });
  return scope;
}

/**
 * The guard of an owner's pages that follow the organisation switcher (/behandlinger, /handlingsplan
 * …): the owner the user works in now; reading needs `read` on it, else 404. Says whether the user
 * may `manage`.
 */
async function loadCurrentOwnerScope(context: Context, request: Request, read: Action, manage: Action) {
  const actor = await requireActor(context, request);
  const ownerId = currentOwnerId(request, actor);
  if (!ownerId) notFound();
  authorize(actor, read, { type: "owner", ownerId });
  const services = getServices(context);
  const owner = await getOwner(services.db, ownerId);
  if (!owner) notFound();
  const canManage = can(actor, manage, { type: "owner", ownerId });
  return { actor, services, owner, ownerId, canManage };
}

/**
 * A register page's guard (/behandlinger …): register:read, whether the user has register:manage,
 * and whether they may see the audit log (`showLog`, for the link to it in the registers' menu).
 */
export async function loadRegisterScope(context: Context, request: Request) {
  const scope = await loadCurrentOwnerScope(context, request, "register:read", "register:manage");
  return { ...scope, showLog: can(scope.actor, "audit:read", { type: "owner", ownerId: scope.ownerId }) };
}

/**
 * The audit log's guard (/logg, decision 025): audit:read on the owner the user works in now, else
 * 404; the owner, and the log's filter read from the address.
 */
export async function loadAuditScope(context: Context, request: Request) {
  const actor = await requireActor(context, request);
  const ownerId = currentOwnerId(request, actor);
  if (!ownerId) notFound();
  authorize(actor, "audit:read", { type: "owner", ownerId });
  const { db } = getServices(context);
  const owner = await getOwner(db, ownerId);
  if (!owner) notFound();
  return { actor, db, ownerId, owner, ...readLogFilter(new URL(request.url)) };
}

/** As loadRegisterScope, for changes: register:manage, else 404. */
export async function loadRegisterWriteScope(context: Context, request: Request) {
  const scope = await loadRegisterScope(context, request);
  if (!scope.canManage) notFound();
  return scope;
}

/**
 * An assessment page's guard (/kartlegging …): the owner the user works in now; reading needs
 * assessment:read on it, else 404. Says whether the user may manage rounds. The owner itself is
 * read by loadAssessmentScope, or by the page's own query (a round page reads it with the round).
 */
export async function assessmentAccess(context: Context, request: Request) {
  const actor = await requireActor(context, request);
  const ownerId = currentOwnerId(request, actor);
  if (!ownerId) notFound();
  authorize(actor, "assessment:read", { type: "owner", ownerId });
  const services = getServices(context);
  const canManage = can(actor, "assessment:manage", { type: "owner", ownerId });
  const canAnswer = (scope: string) => mayAnswerPart(actor, ownerId, scope);
  /** Sees the results of every part (koordinator, personvernombud); a unit leader sees their unit's. */
  const readsAllResults = can(actor, "assessment:results", { type: "owner", ownerId });
  const readsResults = (scope: string) =>
    scope === "eier"
      ? readsAllResults
      : can(actor, "assessment:results", { type: "unit", ownerId, unitId: scope });
  return { actor, services, ownerId, canManage, canAnswer, readsAllResults, readsResults };
}

/** assessmentAccess and the owner (404 when it is archived or gone). */
export async function loadAssessmentScope(context: Context, request: Request) {
  const access = await assessmentAccess(context, request);
  const owner = await getOwner(access.services.db, access.ownerId);
  if (!owner) notFound();
  return { ...access, owner };
}

/** May this user answer (and so see) a part of an owner's assessment: "eier" or a unit id. */
export function mayAnswerPart(actor: Actor, ownerId: string, scope: string) {
  return scope === "eier"
    ? can(actor, "assessment:answer", { type: "owner", ownerId })
    : can(actor, "assessment:answer", { type: "unit", ownerId, unitId: scope });
}

/**
 * An incident page's guard (/avvik …): the owner the user works in now (or the one given: an
 * incident's own, for a link followed while working in another), where anyone who works there may
 * report (incident:report), else 404. Says whether the user sees the whole log and may handle
 * incidents.
 */
export async function loadIncidentScope(
  context: Context,
  request: Request,
  forOwner?: (actor: Actor) => Promise<string | null>,
) {
  const actor = await requireActor(context, request);
  const ownerId = forOwner ? await forOwner(actor) : currentOwnerId(request, actor);
  if (!ownerId) notFound();
  authorize(actor, "incident:report", { type: "owner", ownerId });
  const services = getServices(context);
  const owner = await getOwner(services.db, ownerId);
  if (!owner) notFound();
  const seesLog = can(actor, "incident:read", { type: "owner", ownerId });
  const canManage = can(actor, "incident:manage", { type: "owner", ownerId });
  return { actor, services, owner, ownerId, seesLog, canManage };
}

/** A plan page's guard (/prioritering, /handlingsplan …): plan:read, and whether the user has plan:manage. */
export const loadPlanScope = (context: Context, request: Request) =>
  loadCurrentOwnerScope(context, request, "plan:read", "plan:manage");

/**
 * The guard of the network's shared risk assessments (/ros/delte): the networks whose shared
 * assessments the user may read, through the owner they work in now (its koordinator or
 * personvernombud, when it is a member) or through a role in the network itself. 404 when there are
 * none, except for someone who writes the owner's registers: they are told the owner is in no network.
 */
export async function loadSharedListScope(context: Context, request: Request) {
  const actor = await requireActor(context, request);
  const services = getServices(context);
  const ownerId = currentOwnerId(request, actor);
  const ownerNetworks = ownerId ? await networksOfOwner(services.db, ownerId) : [];
  const staffIds = actor.memberships
    .filter((m) => m.kind === "nettverk" && m.networkId && !ownerNetworks.some((n) => n.id === m.networkId))
    .map((m) => m.networkId as string);
  const candidates = [
    ...ownerNetworks.map((n) => ({ ...n, member: true })),
    ...(await networksById(services.db, [...new Set(staffIds)])).map((n) => ({ ...n, member: false })),
  ];
  const resource = (n: (typeof candidates)[number]) =>
    ({ type: "sharedAssessments", networkId: n.id, ownerId, ownerInNetwork: n.member }) as const;
  const networks = candidates.filter((n) => can(actor, "shared:read", resource(n)));
  const writesRegister = ownerId !== null && can(actor, "register:manage", { type: "owner", ownerId });
  if (networks.length === 0 && !writesRegister) notFound();
  const canAdopt = networks.some((n) => can(actor, "shared:adopt", resource(n)));
  return { actor, services, ownerId, networks, canAdopt };
}

/**
 * One shared assessment (/ros/delte/:id): readable under shared:read on its network from the owner
 * the user works in now, else 404 (also when it was withdrawn). Says whether the user may adopt it:
 * never an owner's own publication.
 */
export async function loadSharedScope(context: Context, request: Request, id: string) {
  const actor = await requireActor(context, request);
  const services = getServices(context);
  const shared = await getShared(services.db, id);
  if (!shared) notFound();
  const ownerId = currentOwnerId(request, actor);
  const resource = await sharedResource(services.db, shared.network_id, ownerId);
  authorize(actor, "shared:read", resource);
  const canAdopt = ownerId !== null && ownerId !== shared.owner_id && can(actor, "shared:adopt", resource);
  return { actor, services, ownerId, shared, canAdopt };
}
