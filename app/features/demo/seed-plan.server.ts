import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { DAY, dayInNorway } from "../../lib/time.ts";
import { currentBank, getBank } from "../assessment/bank.server.ts";
import {
  decide,
  getMeasure,
  listMeasures,
  measureValues,
  proposeFromRound,
  saveMeasure,
} from "../plan/plan.server.ts";
import { type MeasureValues, ZMeasure } from "../plan/schemas.ts";

/**
 * Demo kommune's plan after last spring's round: proposals from its gaps, three of them in the plan
 * (one going, one past its due date, one done) and one left to wait with a reason.
 */
export async function seedDemoPlan(
  db: Kysely<Database>,
  people: { ownerId: string; coordinator: string; leader: string },
) {
  const { ownerId, coordinator: userId } = people;
  const round = await db
    .selectFrom("assessment_round")
    .select(["id", "bank_version"])
    .where("owner_id", "=", ownerId)
    .where("status", "=", "closed")
    .executeTakeFirstOrThrow();
  const bank = getBank(round.bank_version) ?? currentBank();
  await proposeFromRound(db, { ownerId, roundId: round.id, bank, language: "nb", userId });
  const [going, late, done, waiting] = await listMeasures(db, ownerId, ["forslag"]);
  const day = (days: number) => dayInNorway(Date.now() + days * DAY);
  const plan: [typeof going, Partial<MeasureValues>][] = [
    [going, { ansvarlig: userId, frist: day(40), status: "pagar", fremdrift: "Utkast sendt til rektorene." }],
    [late, { ansvarlig: people.leader, frist: day(-10) }],
    [
      done,
      { ansvarlig: userId, frist: day(-30), status: "ferdig", fremdrift: "Gjennomgått med alle enhetene." },
    ],
  ];
  for (const [measure, change] of plan) {
    if (!measure) continue;
    await decide(db, {
      ownerId,
      id: measure.id,
      userId,
      values: { beslutning: "valgt", konsekvens: 2, begrunnelse: "" },
    });
    const row = await getMeasure(db, ownerId, measure.id);
    if (!row) continue;
    const values = ZMeasure.parse({ ...measureValues(row), ...change });
    await saveMeasure(db, { ownerId, id: measure.id, userId, values });
  }
  if (waiting)
    await decide(db, {
      ownerId,
      id: waiting.id,
      userId,
      values: {
        beslutning: "valgt-bort",
        konsekvens: 1,
        begrunnelse: "Tas når det nye fagsystemet er på plass.",
      },
    });
}
