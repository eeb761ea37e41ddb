import { useRouteLoaderData } from "react-router";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { RowAction } from "./form.tsx";
import { ScrollTable } from "./scroll-table.tsx";

export interface MemberRow {
  id: string;
  user_id: string;
  name: string;
  email: string;
  role: string;
}

/** People with roles; the remove button is not offered on one's own role (it cannot be removed). */
export function MemberTable({ members, canRemove }: { members: MemberRow[]; canRemove: boolean }) {
  const self = useRouteLoaderData("root") as { user?: { id?: string } | null } | undefined;
  const t = useT();
  if (members.length === 0) return <p className="ds-paragraph">{t("member.none")}</p>;
  return (
    <ScrollTable label={t("member.caption")}>
      <thead>
        <tr>
          <th scope="col">{t("field.name")}</th>
          <th scope="col">{t("field.email")}</th>
          <th scope="col">{t("field.role")}</th>
          {canRemove ? (
            <th scope="col">
              <span className="ds-sr-only">{t("common.actions")}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.id}>
            <td>{m.name}</td>
            <td>{m.email}</td>
            <td>{t(`role.${m.role}` as MessageKey)}</td>
            {canRemove ? (
              <td>
                {m.user_id === self?.user?.id ? null : (
                  <RowAction
                    intent="remove-member"
                    fields={{ membershipId: m.id }}
                    label={t("member.remove")}
                    about={m.name}
                  />
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
