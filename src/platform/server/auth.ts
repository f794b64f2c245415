// Sign-in, sessions and passwords through better-auth; our own tables hold organisations and roles.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { and, eq } from 'drizzle-orm';
import { account, rateLimit, session, user, verification } from './auth.table.ts';
import type { Config } from './config.ts';
import type { Db } from './db.ts';
import type { Mailer } from './mail.ts';
import { organisation } from './organisation.table.ts';

/** The header our auth route sets from the socket address (replacing any client value), for rate limits. */
export const CLIENT_IP_HEADER = 'x-kompetensnav-client-ip';

export function createAuth(opts: { db: Db; config: Config; mailer: Mailer }) {
  const { db, config, mailer } = opts;
  return betterAuth({
    appName: 'Kompetensnav',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.secret,
    trustedOrigins: config.trustedOrigins,
    telemetry: { enabled: false },
    // better-auth's own logger prints failed queries with their parameters (session tokens): our error handler logs instead.
    logger: { disabled: true },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user, session, account, verification, rateLimit },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 256,
      autoSignIn: false,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      async sendResetPassword({ user: u, token }) {
        await mailer.send(passwordResetMail(config.publicUrl, u.email, token));
      },
    },
    user: {
      additionalFields: {
        organisationId: { type: 'string', required: true, input: false },
        active: { type: 'boolean', required: false, input: false, defaultValue: true },
        locale: { type: 'string', required: false, input: false, defaultValue: 'sv' },
      },
    },
    session: {
      // Sliding idle timeout; the absolute lifetime is enforced where the actor is resolved.
      expiresIn: config.session.idleSeconds,
      updateAge: 5 * 60,
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: config.signIn.perIpWindowSeconds, max: config.signIn.perIpMax },
        '/request-password-reset': { window: 300, max: 10 },
        '/reset-password': { window: 300, max: 20 },
      },
    },
    advanced: {
      // Explicit: better-auth would otherwise skip its origin and CSRF checks whenever NODE_ENV=test or TEST is set.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: config.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true },
    },
    databaseHooks: {
      session: {
        create: {
          // Defence in depth: a deactivated user, or one of a deactivated organisation, gets no session.
          async before(s) {
            const [row] = await db
              .select({ active: user.active, orgActive: organisation.active })
              .from(user)
              .innerJoin(organisation, eq(organisation.id, user.organisationId))
              .where(and(eq(user.id, s.userId)));
            if (!row?.active || !row.orgActive) return false;
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

export function passwordResetMail(publicUrl: string, to: string, token: string) {
  const link = `${publicUrl}/set-password?token=${encodeURIComponent(token)}`;
  return {
    to,
    subject: 'Återställ ditt lösenord i Kompetensnav',
    text: [
      'Hej!',
      '',
      'Någon (förhoppningsvis du) har bett om att få återställa lösenordet till ditt konto i Kompetensnav.',
      `Välj ett nytt lösenord här inom en timme: ${link}`,
      '',
      'Om du inte bad om detta kan du bortse från meddelandet.',
    ].join('\n'),
  };
}

export function invitationMail(publicUrl: string, to: string, name: string, token: string, regionName: string) {
  const link = `${publicUrl}/set-password?token=${encodeURIComponent(token)}&invite=1`;
  return {
    to,
    subject: `Inbjudan till Kompetensnav – ${regionName}`,
    text: [
      `Hej ${name}!`,
      '',
      `Du har fått ett konto i Kompetensnav, plattformen för kompetensförsörjning i ${regionName}.`,
      `Välj ditt lösenord här inom sju dagar: ${link}`,
    ].join('\n'),
  };
}
