import { listRoundEvidence } from "../features/assessment/evidence.server.ts";
import { roundResults } from "../features/assessment/results.server.ts";
import { loadRound } from "../features/assessment/round-page.server.ts";
import { listAnswers } from "../features/assessment/rounds.server.ts";
import { download, downloadName } from "../features/exports/download.server.ts";
import { exportFormat, EXPORT_TYPES as TYPES } from "../features/exports/report.ts";
import { localeFor, notFound } from "../lib/route.server.ts";
import type { Route } from "./+types/kartlegging-rapport";

/** A round's report as XLSX (every answer), PDF or DOCX (summary, chart, gaps and measures). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  // Not `in`: "constructor" is in every object.
  const format = exportFormat(params.format);
  if (!format) notFound();
  // The parts whose results this user reads: all of them, or a unit leader's own unit.
  const { services, round, bank, ownerId, owner, actor, scopes } = await loadRound(
    context,
    request,
    params.id,
    undefined,
    "results",
  );
  const parts = new Set(scopes.map((s) => s.scope));
  const input = {
    owner: owner.name,
    title: round.title,
    status: round.status,
    results: await roundResults(services.db, ownerId, round.id, bank, scopes),
    answers: (await listAnswers(services.db, round.id)).filter((a) => parts.has(a.scope)),
    files: (await listRoundEvidence(services.db, round.id))
      .filter((f) => parts.has(f.scope))
      .map((f) => ({
        ...f,
        url: `${services.config.publicUrl}/kartlegging/${round.id}/bevis/${f.id}`,
      })),
    locale: localeFor(request, actor),
  };
  // The report writers (docx, pdfkit, exceljs) load on the first report, not when the server starts.
  const report = await import("../features/assessment/report.server.ts");
  const file =
    format === "xlsx"
      ? await report.reportXlsx(input)
      : format === "docx"
        ? await report.reportDocx(input)
        : await report.reportPdf(input);
  // Named as the registers' files, owner first: "Kartlegging våren 2027" of Demo kommune gives
  // kartlegging-demo-kommune-våren-2027 (download() puts an ASCII name beside it).
  const title = round.title.replace(/^\s*kartlegging(?![\p{L}\p{N}])/iu, "");
  return download(file, TYPES[format], downloadName("kartlegging", [owner.name, title], format));
}
