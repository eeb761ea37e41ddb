import { Form, Link } from "react-router";
import { catalogueLocale, getCatalogue } from "../features/classifier/catalogue.server.ts";
import { KATEGORIER, type Kategori } from "../features/classifier/catalogue.ts";
import { tokenize, wordMatches } from "../features/classifier/classify.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useContentLang, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { loadActor, localeFor } from "../lib/route.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/personopplysninger-katalog";

export const handle: RouteHandle = { hydrate: false, sharedWhenAnonymous: true };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "catalogue.title");

/** The strictest first: what needs the most care is on top. */
const ORDER: Kategori[] = [...KATEGORIER].reverse();

/** Public. A GET form filters by words and category, so a filtered list can be bookmarked and works without JavaScript. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const kategoriParam = url.searchParams.get("kategori") ?? "";
  const kategori = (KATEGORIER as readonly string[]).includes(kategoriParam)
    ? (kategoriParam as Kategori)
    : null;
  const lang = catalogueLocale(localeFor(request, await loadActor(context, request)));
  const words = tokenize(q);
  const entries = getCatalogue()
    .filter((e) => !kategori || e.kategori === kategori)
    .filter((e) => {
      if (words.length === 0) return true;
      const haystack = tokenize([e.navn.nb, e.navn.nn, ...e.synonymer.nb, ...e.synonymer.nn].join(" "));
      return words.every((w) => haystack.some((h) => h.includes(w) || wordMatches(h, w)));
    })
    .map((e) => ({
      id: e.id,
      name: e.navn[lang],
      synonyms: e.synonymer[lang].filter((s) => s.toLowerCase() !== e.navn[lang].toLowerCase()),
      kategori: e.kategori,
      saerlige: e.saerligeKategorier,
      why: e.forklaring[lang],
      ref: e.hjemmel,
      examples: e.eksempler[lang],
      doubt: e.tvil,
    }));
  return { q, kategori, entries, total: getCatalogue().length };
}

export default function Katalog({ loaderData: c }: Route.ComponentProps) {
  const t = useT();
  const contentLang = useContentLang();
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to="/personopplysninger">
          {t("guide.title")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("catalogue.title")}
      </h1>
      <p className="ds-paragraph">{t("catalogue.intro", { count: c.total })}</p>
      <Form method="get" className="filter-form" role="search">
        <div className="ds-field">
          <label className="ds-label" htmlFor="q">
            {t("catalogue.search")}
          </label>
          <input className="ds-input" id="q" name="q" defaultValue={c.q} />
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="kategori">
            {t("catalogue.filterKategori")}
          </label>
          <select className="ds-input" id="kategori" name="kategori" defaultValue={c.kategori ?? ""}>
            <option value="">{t("catalogue.all")}</option>
            {ORDER.map((k) => (
              <option key={k} value={k}>
                {t(`classifier.kategori.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="ds-button" data-variant="secondary">
            {t("catalogue.filter")}
          </button>
        </div>
      </Form>
      <p className="ds-paragraph" role="status">
        {t("catalogue.showing", { count: c.entries.length })}
      </p>
      {ORDER.map((k) => {
        const list = c.entries.filter((e) => e.kategori === k);
        if (list.length === 0) return null;
        return (
          <section key={k} aria-labelledby={`k-${k}`} className="stack">
            <h2 className="ds-heading" data-size="md" id={`k-${k}`}>
              {t(`classifier.kategori.${k}` as MessageKey)} ({list.length})
            </h2>
            {list.map((e) => (
              <article key={e.id} id={e.id} className="catalogue-entry stack-sm">
                <h3 className="ds-heading" data-size="xs" lang={contentLang}>
                  {e.name}
                </h3>
                {e.saerlige.length > 0 ? (
                  <p className="ds-paragraph" data-size="sm">
                    {t("classifier.specialKinds")}{" "}
                    {e.saerlige.map((s) => t(`classifier.kind.${s}` as MessageKey)).join(", ")}
                  </p>
                ) : null}
                <p className="ds-paragraph" lang={contentLang}>
                  {e.why}
                </p>
                {e.doubt ? (
                  <p className="ds-paragraph" data-size="sm">
                    <strong>{t("catalogue.doubt")}</strong>
                  </p>
                ) : null}
                <dl className="facts" data-size="sm">
                  {e.synonyms.length > 0 ? (
                    <>
                      <dt>{t("catalogue.alsoCalled")}</dt>
                      <dd lang={contentLang}>{e.synonyms.join(", ")}</dd>
                    </>
                  ) : null}
                  <dt>{t("catalogue.examples")}</dt>
                  <dd lang={contentLang}>{e.examples.join(" · ")}</dd>
                  <dt>{t("catalogue.reference")}</dt>
                  <dd lang={contentLang}>{e.ref}</dd>
                </dl>
              </article>
            ))}
          </section>
        );
      })}
    </div>
  );
}
