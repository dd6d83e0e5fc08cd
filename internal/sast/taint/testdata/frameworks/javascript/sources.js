const express = require('express');
const Router = require('@koa/router');
const db = require('./db');

const app = express();
const router = new Router();

app.get('/express/:id', async (req, res) => {
  // ruleid: javascript.taint.sql-injection
  await db.query(`SELECT * FROM t WHERE a = '${req.query.a}'`);
  // ruleid: javascript.taint.sql-injection
  await db.query("SELECT * FROM t WHERE id = '" + req.params.id + "'");
  // ruleid: javascript.taint.sql-injection
  await db.query("SELECT * FROM t WHERE b = '" + req.body.b + "'");
  // ruleid: javascript.taint.sql-injection
  await db.query("SELECT * FROM t WHERE c = '" + req.cookies.c + "'");
  // ruleid: javascript.taint.sql-injection
  await db.query("SELECT * FROM t WHERE d = '" + req.headers['x-d'] + "'");
  // ruleid: javascript.taint.sql-injection
  await db.query("SELECT * FROM t WHERE e = '" + req.get('X-E') + "'");
  // ok: javascript.taint.sql-injection
  await db.query('SELECT * FROM t WHERE a = $1 AND id = $2', [req.query.a, req.params.id]);
  res.json({});
});

router.get('/koa/:id', async (ctx) => {
  // ruleid: javascript.taint.sql-injection
  await db.query("SELECT * FROM t WHERE a = '" + ctx.query.a + "'");
  // ruleid: javascript.taint.sql-injection
  await db.query("SELECT * FROM t WHERE id = '" + ctx.params.id + "'");
  // ruleid: javascript.taint.sql-injection
  await db.query("SELECT * FROM t WHERE b = '" + ctx.request.body.b + "'");
  // ok: javascript.taint.sql-injection
  await db.query('SELECT * FROM t WHERE id = ?', [ctx.params.id]);
  // ok: javascript.taint.sql-injection
  await db.query('SELECT * FROM t LIMIT ' + Number(ctx.query.limit));
  ctx.body = {};
});
