import { useT } from "../i18n/use-t.ts";

/**
 * «Logg inn med Feide» and «Logg inn med Microsoft (Entra ID)», for the providers the operator
 * configured (decision 023). Plain links: they work without JavaScript, and the e-mail form beside
 * them always stays.
 */
export function SsoButtons({
  providers,
  next,
  note,
}: {
  providers: string[];
  next: string;
  /** A sentence under the heading (the invitation page says what happens next). */
  note?: string;
}) {
  const t = useT();
  if (providers.length === 0) return null;
  return (
    <section className="stack sso" aria-labelledby="sso-heading">
      <h2 id="sso-heading" className="ds-heading" data-size="2xs">
        {t("sso.lead")}
      </h2>
      {note ? <p className="ds-paragraph">{note}</p> : null}
      <ul className="sso-list">
        {providers.map((id) => (
          <li key={id}>
            <a
              className="ds-button"
              data-variant="secondary"
              href={`/logg-inn/sso/${id}?neste=${encodeURIComponent(next)}`}
              rel="nofollow"
            >
              {t(id === "entra" ? "sso.signIn.entra" : "sso.signIn.feide")}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
