import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { dayInNorway } from "../lib/time.ts";
import { RowAction } from "./form.tsx";

export interface InvitationRow {
  id: string;
  email: string;
  role: string;
  expires_at: string;
  organisation_name: string;
}

export function InvitationList({ invitations }: { invitations: InvitationRow[] }) {
  const t = useT();
  if (invitations.length === 0) return null;
  return (
    <div className="stack">
      <h3 className="ds-heading" data-size="xs">
        {t("invite.open")}
      </h3>
      <table className="ds-table" data-border>
        <caption className="ds-sr-only">{t("invite.open")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("field.email")}</th>
            <th scope="col">{t("field.role")}</th>
            <th scope="col">{t("invite.expires")}</th>
            <th scope="col">
              <span className="ds-sr-only">{t("common.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((i) => (
            <tr key={i.id}>
              <td>{i.email}</td>
              <td>
                {t(`role.${i.role}` as MessageKey)} – {i.organisation_name}
              </td>
              <td>{dayInNorway(i.expires_at)}</td>
              <td>
                <RowAction
                  intent="revoke-invitation"
                  fields={{ invitationId: i.id }}
                  label={t("invite.revoke")}
                  about={i.email}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
