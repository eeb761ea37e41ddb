import { recordRead } from "../features/audit/audit-log.server.ts";
import { getDpia, listRisks, snapshotOf } from "../features/dpia/dpia.server.ts";
import { download, downloadName } from "../features/exports/download.server.ts";
import { EXPORT_TYPES } from "../features/exports/xlsx.server.ts";
import { createT, type MessageKey } from "../i18n/translate.ts";
import { localeFor, notFound } from "../lib/route.server.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/dpia-eksport";

/** One DPIA as a Word document, for everyone who may read it. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  if (params.format !== "docx") notFound();
  const { actor, services, owner, ownerId } = await loadRegisterScope(context, request);
  const dpia = await getDpia(services.db, ownerId, params.id);
  if (!dpia) notFound();
  await recordRead(services.db, {
    userId: actor.userId,
    ownerId,
    entity: "dpia",
    entityId: dpia.id,
    action: "export",
    variant: "docx",
  });
  const locale = localeFor(request, actor);
  const t = createT(locale);
  // docx (~1 MB of code) loads on the first export, not at start.
  const { dpiaDocx } = await import("../features/dpia/export.server.ts");
  const file = await dpiaDocx(snapshotOf(dpia, await listRisks(services.db, ownerId, dpia.id)), {
    owner: owner.name,
    status: t(`dpia.status.${dpia.status}` as MessageKey),
    locale,
  });
  return download(file, EXPORT_TYPES.docx, downloadName("dpia", dpia.title, "docx"));
}
