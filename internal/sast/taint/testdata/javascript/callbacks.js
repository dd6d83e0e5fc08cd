const express = require('express');
const db = require('./db');

const app = express();

app.get('/in', async (req, res) => {
  const ids = req.query.ids;
  const quoted = ids.map((id) => "'" + id + "'");
  // ruleid: test.js.sqli
  await db.query('SELECT * FROM t WHERE id IN (' + quoted.join(',') + ')');
  const nums = ids.map((id) => Number(id));
  // ok: test.js.sqli
  await db.query('SELECT * FROM t WHERE id IN (' + nums.join(',') + ')');
  const positions = ids.map((id, i) => i + 1);
  // ok: test.js.sqli
  await db.query('SELECT * FROM t WHERE pos IN (' + positions.join(',') + ')');
  const name = await Promise.resolve(req.query.name).then((n) => n.trim());
  // ruleid: test.js.sqli
  await db.query("SELECT * FROM t WHERE name = '" + name + "'");
});
