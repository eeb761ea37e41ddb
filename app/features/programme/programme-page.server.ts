import type { RouterContextProvider } from "react-router";
import { authorize, getServices, notFound, requireActor } from "../../lib/route.server.ts";
import { can } from "../policy/policy.server.ts";
import { tellOfNewComment } from "./comment-mail.server.ts";
import { listGroups } from "./groups.server.ts";
import { getProgramme } from "./programmes.server.ts";
import { addComment, listComments, type Share, sharesOf } from "./sharing.server.ts";

type Context = Readonly<RouterContextProvider>;

/**
 * A programme for its pages: the guard (programme:read, else 404), its groups, and who this
 * person is in it. Every page of a programme starts here.
 */
export async function loadProgramme(context: Context, request: Request, id: string) {
  const actor = await requireActor(context, request);
  const services = getServices(context);
  const programme = await getProgramme(services.db, id);
  if (!programme) notFound();
  const resource = {
    type: "programme" as const,
    networkId: programme.network_id,
    ownerIds: programme.owners.map((o) => o.id),
  };
  authorize(actor, "programme:read", resource);
  const groups = await listGroups(services.db, programme.id);
  /** The group an owner of the programme is in, if any. */
  const groupOf = (ownerId: string) => groups.find((g) => g.owners.some((o) => o.id === ownerId));
  const ownerResource = (ownerId: string) => ({
    type: "programmeOwner" as const,
    networkId: programme.network_id,
    ownerId,
    guideId: groupOf(ownerId)?.guideId ?? null,
  });
  return {
    actor,
    services,
    programme,
    /** The programme as the policy sees it, for the page's own checks. */
    resource,
    groups,
    groupOf,
    ownerResource,
    canManage: can(actor, "programme:manage", resource),
    /** The groups this person follows (their own as a guide; all for the programansvarlig). */
    followed: groups.filter((g) =>
      can(actor, "programme:guide", {
        type: "programmeGroup",
        networkId: programme.network_id,
        guideId: g.guideId,
      }),
    ),
    /** The programme's owners this person may record attendance for. */
    attendable: programme.owners.filter((o) => can(actor, "programme:attend", ownerResource(o.id))),
  };
}

type ProgrammePage = Awaited<ReturnType<typeof loadProgramme>>;

/** The programme's owners this person works for as koordinator or personvernombud. */
export const ownOwners = (page: ProgrammePage) =>
  page.programme.owners.filter((o) =>
    page.actor.memberships.some(
      (m) =>
        m.kind === "eier" && m.ownerId === o.id && (m.role === "koordinator" || m.role === "personvernombud"),
    ),
  );

/** One of this person's owners in the programme, as the programme page shows it to them. */
export interface OwnerPart {
  id: string;
  name: string;
  groupName: string | null;
  guideName: string | null;
  share: Share;
  canShare: boolean;
  canLeave: boolean;
  comments: Awaited<ReturnType<typeof listComments>> | null;
}

/** What each of this person's owners shares, its group, and (where they may read them) the comments. */
export async function ownerParts(page: ProgrammePage): Promise<OwnerPart[]> {
  const { actor, services, programme } = page;
  const owners = ownOwners(page);
  const shares = await sharesOf(
    services.db,
    programme.id,
    owners.map((o) => o.id),
  );
  return Promise.all(
    owners.map(async (o) => {
      const group = page.groupOf(o.id);
      const resource = page.ownerResource(o.id);
      const thread = can(actor, "programme:comment", resource)
        ? await listComments(services.db, programme.id, o.id, actor.userId)
        : null;
      return {
        id: o.id,
        name: o.name,
        groupName: group?.name ?? null,
        guideName: group?.guideName ?? null,
        share: shares.get(o.id) ?? { progress: false, scores: false },
        canShare: can(actor, "programme:share", resource),
        canLeave: can(actor, "programme:leave", resource),
        // Without a guide there is nobody to talk to yet: the thread shows once there is one.
        comments: thread && (group?.guideId || thread.length > 0) ? thread : null,
      };
    }),
  );
}

/**
 * Where a thread is read after a comment is changed: the group's page for the guide's side, the
 * programme page for the owner's, at the thread's own anchor.
 */
export function threadUrl(
  page: ProgrammePage,
  ownerId: string,
  side: "veileder" | "eier",
  notice?: "endret" | "slettet",
) {
  const base = `/program/${page.programme.id}`;
  const query = notice ? `?kommentar=${notice}&eier=${ownerId}` : "";
  if (side === "veileder") {
    const group = page.groupOf(ownerId);
    if (group) {
      const index = group.owners.findIndex((o) => o.id === ownerId);
      return `${base}/gruppe/${group.id}${query}#e${index}-kommentarer`;
    }
  }
  const index = ownOwners(page).findIndex((o) => o.id === ownerId);
  return index < 0 ? base : `${base}${query}#o${index}k-kommentarer`;
}

/**
 * Writes a comment in the thread between the guide and one owner, as this person on the given
 * side, and tells the other side by e-mail.
 */
export async function postComment(
  page: ProgrammePage,
  owner: { id: string; name: string },
  side: "veileder" | "eier",
  body: string,
) {
  const { actor, services, programme } = page;
  await addComment(services.db, {
    programmeId: programme.id,
    ownerId: owner.id,
    side,
    body,
    userId: actor.userId,
    userName: actor.name,
  });
  const group = page.groupOf(owner.id);
  await tellOfNewComment(services.db, services.mailer, {
    publicUrl: services.config.publicUrl,
    programme: { id: programme.id, name: programme.name, networkId: programme.network_id },
    owner,
    group: group ? { id: group.id, guideId: group.guideId } : null,
    side,
    author: { id: actor.userId, name: actor.name },
  });
}

/** The notice after a comment was changed or deleted (`?kommentar=…&eier=…`), for that owner's thread. */
export function commentNotice(request: Request) {
  const params = new URL(request.url).searchParams;
  const kind = params.get("kommentar");
  const owner = params.get("eier");
  if (!owner) return null;
  if (kind === "endret") return { kind: "endret" as const, owner };
  if (kind === "slettet") return { kind: "slettet" as const, owner };
  return null;
}
