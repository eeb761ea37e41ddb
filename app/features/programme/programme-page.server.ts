import type { RouterContextProvider } from "react-router";
import { authorize, getServices, notFound, requireActor } from "../../lib/route.server.ts";
import { can } from "../policy/policy.server.ts";
import { listGroups } from "./groups.server.ts";
import { getProgramme } from "./programmes.server.ts";

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
  const guideOfOwner = (ownerId: string) =>
    groups.find((g) => g.owners.some((o) => o.id === ownerId))?.guideId ?? null;
  const ownerResource = (ownerId: string) => ({
    type: "programmeOwner" as const,
    networkId: programme.network_id,
    ownerId,
    guideId: guideOfOwner(ownerId),
  });
  return {
    actor,
    services,
    programme,
    groups,
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
