import { download, downloadName } from "../features/exports/download.server.ts";
import { EXPORT_TYPES } from "../features/exports/report.ts";
import { buildWorkbook } from "../features/exports/xlsx.server.ts";
import { can } from "../features/policy/policy.server.ts";
import { results } from "../features/programme/evaluation.server.ts";
import { CHOICES } from "../features/programme/evaluation.ts";
import { loadProgramme } from "../features/programme/programme-page.server.ts";
import { createT, type MessageKey } from "../i18n/translate.ts";
import { localeFor, notFound } from "../lib/route.server.ts";
import type { Route } from "./+types/program-evaluering-xlsx";

/**
 * The evaluation's results as a workbook, for the network's own report: a sheet per group with the
 * counts and averages as on the page, and the free texts sorted (decision 028). For those who read
 * the results, and only from 5 answers, like the page; everyone else gets 404.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const page = await loadProgramme(context, request, params.id);
  const { programme, actor, services, resource } = page;
  if (!can(actor, "programme:evaluation-results", resource)) notFound();
  const r = await results(services.db, programme.id);
  if (!r.shown) notFound();
  const t = createT(localeFor(request, actor));
  const choice = (c: number) => t(`programmeEvaluation.choice.${c}` as MessageKey);
  const file = await buildWorkbook([
    ...r.groups.map((g) => ({
      name: t(`programmeEvaluation.group.${g.group}` as MessageKey, { count: g.n }),
      columns: [
        { header: t("programmeEvaluation.statement"), width: 60 },
        ...CHOICES.map((c) => ({ header: choice(c), width: 14 })),
        { header: t("programmeEvaluation.average"), width: 12 },
      ],
      rows: g.statements.map((s) => [
        t(`programmeEvaluation.q.${s.statement}` as MessageKey),
        ...s.counts,
        s.average === null ? "–" : Math.round(s.average * 10) / 10,
      ]),
    })),
    ...(["best", "change"] as const).map((key) => ({
      name: t(`programmeEvaluation.q.${key}`),
      columns: [{ header: t(`programmeEvaluation.q.${key}`), width: 80 }],
      rows: r[key].map((text) => [text]),
    })),
  ]);
  return download(file, EXPORT_TYPES.xlsx, downloadName("evaluering", programme.name, "xlsx"));
}
