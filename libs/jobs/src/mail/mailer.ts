import nodemailer, { Transporter } from 'nodemailer';
import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** `<…@…>`, derived from what the message is about: a resend after a crash carries the same id. */
  messageId: string;
}

/**
 * The server refused the message with a reply (`reply`: its code and text, as it said it). `permanent`:
 * a 5xx reply to the recipient or to the message itself (`550 5.1.1` no such mailbox): sending it again
 * changes nothing. A 5xx to anything else (the sender, authentication) is Kinerja's configuration, and
 * a 4xx is a "later": both are retried as a connection error is.
 */
export class MailRefused extends Error {
  constructor(readonly reply: string, readonly permanent: boolean) {
    super(`SMTP refused the message: ${reply}`);
  }
}

/** Commands whose 5xx reply is about this recipient or this message, not about Kinerja's configuration. */
const MESSAGE_COMMANDS = ['RCPT TO', 'DATA'];

/** RFC 3834: every message is sent by a program, so vacation responders and the like must not answer it. */
export const AUTO_SUBMITTED = { 'Auto-Submitted': 'auto-generated' };

/** The one way Kinerja sends e-mail. Resolves once the server accepted the message; rejects otherwise (`MailRefused` when it answered no). */
export abstract class Mailer {
  /** False when no SMTP server is configured: messages are logged and counted as handled. */
  abstract readonly enabled: boolean;
  abstract send(message: MailMessage): Promise<void>;
  abstract close(): Promise<void>;
}

export class SmtpMailer extends Mailer {
  readonly enabled = true;
  private readonly transport: Transporter;

  constructor(smtpUrl: string, private readonly from: string) {
    super();
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: message.messageId,
      headers: AUTO_SUBMITTED,
    }).catch((error: unknown) => {
      throw refusalOf(error) ?? error;
    });
    const accepted = (info.accepted ?? []).map((a) => (typeof a === 'string' ? a : (a as { address: string }).address));
    if (!accepted.some((address) => address.toLowerCase() === message.to.toLowerCase())) {
      throw new Error(`SMTP did not accept ${message.to}: ${JSON.stringify(info.rejected ?? [])}`);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/** The server's reply in a nodemailer error (`responseCode`, `response`, `command`), or null when it did not answer. */
function refusalOf(error: unknown): MailRefused | null {
  const e = error as { responseCode?: unknown; response?: unknown; command?: unknown };
  if (typeof e?.responseCode !== 'number') return null;
  const reply = typeof e.response === 'string' && e.response.trim() !== '' ? e.response.trim() : String(e.responseCode);
  const permanent = e.responseCode >= 500 && e.responseCode < 600 && MESSAGE_COMMANDS.some((c) => String(e.command ?? '').startsWith(c));
  return new MailRefused(reply, permanent);
}

/** SMTP_URL unset: e-mail is skipped and the skip is logged, the in-app inbox still works. */
export class LogOnlyMailer extends Mailer {
  readonly enabled = false;

  constructor(private readonly logger: Logger) {
    super();
  }

  async send(message: MailMessage): Promise<void> {
    this.logger.info({ to: message.to, subject: message.subject, messageId: message.messageId }, 'SMTP_URL is not set: e-mail skipped');
  }

  async close(): Promise<void> {}
}

export function createMailer(config: { SMTP_URL?: string; MAIL_FROM: string }, logger: Logger): Mailer {
  return config.SMTP_URL ? new SmtpMailer(config.SMTP_URL, config.MAIL_FROM) : new LogOnlyMailer(logger);
}
