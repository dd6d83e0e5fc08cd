const db = require('./db');
const DEBUG = false;
const LIMIT = 5;

function handler(req, res) {
  const p = req.query.p;
  let bar = 'x';
  if (DEBUG) {
    bar = p;
  }
  // ok: test.js.sqli
  db.query("SELECT '" + bar + "'");
  if (LIMIT > 10) {
    bar = p;
  }
  // ok: test.js.sqli
  db.query("SELECT '" + bar + "'");
  const arr = ['x', p];
  const last = arr.pop();
  // ok: test.js.sqli
  db.query("SELECT '" + arr[0] + "'");
  // ruleid: test.js.sqli
  db.query("SELECT '" + last + "'");
  const o = { a: p, b: 'ok' };
  delete o.a;
  // ok: test.js.sqli
  db.query("SELECT '" + o.a + "'");
  const { a } = { a: p, b: 'fine' };
  // ruleid: test.js.sqli
  db.query("SELECT '" + a + "'");
  // ok: test.js.sqli
  db.query("SELECT '" + p.length + "'");
}
module.exports = { handler };
