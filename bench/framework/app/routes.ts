import { type RouteConfig, type RouteConfigEntry, route } from "@react-router/dev/routes";
import oppvern from "../../../app/routes.ts";

/** Oppvern's route table, every route showing the same one-line page. */
const same = (entries: RouteConfigEntry[], prefix = "r"): RouteConfigEntry[] =>
  entries.map((entry, i) => ({
    ...entry,
    id: `${prefix}${i}`,
    file: "page.tsx",
    children: entry.children ? same(entry.children, `${prefix}${i}-`) : undefined,
  }));

export default (process.env.FRAMEWORK_ROUTES === "one"
  ? [route("tilgjengelighet", "page.tsx")]
  : same(oppvern)) satisfies RouteConfig;
