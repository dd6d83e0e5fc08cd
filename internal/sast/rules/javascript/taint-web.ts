import express from 'express';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import axios from 'axios';
import escapeHtml from 'escape-html';
import { exec, execFile } from 'child_process';
import db from './db';
import * as helpers from './taint-web-helpers';

const app = express();

app.get('/search', async (req: Request, res: Response) => {
  const term = req.query.q;
  // ruleid: javascript.taint.sql-injection
  // ruleid: javascript.sql.format-string-query
  await db.query("SELECT * FROM items WHERE name = '" + term + "'");
  // ruleid: javascript.taint.sql-injection
  await db.query(helpers.select('orders', helpers.whereOwner(req.body.owner)));
  // ok: javascript.taint.sql-injection
  await db.query('SELECT * FROM items WHERE name = $1', [term]);
  // ok: javascript.taint.sql-injection
  // ruleid: javascript.sql.format-string-query
  await db.query('SELECT * FROM items LIMIT ' + parseInt(req.query.limit, 10));
  res.json({ ok: true });
});

app.post('/ping', (req: Request, res: Response) => {
  const { host } = req.body;
  // ruleid: javascript.taint.command-injection
  // ruleid: javascript.lang.child-process-non-constant-command
  exec('ping -c 1 ' + host, () => {});
  // ruleid: javascript.taint.command-injection
  // ruleid: javascript.lang.child-process-non-constant-command
  exec(`nslookup ${helpers.trimmed(host)}`);
  // ok: javascript.taint.command-injection
  execFile('ping', ['-c', '1', host], () => {});
  const num = 106;
  let cmd = 'uptime';
  if ((7 * 42) - num > 200) {
    cmd = 'ping ' + host;
  }
  // ok: javascript.taint.command-injection
  // ruleid: javascript.lang.child-process-non-constant-command
  exec(cmd);
  res.end();
});

app.get('/calc', (req: Request, res: Response) => {
  const expr = req.query.expr;
  // ruleid: javascript.taint.code-injection
  // ruleid: javascript.lang.eval-non-literal
  const r = eval(expr);
  // ruleid: javascript.taint.code-injection
  // ruleid: javascript.lang.eval-non-literal
  vm.runInNewContext('x = ' + req.query.x, {});
  // ok: javascript.taint.code-injection
  // ruleid: javascript.lang.eval-non-literal
  eval('1 + ' + Number.parseInt(expr, 10));
  const opts = { a: expr, b: '2 + 2' };
  // ok: javascript.taint.code-injection
  // ruleid: javascript.lang.eval-non-literal
  eval(opts.b);
  res.json({ r });
});

app.get('/file', (req: Request, res: Response) => {
  const name = req.query.name;
  // ruleid: javascript.taint.path-traversal
  const data = fs.readFileSync('/srv/files/' + name);
  // ruleid: javascript.taint.path-traversal
  res.sendFile(path.join('/srv/files', req.params.file));
  // ok: javascript.taint.path-traversal
  const safe = fs.readFileSync(path.join('/srv/files', path.basename(name)));
  // ok: javascript.taint.path-traversal
  const fixed = fs.readFileSync('/srv/files/index.txt');
  res.json({ data, safe, fixed });
});

app.get('/hello', (req: Request, res: Response) => {
  const who = req.query.who;
  // ruleid: javascript.taint.xss
  res.send('<h1>Hello ' + who + '</h1>');
  // ok: javascript.taint.xss
  res.send('<h1>Hello ' + escapeHtml(who) + '</h1>');
  // ok: javascript.taint.xss
  res.send(who.length > 3 ? '<h1>Hi</h1>' : '<h1>Hello</h1>');
});

app.get('/card', (req: Request, res: Response) => {
  // ruleid: javascript.taint.xss
  res.send(helpers.card(req.query.title));
});

app.get('/proxy', async (req: Request, res: Response) => {
  const url = req.query.url;
  // ruleid: javascript.taint.ssrf
  const a = await axios.get(url);
  // ruleid: javascript.taint.ssrf
  const b = await fetch('http://' + req.headers['x-backend'] + '/hook');
  const targets = { status: 'https://api.example.com/status', user: url };
  // ok: javascript.taint.ssrf
  const c = await axios.get(targets.status);
  // ok: javascript.taint.ssrf
  const d = await fetch('https://api.example.com/items/' + parseInt(url, 10));
  res.json({ a: a.data, b: b.status, c: c.data, d: d.status });
});
