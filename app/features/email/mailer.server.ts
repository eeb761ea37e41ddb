import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../../db/schema.ts";
import { nowIso } from "../../lib/time.ts";
import { newId } from "../../lib/tokens.server.ts";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

/**
 * Every message is written to the outbox table first. With SMTP_URL it is then sent over SMTP;
 * without it, the outbox is the delivery (shown to admins in demo/dev mode) and the log says so.
 */
export function createMailer(options: {
  db: Kysely<Database>;
  smtpUrl?: string;
  from: string;
  log: Logger;
}): Mailer {
  const smtpUrl = options.smtpUrl;
  // nodemailer loads with the first message, not when the server starts.
  let transport: Promise<{ sendMail(message: object): Promise<unknown> }> | null = null;
  const connect = () => {
    if (!smtpUrl) return null;
    transport ??= import("nodemailer").then((m) => m.default.createTransport(smtpUrl));
    return transport;
  };
  return {
    async send(message) {
      const id = newId();
      await options.db
        .insertInto("outbox")
        .values({
          id,
          to_address: message.to,
          subject: message.subject,
          text_body: message.text,
          created_at: nowIso(),
          sent_at: null,
          error: null,
        })
        .execute();
      const smtp = connect();
      if (!smtp) {
        options.log.info({ emailId: id, subject: message.subject }, "email kept in the development outbox");
        return;
      }
      try {
        await (await smtp).sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
        });
        await options.db.updateTable("outbox").set({ sent_at: nowIso() }).where("id", "=", id).execute();
      } catch (error) {
        options.log.error({ emailId: id, err: error }, "email could not be sent");
        await options.db
          .updateTable("outbox")
          .set({ error: String(error) })
          .where("id", "=", id)
          .execute();
      }
    },
  };
}
