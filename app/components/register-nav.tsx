import { Link } from "react-router";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";

const REGISTERS: { href: string; label: MessageKey }[] = [
  { href: "/behandlinger", label: "register.processing" },
  { href: "/systemer", label: "register.systems" },
  { href: "/ros", label: "register.ros" },
  { href: "/dpia", label: "register.dpia" },
];

/**
 * The owner's registers, side by side at the top of each register's list; the one shown is marked.
 * `showLog` adds the audit log, for those who may read it (audit:read, decision 025).
 */
export function RegisterNav({ current, showLog = false }: { current: string; showLog?: boolean }) {
  const t = useT();
  const links = showLog ? [...REGISTERS, { href: "/logg", label: "register.log" as const }] : REGISTERS;
  return (
    <nav aria-label={t("register.nav")} className="register-nav">
      <ul>
        {links.map((r) => (
          <li key={r.href}>
            <Link className="ds-link" to={r.href} aria-current={r.href === current ? "page" : undefined}>
              {t(r.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
