const express = require('express');
const escapeHtml = require('escape-html');
const db = require('./db');
const helpers = require('./helpers');
const { buildQuery } = require('./helpers');

const app = express();

app.get('/a', (req, res) => {
  const name = req.query.name;
  const q = helpers.buildQuery(name);
  // ruleid: test.js.sqli
  db.query(q);
});

app.get('/b', function (req, res) {
  // ruleid: test.js.sqli
  db.query(buildQuery(req.params.id));
});

app.get('/c', (req, res) => {
  helpers.runQuery(db, req.body.id);
});

app.get('/dead', (req, res) => {
  const param = req.query.name;
  const num = 86;
  let bar = 'safe';
  if ((7 * 42) - num > 200) {
    bar = 'constant';
  } else {
    bar = param;
  }
  // ok: test.js.sqli
  db.query(`SELECT * FROM t WHERE n = '${bar}'`);
  const other = num > 500 ? param : 'fixed';
  // ok: test.js.sqli
  db.query("SELECT * FROM t WHERE n = '" + other + "'");
  switch (num) {
    case 86:
      bar = param;
      break;
    default:
      bar = 'x';
  }
  // ruleid: test.js.sqli
  db.query("SELECT * FROM t WHERE n = '" + bar + "'");
});

app.get('/keys', (req, res) => {
  const o = { a: req.query.a, b: 'safe' };
  o['c'] = 'fine';
  // ok: test.js.sqli
  db.query('SELECT ' + o.b);
  // ok: test.js.sqli
  db.query('SELECT ' + o['c']);
  // ruleid: test.js.sqli
  db.query('SELECT ' + o['a']);
  const arr = ['x', req.query.y];
  arr.shift();
  // ruleid: test.js.sqli
  db.query('SELECT ' + arr[0]);
});

app.get('/param', (req, res) => {
  const { id } = req.query;
  // ok: test.js.sqli
  db.query('SELECT * FROM users WHERE id = ?', [id]);
  // ok: test.js.sqli
  db.query('SELECT * FROM t LIMIT ' + parseInt(req.query.n, 10));
  // ruleid: test.js.xss
  res.send('<p>' + id + '</p>');
  // ok: test.js.xss
  res.send('<p>' + escapeHtml(id) + '</p>');
  // ok: test.js.xss
  res.send('<p>' + helpers.safeLabel(id) + '</p>');
  // An HTML escaper does not make SQL safe.
  // ruleid: test.js.sqli
  db.query("SELECT '" + escapeHtml(id) + "'");
  // ruleid: test.js.xss
  res.send(`<h1>${helpers.greet(req.query.who)}</h1>`);
});

app.get('/callback', (req, res) => {
  const q = req.query.q;
  const fixed = 'constant';
  db.connect((err, conn) => {
    // ruleid: test.js.sqli
    conn.query("SELECT * FROM t WHERE a = '" + q + "'");
    // ok: test.js.sqli
    conn.query("SELECT * FROM t WHERE a = '" + fixed + "'");
  });
});

app.get('/each', (req, res) => {
  const ids = req.query.ids;
  ids.forEach((id) => {
    // ruleid: test.js.sqli
    db.query("DELETE FROM t WHERE id = '" + id + "'");
  });
  ['a', 'b'].forEach((k) => {
    // ok: test.js.sqli
    db.query("DELETE FROM t WHERE k = '" + k + "'");
  });
});

const ALLOWED = new Set(['name', 'date']);

app.get('/sort', (req, res) => {
  const col = req.query.col;
  if (!ALLOWED.has(col)) {
    return res.sendStatus(400);
  }
  // ok: test.js.sqli
  db.query('SELECT * FROM t ORDER BY ' + col);
  const dir = req.query.dir;
  if (dir === 'asc' || /^[a-z]+$/.test(dir)) {
    // ok: test.js.sqli
    db.query('SELECT * FROM t ORDER BY name ' + dir);
  }
  if (dir === 'asc' || col === 'name') {
    // ruleid: test.js.sqli
    db.query('SELECT * FROM t ORDER BY name ' + dir);
  }
});
