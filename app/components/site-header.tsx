import { Form, NavLink, useLocation } from "react-router";
import { type Locale, locales } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import type { RootData } from "../root.tsx";

const LANGUAGE_NAMES: Record<Locale, string> = { nb: "Bokmål", nn: "Nynorsk", en: "English" };

export function SiteHeader({ root }: { root: RootData }) {
  const t = useT();
  const location = useLocation();
  // The page as it is (a page of a list, a filter), with only the language changed.
  const withLanguage = (l: Locale) => {
    const query = new URLSearchParams(location.search);
    query.set("lang", l);
    return `${location.pathname}?${query}`;
  };
  const orgs = root.organisations;
  const distinctOrgs = orgs.filter((o, i) => orgs.findIndex((x) => x.id === o.id) === i);
  const current = orgs.find((o) => o.id === root.currentOrganisationId);
  return (
    <header className="site-header">
      <a className="ds-skip-link" href="#innhold">
        {t("layout.skipLink")}
      </a>
      <div className="site-header__top">
        <a href="/" className="site-header__brand">
          <span aria-hidden="true" className="site-header__logo">
            ◆
          </span>{" "}
          Oppvern
        </a>
        <nav aria-label={t("layout.language")} className="site-header__languages">
          <ul className="inline-list">
            {locales.map((l) => (
              <li key={l}>
                <a
                  href={withLanguage(l)}
                  hrefLang={l}
                  lang={l}
                  aria-current={root.locale === l ? "true" : undefined}
                  className="ds-link"
                >
                  {LANGUAGE_NAMES[l]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {root.user ? (
        <div className="site-header__context">
          {distinctOrgs.length > 1 ? (
            <Form method="post" action="/bytt-organisasjon" className="org-switcher">
              <label htmlFor="org-switcher" className="ds-label" data-weight="regular">
                {t("layout.currentOrganisation")}
              </label>
              <select id="org-switcher" name="organisationId" className="ds-input" defaultValue={current?.id}>
                {distinctOrgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
              <input type="hidden" name="neste" value={location.pathname} />
              <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
                {t("layout.switch")}
              </button>
            </Form>
          ) : current ? (
            <p className="ds-paragraph" data-size="sm">
              {t("layout.currentOrganisation")}: <strong>{current.name}</strong>
            </p>
          ) : null}
          <div className="site-header__user">
            <span>{root.user.name}</span>
            <Form method="post" action="/logg-ut">
              <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm">
                {t("layout.logout")}
              </button>
            </Form>
          </div>
        </div>
      ) : null}
      <nav aria-label={t("layout.mainNav")} className="site-nav">
        <ul className="inline-list">
          {root.nav.map((item) => (
            <li key={item.href}>
              <NavLink to={item.href} end={item.href === "/"} className="site-nav__link">
                {t(item.label)}
              </NavLink>
            </li>
          ))}
          {!root.user ? (
            <li>
              <NavLink to="/logg-inn" className="site-nav__link">
                {t("nav.login")}
              </NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
    </header>
  );
}
