import { useT } from "../i18n/use-t.ts";

export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <nav aria-label={t("layout.footerNav")}>
        <ul className="inline-list">
          <li>
            <a className="ds-link" href="/tilgjengelighet">
              {t("footer.accessibility")}
            </a>
          </li>
          <li>
            <a className="ds-link" href="/personvern">
              {t("footer.privacy")}
            </a>
          </li>
        </ul>
      </nav>
      <p className="ds-paragraph" data-size="sm">
        {t("footer.tagline")}
      </p>
    </footer>
  );
}
