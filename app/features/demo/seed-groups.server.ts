import type { AppServices } from "../../lib/services.ts";
import { saveAttendance, saveGroup } from "../programme/groups.server.ts";
import { addComment, saveShare } from "../programme/sharing.server.ts";

/**
 * The demo programme's guidance group: Vera Veileder with Demo kommune and two neighbours. Demo
 * kommune shares its phase and progress (not its scores), Vera has left one comment, and the
 * group's owners came to the first gathering for the participants (gathering 1).
 */
export async function seedDemoGroups(
  db: AppServices["db"],
  who: {
    programmeId: string;
    networkId: string;
    ownerIds: string[];
    demoId: string;
    guide: { id: string; name: string };
    lead: string;
    coordinator: string;
  },
) {
  await saveGroup(db, {
    programmeId: who.programmeId,
    networkId: who.networkId,
    groupId: null,
    name: "Gruppe Fjorden",
    guideId: who.guide.id,
    ownerIds: who.ownerIds,
    userId: who.lead,
  });
  await saveShare(db, {
    programmeId: who.programmeId,
    ownerId: who.demoId,
    share: { progress: true, scores: false },
    userId: who.coordinator,
  });
  await addComment(db, {
    programmeId: who.programmeId,
    ownerId: who.demoId,
    side: "veileder",
    body: "Godt jobbet med kartleggingen i vår! Før neste samling kan dere se på tiltakene i handlingsplanen som ikke er startet ennå, og bestemme hvem som følger opp hvert av dem.",
    userId: who.guide.id,
    userName: who.guide.name,
  });
  await saveAttendance(db, {
    programmeId: who.programmeId,
    networkId: who.networkId,
    number: 1,
    ownerIds: who.ownerIds,
    attended: who.ownerIds.slice(0, 2),
    userId: who.guide.id,
  });
}
