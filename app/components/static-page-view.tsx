import type { TStaticPage } from "../features/pages/static-page.ts";
import { useT } from "../i18n/use-t.ts";

export function StaticPageView({ page }: { page: TStaticPage["nb"] }) {
  const t = useT();
  return (
    <article className="prose stack">
      <h1 className="ds-heading" data-size="lg">
        {page.title}
      </h1>
      <p className="ds-paragraph" data-size="lg">
        {page.lead}
      </p>
      {page.sections.map((s) => (
        <section key={s.heading} className="stack">
          <h2 className="ds-heading" data-size="sm">
            {s.heading}
          </h2>
          {s.paragraphs.map((p) => (
            <p key={p} className="ds-paragraph">
              {p}
            </p>
          ))}
          {s.list ? (
            <ul className="ds-list">
              {s.list.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      <p className="ds-paragraph" data-size="sm">
        {t("page.updated", { date: page.updated })}
      </p>
    </article>
  );
}
