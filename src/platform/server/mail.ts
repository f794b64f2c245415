// Outgoing mail. With SMTP_URL it goes over SMTP; without it, each mail (with its links) is written to the log
// so that a newcomer running locally can follow an invitation or a password reset.
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export type Mail = { to: string; subject: string; text: string };

/** A reminder mail in the platform's one frame: a greeting, the message's lines, the link, an automatic-mail footer. */
export function reminderMail(opts: { to: string; name: string; subject: string; lines: string[]; link: string }): Mail {
  return {
    to: opts.to,
    subject: opts.subject,
    text: [
      `Hej ${opts.name},`,
      '',
      ...opts.lines,
      '',
      opts.link,
      '',
      'Det här är ett automatiskt meddelande från Kompetensnav.',
    ].join('\n'),
  };
}

export type Mailer = {
  send(mail: Mail): Promise<void>;
  /** The last mails sent through the log transport (development and tests only; empty with SMTP). */
  readonly recent: Mail[];
};

export function createMailer(opts: { smtpUrl: string | undefined; from: string; logger: Logger }): Mailer {
  const recent: Mail[] = [];
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      recent,
      async send(mail) {
        await transport.sendMail({ from: opts.from, to: mail.to, subject: mail.subject, text: mail.text });
        opts.logger.info({ mail: { subject: mail.subject } }, 'mail sent over SMTP');
      },
    };
  }
  return {
    recent,
    async send(mail) {
      recent.push(mail);
      if (recent.length > 50) recent.shift();
      opts.logger.info({ mail }, 'mail (no SMTP_URL configured, so it is written here instead of sent)');
    },
  };
}
