import express from 'express';
import ldap from 'ldapjs';
import xpath from 'xpath';
import ejs from 'ejs';
import pug from 'pug';
import serialize from 'node-serialize';
import { DOMParser } from '@xmldom/xmldom';
import { EqualityFilter } from '@ldapjs/filter';
import User from './models/user';

const app = express();
const client = ldap.createClient({ url: 'ldaps://ldap.example.com' });
const ROLES = new Set(['viewer', 'editor']);
const doc = new DOMParser().parseFromString('<users/>', 'text/xml');

app.get('/login', (req: Request, res: Response) => {
  const next = req.query.next;
  if (req.query.legacy) {
    // ruleid: javascript.taint.open-redirect
    return res.redirect(next);
  }
  if (req.query.perm) {
    // ruleid: javascript.taint.open-redirect
    return res.redirect(301, 'https://' + req.get('host') + req.query.path);
  }
  if (next === '/account') {
    // ok: javascript.taint.open-redirect
    return res.redirect(next);
  }
  // ok: javascript.taint.open-redirect
  res.redirect('/home');
});

app.get('/people', (req: Request, res: Response) => {
  const uid = req.query.uid;
  // ruleid: javascript.taint.ldap-injection
  client.search('ou=people,dc=example,dc=com', { scope: 'sub', filter: '(uid=' + uid + ')' }, () => {});
  // ruleid: javascript.taint.ldap-injection
  client.search('ou=groups,dc=example,dc=com', { filter: `(member=${req.body.member})`, scope: 'sub' }, () => {});
  // ok: javascript.taint.ldap-injection
  client.search('ou=people,dc=example,dc=com', { scope: 'sub', filter: new EqualityFilter({ attribute: 'uid', value: uid }) }, () => {});
  // ok: javascript.taint.ldap-injection
  client.search('ou=people,dc=example,dc=com', { scope: 'sub', filter: '(objectClass=person)', attributes: [uid] }, () => {});
  res.end();
});

app.get('/user', (req: Request, res: Response) => {
  const name = req.query.name;
  // ruleid: javascript.taint.xpath-injection
  const a = xpath.select("//user[@name='" + name + "']", doc);
  // ruleid: javascript.taint.xpath-injection
  const b = xpath.select1(`//order[@id='${req.params.id}']/total`, doc);
  // ok: javascript.taint.xpath-injection
  const c = xpath.select('//user[@active="true"]', doc);
  // ok: javascript.taint.xpath-injection
  const d = xpath.select('count(//user)', doc);
  res.json({ a, b, c, d, name });
});

app.post('/session/login', async (req: Request, res: Response) => {
  // ruleid: javascript.taint.nosql-injection
  const user = await User.findOne({ email: req.body.email, password: req.body.password });
  // ruleid: javascript.taint.nosql-injection
  const recent = await db.collection('orders').find({ $where: 'this.owner == "' + req.query.owner + '"' }).toArray();
  // ok: javascript.taint.nosql-injection
  const same = await User.findOne({ email: String(req.body.email) });
  // ok: javascript.taint.nosql-injection
  const byId = await User.findOne({ _id: req.params.id });
  res.json({ user, recent, same, byId });
});

app.get('/greet', (req: Request, res: Response) => {
  // ruleid: javascript.taint.template-injection
  const html = ejs.render('<h1>Hello ' + req.query.name + '</h1>');
  // ruleid: javascript.taint.template-injection
  const fn = pug.compile(req.body.template);
  // ok: javascript.taint.template-injection
  const safe = ejs.render('<h1>Hello <%= name %></h1>', { name: req.query.name });
  // ok: javascript.taint.template-injection
  const page = pug.compile('p Hello #{name}')({ name: req.query.name });
  // ruleid: javascript.taint.xss
  res.send([html, fn(), safe, page].join(''));
});

app.get('/prefs', (req: Request, res: Response) => {
  const raw = Buffer.from(req.cookies.prefs, 'base64').toString();
  // ruleid: javascript.taint.unsafe-deserialization
  // ruleid: javascript.deserialization.unsafe-unserialize
  const prefs = serialize.unserialize(raw);
  // ruleid: javascript.taint.unsafe-deserialization
  // ruleid: javascript.deserialization.unsafe-unserialize
  const more = require('node-serialize').unserialize(req.body.state);
  // ok: javascript.taint.unsafe-deserialization
  const safe = JSON.parse(raw);
  // ok: javascript.taint.unsafe-deserialization
  // ruleid: javascript.deserialization.unsafe-unserialize
  const stored = serialize.unserialize(serialize.serialize({ theme: 'dark' }));
  res.json({ prefs, more, safe, stored });
});

app.post('/role', (req: Request, res: Response) => {
  // ruleid: javascript.taint.trust-boundary
  req.session.role = req.body.role;
  // ruleid: javascript.taint.trust-boundary
  req.session['cart'] = { items: req.body.items };
  const { role } = req.body;
  if (ROLES.has(role)) {
    // ok: javascript.taint.trust-boundary
    req.session.role = role;
  }
  // ok: javascript.taint.trust-boundary
  req.session.visited = true;
  res.end();
});

// A client that builds its own outgoing request object named "request":
// its headers are not input from a caller.
export async function followRedirect(url: string, opts: RequestInit): Promise<Response> {
  const request = new Request(url, opts);
  const location = request.headers.get('location') ?? '/';
  // ok: javascript.taint.ssrf
  return fetch(new URL(location, request.url));
}

export function retry(input: string): Promise<Response> {
  const request = new Request(input);
  // ok: javascript.taint.ssrf
  return fetch(request.url, { headers: request.headers });
}
