import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

/** Delivers mail, or says it keeps it (no SMTP configured: the outbox is the mailbox). */
export interface Mailer {
  readonly delivers: boolean;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** nodemailer over SMTP with a pooled connection. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(
    smtpUrl.includes('?') ? `${smtpUrl}&pool=true` : `${smtpUrl}?pool=true`,
  );
  return {
    delivers: true,
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
      });
    },
    close: () => transport.close(),
  };
}

/** Without SMTP the mail stays in the outbox, readable by admins, and is logged. */
export function createKeepingMailer(log: (mail: OutgoingMail) => void): Mailer {
  return {
    delivers: false,
    send(mail) {
      log(mail);
      return Promise.resolve();
    },
    close() {},
  };
}
