import { listRoundEvidence } from "../features/assessment/evidence.server.ts";
import { roundResults } from "../features/assessment/results.server.ts";
import { loadRound } from "../features/assessment/round-page.server.ts";
import { listAnswers } from "../features/assessment/rounds.server.ts";
import { EXPORT_TYPES as TYPES } from "../features/exports/xlsx.server.ts";
import { localeFor, notFound } from "../lib/route.server.ts";
import type { Route } from "./+types/kartlegging-rapport";

/** A round's report as XLSX (every answer), PDF or DOCX (summary, chart, gaps and measures). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const format = params.format as keyof typeof TYPES;
  if (!(format in TYPES)) notFound();
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
  // "Kartlegging våren 2027" → kartlegging-våren-2027, with an ASCII name beside it for old clients.
  const slug = round.title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  const name = slug.startsWith("kartlegging") ? slug : `kartlegging-${slug}`;
  const ascii = name
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .normalize("NFKD")
    .replace(/[^a-z0-9-]/g, "");
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}.${format}`,
      "Cache-Control": "private, no-store",
    },
  });
}
