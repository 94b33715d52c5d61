import nodemailer, { Transporter } from 'nodemailer';
import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** `<…@…>`, derived from what the message is about: a resend after a crash carries the same id. */
  messageId: string;
}

/** The one way Kinerja sends e-mail. Resolves once the server accepted the message; rejects otherwise. */
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
