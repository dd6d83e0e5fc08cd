import pino from 'pino';
import argon2 from 'argon2';
import { PrismaClient } from '@prisma/client';

const logger = pino();
const prisma = new PrismaClient();

function login(req: Request, user: User, password: string, apiToken: any, pageToken: any) {
  // ruleid: javascript.sensitive.secret-in-log
  console.log('login', user.email, password);
  // ruleid: javascript.sensitive.secret-in-log
  logger.debug(`calling upstream with token ${apiToken}`);
  // ruleid: javascript.sensitive.secret-in-log
  logger.info('form body: ' + req.body.password);
  // ruleid: javascript.sensitive.secret-in-log
  console.error('auth header', req.headers['authorization']);
  // ruleid: javascript.sensitive.secret-in-log
  logger.info({ userId: user.id, secret: process.env.STRIPE_SECRET_KEY }, 'config');
  // ok: javascript.sensitive.secret-in-log
  logger.info(`password reset requested for ${user.email}`);
  // ok: javascript.sensitive.secret-in-log
  logger.info({ userId: user.id, passwordGiven: Boolean(password) }, 'login attempt');
  // ok: javascript.sensitive.secret-in-log
  console.log('token length', apiToken.length);
  // ok: javascript.sensitive.secret-in-log
  logger.info({ userId: user.id, password: '[redacted]' }, 'login attempt');
  // ok: javascript.sensitive.secret-in-log
  logger.debug('next page', pageToken);
  const passwordPolicy = 'strict';
  const tokenCount = 3;
  // ok: javascript.sensitive.secret-in-log
  console.info(`policy ${passwordPolicy}, ${tokenCount} tokens issued`);
}

function pay(order: any, cardNumber: any, customer: any) {
  // ruleid: javascript.sensitive.personal-data-in-log
  logger.info(`charging card ${cardNumber} for order ${order.id}`);
  // ruleid: javascript.sensitive.personal-data-in-log
  console.log('payout to', customer.iban);
  // ruleid: javascript.sensitive.personal-data-in-log
  logger.warn({ ssn: customer.ssn }, 'identity check failed');
  // ok: javascript.sensitive.personal-data-in-log
  logger.info(`charging card ending ${cardNumber.slice(-4)} for order ${order.id}`);
  // ok: javascript.sensitive.personal-data-in-log
  logger.info('payout for customer', customer.id);
  const timeSpan = '3d';
  // ok: javascript.sensitive.personal-data-in-log
  console.log('window', timeSpan);
}

async function callApi(base: any, token: string, password: string, email: any) {
  // ruleid: javascript.sensitive.secret-in-url
  await fetch(base + '/v1/reports?format=csv&access_token=' + token);
  // ruleid: javascript.sensitive.secret-in-url
  await fetch(`${base}/login?user=${email}&password=${password}`);
  const url = new URL('/v2/me', base);
  // ruleid: javascript.sensitive.secret-in-url
  url.searchParams.set('api_key', token);
  // ok: javascript.sensitive.secret-in-url
  url.searchParams.set('format', 'csv');
  // ok: javascript.sensitive.secret-in-url
  await fetch(`${base}/v1/reports?format=csv`, { headers: { Authorization: `Bearer ${token}` } });
  // ok: javascript.sensitive.secret-in-url
  await fetch(`${base}/v1/items?page_token=${token}`);
  // ok: javascript.sensitive.secret-in-url
  await fetch(`${base}/login`, { method: 'POST', body: JSON.stringify({ email, password }) });
}

async function register(db: any, users: any, req: Request, email: any, password: string) {
  // ruleid: javascript.sensitive.plaintext-password-storage
  await db.query('INSERT INTO users (email, password) VALUES ($1, $2)', [email, password]);
  // ruleid: javascript.sensitive.plaintext-password-storage
  await prisma.user.create({ data: { email, password } });
  // ruleid: javascript.sensitive.plaintext-password-storage
  await prisma.user.update({ where: { email }, data: { password: req.body.password } });
  const passwordHash = await argon2.hash(password);
  // ok: javascript.sensitive.plaintext-password-storage
  await db.query('INSERT INTO users (email, password_hash) VALUES ($1, $2)', [email, passwordHash]);
  // ok: javascript.sensitive.plaintext-password-storage
  await prisma.user.create({ data: { email, password: passwordHash } });
  // ok: javascript.sensitive.plaintext-password-storage
  await prisma.user.create({ data: { email, password: await argon2.hash(password) } });
  const user = users.create({ email });
  // ruleid: javascript.sensitive.plaintext-password-storage
  user.password = req.body.password;
  await users.save(user);
  const other = users.create({ email });
  // ok: javascript.sensitive.plaintext-password-storage
  other.password = await argon2.hash(req.body.password);
  await users.save(other);
}

function report(Sentry: any, analytics: any, user: User, cardNumber: any, apiToken: any) {
  // ruleid: javascript.sensitive.data-sent-to-third-party
  Sentry.setExtra('upstream', apiToken);
  // ruleid: javascript.sensitive.data-sent-to-third-party
  analytics.track('Checkout', { userId: user.id, card: cardNumber });
  // ruleid: javascript.sensitive.data-sent-to-third-party
  Sentry.setUser({ id: user.id, email: user.email, password: user.password });
  // ok: javascript.sensitive.data-sent-to-third-party
  Sentry.setUser({ id: user.id });
  // ok: javascript.sensitive.data-sent-to-third-party
  analytics.track('Checkout', { userId: user.id, cardLast4: cardNumber.slice(-4) });
  // ok: javascript.sensitive.data-sent-to-third-party
  Sentry.setTag('token_type', 'bearer');
}
