// Mail over SMTP_URL reaches a real SMTP server (a local one, standing in for the municipality's relay);
// without SMTP_URL it is written to the log with its link.
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, lastLinkTo, TEST_ORIGIN, type TestApp, testConfig } from '../../../tests/support/test-app.ts';
import { buildUser } from './factories.ts';
import { createMailer } from './mail.ts';

type Received = { from: string; to: string[]; data: string };
const received: Received[] = [];
let smtp: SMTPServer;
let port = 0;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => {
        data += chunk.toString();
      });
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

describe('mail', () => {
  it('sends a password reset over SMTP when SMTP_URL is set', async () => {
    let t: TestApp | undefined;
    try {
      t = await createTestApp({
        config: testConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Kompetensnav <noreply@kn.example>' }),
      });
      const u = await buildUser(t.db);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/request-password-reset',
        headers: { origin: TEST_ORIGIN },
        payload: { email: u.email, redirectTo: '/set-password' },
      });
      expect(res.statusCode).toBe(200);
      await expect.poll(() => received.filter((m) => m.to.includes(u.email)).length).toBe(1);
      const mail = received.find((m) => m.to.includes(u.email));
      expect(mail?.from).toBe('noreply@kn.example');
      expect(mail?.data).toContain('set-password?token=');
      expect(t.mailer.recent).toEqual([]);
    } finally {
      await t?.close();
    }
  });

  it('over SMTP, logs that a mail was sent but never its address, text or link', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'noreply@kn.example',
      logger: pino({}, sink),
    });
    await mailer.send({
      to: 'hemlig@test.example',
      subject: 'Återställ',
      text: 'Länk: https://kn.example/set-password?token=topsecret',
    });
    await expect.poll(() => received.some((m) => m.to.includes('hemlig@test.example'))).toBe(true);
    const log = lines.join('');
    expect(log).toContain('mail sent over SMTP');
    expect(log).not.toContain('topsecret');
    expect(log).not.toContain('hemlig@test.example');
  });

  it('writes the mail and its link to the log when SMTP_URL is unset', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const mailer = createMailer({ smtpUrl: undefined, from: 'x', logger: pino({}, sink) });
    await mailer.send({
      to: 'ny@test.example',
      subject: 'Inbjudan',
      text: 'Välj lösenord: http://localhost:3000/set-password?token=abc',
    });
    const logged = JSON.parse(lines.join(''));
    expect(logged.mail).toMatchObject({ to: 'ny@test.example', subject: 'Inbjudan' });
    expect(logged.mail.text).toContain('http://localhost:3000/set-password?token=abc');
    expect(lastLinkTo(mailer, 'ny@test.example').searchParams.get('token')).toBe('abc');
  });
});
