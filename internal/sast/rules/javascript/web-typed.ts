import express from 'express';
import session from 'express-session';
import cookieSession from 'cookie-session';
import cors from 'cors';
import serveIndex from 'serve-index';
import errorhandler from 'errorhandler';
import helmet from 'helmet';
import libxmljs from 'libxmljs';
import serialize from 'node-serialize';
import yaml from 'js-yaml';
import * as path from 'path';

const app = express();

function cookies(req: Request, res: Response, sid: any, opts: any) {
  // ruleid: javascript.express.cookie-missing-secure, javascript.express.cookie-missing-httponly
  res.cookie('sid', sid);
  // ruleid: javascript.express.cookie-missing-secure
  res.cookie('sid', sid, { httpOnly: true, sameSite: 'lax' });
  // ruleid: javascript.express.cookie-missing-httponly
  res.cookie('sid', sid, { secure: true, httpOnly: false });
  // ok: javascript.express.cookie-missing-secure, javascript.express.cookie-missing-httponly
  res.cookie('sid', sid, { secure: true, httpOnly: true, sameSite: 'lax' });
  // ok: javascript.express.cookie-missing-secure, javascript.express.cookie-missing-httponly
  res.cookie('sid', sid, { ...opts, maxAge: 3600 });
  // ok: javascript.express.cookie-missing-secure, javascript.express.cookie-missing-httponly
  res.cookie('theme', 'dark', { secure: process.env.NODE_ENV === 'production', httpOnly: true });
}

// ruleid: javascript.express.session-cookie-insecure
app.use(session({ secret: process.env.S, cookie: { secure: false } }));
// ruleid: javascript.express.session-cookie-insecure
app.use(cookieSession({ name: 'session', keys: [process.env.K1], httpOnly: false }));
// ok: javascript.express.session-cookie-insecure
app.use(session({ secret: process.env.S, cookie: { secure: true, httpOnly: true, sameSite: 'lax' } }));
// ok: javascript.express.session-cookie-insecure
app.use(cookieSession({ name: 'session', keys: [process.env.K1], secure: true }));

// ruleid: javascript.express.session-hardcoded-secret
app.use(cookieSession({ name: 'session', keys: ['key1', 'key2'] }));
// ok: javascript.express.session-hardcoded-secret
app.use(cookieSession({ name: 'session', keys: [process.env.K1, process.env.K2] }));

// ruleid: javascript.express.cors-any-origin-with-credentials
app.use(cors({ origin: true, credentials: true }));
app.use((req: Request, res: Response, next: NextFunction) => {
  // ruleid: javascript.express.cors-any-origin-with-credentials
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});
// ok: javascript.express.cors-any-origin-with-credentials
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
// ok: javascript.express.cors-any-origin-with-credentials
app.use(cors());

// ruleid: javascript.express.directory-listing
app.use('/files', serveIndex('public/files', { icons: true }));
// ruleid: javascript.express.directory-listing
app.use('/logs', express.static('logs'), serveIndex('logs'));
// ok: javascript.express.directory-listing
app.use('/static', express.static(path.join(__dirname, 'public'), { index: false }));
// ok: javascript.express.directory-listing
app.use('/assets', express.static('assets'));

// ruleid: javascript.express.static-dotfiles
app.use(express.static('public', { dotfiles: 'allow' }));
// ruleid: javascript.express.static-dotfiles
app.use('/site', express.static(path.join(__dirname, 'site'), { maxAge: '1d', dotfiles: 'allow' }));
// ok: javascript.express.static-dotfiles
app.use(express.static('public', { dotfiles: 'deny' }));
// ok: javascript.express.static-dotfiles
app.use(express.static('public'));

// ruleid: javascript.express.error-handler-in-production
app.use(errorhandler());
if (process.env.NODE_ENV === 'development') {
  // ok: javascript.express.error-handler-in-production
  app.use(errorhandler());
}
// ok: javascript.express.error-handler-in-production
if (process.env.NODE_ENV !== 'production') app.use(errorhandler({ log: true }));

function late(sub: any) {
  // ruleid: javascript.express.error-handler-in-production
  sub.use(errorhandler({ log: false }));
}

app.use((err: Error, req: Request, res: Response, next: NextFunction) => {
  // ruleid: javascript.express.stack-trace-exposure
  res.status(500).send(err.stack);
});
app.use((err: Error, req: Request, res: Response, next: NextFunction) => {
  // ruleid: javascript.express.stack-trace-exposure
  res.json({ message: err.message, stack: err.stack });
});
app.use((err: Error, req: Request, res: Response, next: NextFunction) => {
  // ok: javascript.express.stack-trace-exposure
  res.status(500).json({ error: 'internal error' });
});
app.use((err: Error, req: Request, res: Response, next: NextFunction) => {
  // ok: javascript.express.stack-trace-exposure
  res.status(500).send(err.message);
});

// ruleid: javascript.express.helmet-protection-disabled
app.use(helmet({ contentSecurityPolicy: false }));
// ruleid: javascript.express.helmet-protection-disabled
app.use(helmet({ frameguard: false, hsts: { maxAge: 1 } }));
// ok: javascript.express.helmet-protection-disabled
app.use(helmet());
// ok: javascript.express.helmet-protection-disabled
app.use(helmet({ crossOriginEmbedderPolicy: false }));

function parse(xml: any, body: any) {
  // ruleid: javascript.xml.libxmljs-noent
  const a = libxmljs.parseXml(xml, { noent: true });
  // ruleid: javascript.xml.libxmljs-noent
  const b = libxmljs.parseXmlString(xml, { noblanks: true, noent: true });
  // ok: javascript.xml.libxmljs-noent
  const c = libxmljs.parseXml(xml, { noent: false, nonet: true });
  // ok: javascript.xml.libxmljs-noent
  const d = libxmljs.parseXml(xml);
  // ruleid: javascript.deserialization.unsafe-unserialize
  const e = serialize.unserialize(body);
  // ruleid: javascript.deserialization.unsafe-unserialize
  const f = yaml.load(body, { schema: yaml.DEFAULT_FULL_SCHEMA });
  // ok: javascript.deserialization.unsafe-unserialize
  const g = JSON.parse(body);
  // ok: javascript.deserialization.unsafe-unserialize
  const h = yaml.load(body);
  return [a, b, c, d, e, f, g, h];
}

async function queries(pool: any, db: any, email: any, id: any) {
  // ruleid: javascript.sql.format-string-query
  await pool.query(`SELECT id FROM users WHERE email = '${email}'`);
  // ruleid: javascript.sql.format-string-query
  await db.run('DELETE FROM sessions WHERE user_id = ' + id);
  // ok: javascript.sql.format-string-query
  await pool.query('SELECT id FROM users WHERE email = $1', [email]);
  // ok: javascript.sql.format-string-query
  await db.run(`DELETE FROM sessions WHERE user_id = ?`, [id]);
  // ok: javascript.sql.format-string-query
  await pool.query(SQL.activeUsers, [email]);
}

export { app, cookies, late, parse, queries };
