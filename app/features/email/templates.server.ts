import { localeOr } from "../../i18n/locales.ts";
import { createT, type MessageKey } from "../../i18n/translate.ts";
import { formatDate } from "../../lib/time.ts";
import type { EmailMessage } from "./mailer.server.ts";

type Kind =
  | "verify"
  | "reset"
  | "invite"
  | "assessment"
  | "incident"
  | "incidentInfo"
  | "incidentReminder"
  | "planReminder"
  | "inactive"
  | "commentFromGuide"
  | "commentFromOwner"
  | "networkInvitation";

interface Vars {
  to: string;
  url: string;
  name?: string | null;
  inviter?: string;
  organisation?: string;
  role?: string;
  /** A moment already written in the recipient's words (an incident's deadline). */
  moment?: string;
  /** What the e-mail is about: a measure's title. */
  title?: string;
  /** The guidance programme (or the network) the e-mail is about. */
  programme?: string;
  /** A calendar date (YYYY-MM-DD) to answer by: said in the recipient's words. */
  deadline?: string | null;
}

/** Builds an email in the recipient's language from the message catalogue. */
export function buildEmail(kind: Kind, locale: string, vars: Vars): EmailMessage {
  const language = localeOr(locale);
  const t = createT(language);
  const values = {
    url: vars.url,
    name: vars.name || vars.to,
    inviter: vars.inviter ?? "",
    organisation: vars.organisation ?? "",
    role: vars.role ? t(`role.${vars.role}` as MessageKey) : "",
    moment: vars.moment ?? "",
    title: vars.title ?? "",
    programme: vars.programme ?? "",
  };
  return {
    to: vars.to,
    subject: t(`email.${kind}.subject`, values),
    text: [
      t(`email.${kind}.body`, values),
      ...(vars.deadline
        ? [t("email.assessment.deadline", { date: formatDate(vars.deadline, language) })]
        : []),
      t("email.signature"),
    ].join("\n\n"),
  };
}
