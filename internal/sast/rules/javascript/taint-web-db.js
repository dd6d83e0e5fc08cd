const express = require('express');
const knex = require('knex')({ client: 'pg' });
const { Sequelize } = require('sequelize');
const { spawn, execFile } = require('child_process');

const sequelize = new Sequelize(process.env.DATABASE_URL);
const app = express();

app.get('/orders', async (req, res) => {
  const { status, sort } = req.query;
  // ruleid: javascript.taint.sql-injection
  const a = await knex('orders').whereRaw("status = '" + status + "'");
  // ruleid: javascript.taint.sql-injection
  const b = await knex('orders').orderByRaw(sort);
  // ruleid: javascript.taint.sql-injection, javascript.sql.format-string-query
  const c = await sequelize.query(`SELECT * FROM orders WHERE status = '${status}'`);
  // ok: javascript.taint.sql-injection
  const d = await knex('orders').whereRaw('status = ?', [status]);
  // ok: javascript.taint.sql-injection
  const e = await knex('orders').where({ status }).orderBy('id');
  res.json({ a, b, c, d, e });
});

app.post('/convert', (req, res) => {
  // ruleid: javascript.taint.command-injection, javascript.lang.child-process-non-constant-command
  execFile(req.body.tool, ['--version'], () => {});
  // ruleid: javascript.taint.command-injection, javascript.lang.shell-non-constant-script
  spawn('sh', ['-c', 'convert ' + req.body.file], { shell: true });
  // ruleid: javascript.taint.command-injection, javascript.lang.shell-non-constant-script
  spawn('/bin/bash', ['-c', `convert ${req.query.src} out.png`]);
  // ruleid: javascript.taint.command-injection, javascript.lang.shell-non-constant-script
  execFile('sh', ['-e', '-c', 'unzip ' + req.body.archive], () => {});
  // ok: javascript.taint.command-injection
  spawn('sh', ['-c', 'convert "$1" out.png', 'sh', req.body.file]);
  // ok: javascript.taint.command-injection
  execFile('convert', [req.body.file, 'out.png'], () => {});
  // ok: javascript.taint.command-injection
  spawn('convert', ['--', req.body.file, 'out.png']);
  res.end();
});
