import type { Locale } from "../../i18n/locales.ts";
import type { ContentSource } from "../../lib/content-source.ts";
import { MODULES, PACKAGES, type TModuleText, type TPackage } from "./content-schema.ts";
import { parseModuleFile } from "./parse-module.ts";

/** The course files, bundled at build time and validated when the server starts. */
const files = import.meta.glob<ContentSource>("/content/learning/*/*/*.yaml", {
  query: "?parsed",
  import: "default",
  eager: true,
});

type ContentLocale = "nb" | "nn";
const modules = new Map<string, TModuleText>();
for (const [file, source] of Object.entries(files)) {
  const match = file.match(/\/content\/learning\/(\w+)\/(\d)\/(nb|nn)\.yaml$/);
  if (match) modules.set(`${match[1]}/${match[2]}/${match[3]}`, parseModuleFile(source, file));
}

/** Course text exists in bokmål and nynorsk; English readers get bokmål. */
export const contentLocale = (locale: Locale): ContentLocale => (locale === "nn" ? "nn" : "nb");

export const isPackage = (value: string): value is TPackage =>
  (PACKAGES as readonly string[]).includes(value);

export function parseModuleParams(params: { pakke?: string; modul?: string }) {
  const pkg = params.pakke ?? "";
  const mod = Number(params.modul);
  if (!isPackage(pkg) || !(MODULES as readonly number[]).includes(mod)) return null;
  return { pkg, mod };
}

export function getModule(pkg: TPackage, mod: number, locale: Locale): TModuleText | null {
  return modules.get(`${pkg}/${mod}/${contentLocale(locale)}`) ?? null;
}

/** Every module that has content, per package, in the order of the course. */
export function listModules(locale: Locale) {
  return PACKAGES.map((pkg) => ({
    pkg,
    modules: MODULES.flatMap((mod) => {
      const m = getModule(pkg, mod, locale);
      return m
        ? [
            {
              mod,
              title: m.title,
              summary: m.summary,
              audience: m.audience,
              minutes: m.minutes,
              steps: m.steps.length,
            },
          ]
        : [];
    }),
  }));
}
