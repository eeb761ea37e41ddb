import type { Kysely } from "kysely";
import type { CompletionMode, Database, UnitType } from "../../db/schema.ts";
import { MODULES, type TPackage } from "./content-schema.ts";

/** Kindergartens take the kindergarten package; every other unit the school package. */
export const packageForUnit = (unitType: UnitType | null): TPackage =>
  unitType === "barnehage" ? "barnehage" : "skole";

/** Staff (ansatt and leder) of one unit × the modules of its package: how each one completed. */
export async function unitCompletionMatrix(db: Kysely<Database>, unitId: string, pkg: TPackage) {
  const staff = await db
    .selectFrom("membership as m")
    .innerJoin("user as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.email"])
    .where("m.organisation_id", "=", unitId)
    .where("m.role", "in", ["ansatt", "leder"])
    .groupBy(["u.id", "u.name", "u.email"])
    .orderBy("u.name")
    .execute();
  const completions =
    staff.length === 0
      ? []
      : await db
          .selectFrom("module_completion")
          .select(["user_id", "module", "mode"])
          .where("package", "=", pkg)
          .where(
            "user_id",
            "in",
            staff.map((s) => s.id),
          )
          .execute();
  const status = new Map(completions.map((c) => [`${c.user_id}/${c.module}`, c.mode]));
  return staff.map((s) => ({
    name: s.name,
    email: s.email,
    modules: MODULES.map((mod) => ({
      mod,
      status: (status.get(`${s.id}/${mod}`) ?? null) as CompletionMode | null,
    })),
  }));
}

/**
 * Completion per unit and module across one owner, counted in SQL: the number of staff in each
 * unit and how many of them have completed each module of the unit's package.
 */
export async function ownerCompletionSummary(db: Kysely<Database>, ownerId: string) {
  const units = await db
    .selectFrom("organisation as o")
    .leftJoin("membership as m", (join) =>
      join.onRef("m.organisation_id", "=", "o.id").on("m.role", "in", ["ansatt", "leder"]),
    )
    .select([
      "o.id",
      "o.name",
      "o.unit_type",
      (eb) => eb.fn.count<number>("m.user_id").distinct().as("staff"),
    ])
    .where("o.parent_id", "=", ownerId)
    .where("o.kind", "=", "enhet")
    .where("o.archived_at", "is", null)
    .groupBy(["o.id", "o.name", "o.unit_type"])
    .orderBy("o.name")
    .execute();
  const done = await db
    .selectFrom("membership as m")
    .innerJoin("organisation as o", "o.id", "m.organisation_id")
    .innerJoin("module_completion as c", "c.user_id", "m.user_id")
    .select([
      "m.organisation_id as unit_id",
      "c.package",
      "c.module",
      (eb) => eb.fn.count<number>("c.user_id").distinct().as("done"),
    ])
    .where("o.parent_id", "=", ownerId)
    .where("o.kind", "=", "enhet")
    .where("m.role", "in", ["ansatt", "leder"])
    .groupBy(["m.organisation_id", "c.package", "c.module"])
    .execute();
  const doneOf = new Map(done.map((d) => [`${d.unit_id}/${d.package}/${d.module}`, Number(d.done)]));
  return units.map((u) => {
    const pkg = packageForUnit(u.unit_type);
    return {
      id: u.id,
      name: u.name,
      pkg,
      staff: Number(u.staff),
      modules: MODULES.map((mod) => ({ mod, done: doneOf.get(`${u.id}/${pkg}/${mod}`) ?? 0 })),
    };
  });
}
