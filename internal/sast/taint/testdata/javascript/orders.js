const express = require('express');
const escapeHtml = require('escape-html');
const pool = require('./pool');
const { orderQuery, orderById } = require('./queries');
const queries = require('./queries');

const router = express.Router();

router.get('/orders', async (req, res) => {
  const customer = req.query.customer;
  const sql = orderQuery(customer);
  // ruleid: test.js.sqli
  await pool.query(sql);
  // ruleid: test.js.sqli
  await pool.query(queries.orderQuery(req.body.customer));
});

router.get('/orders/dead', async (req, res) => {
  const customer = req.query.customer;
  let who = 'guest';
  const limit = 90;
  if ((7 * 42) - limit > 300) {
    who = customer;
  }
  // ok: test.js.sqli
  await pool.query(orderQuery(who));
  const DEBUG = false;
  const other = DEBUG ? customer : 'guest';
  // ok: test.js.sqli
  await pool.query(orderQuery(other));
  switch ('b') {
    case 'a':
      who = customer;
      break;
    default:
      who = 'x';
  }
  // ok: test.js.sqli
  await pool.query(orderQuery(who));
});

router.get('/orders/keys', async (req, res) => {
  const form = { customer: req.query.customer, region: 'emea' };
  form.status = 'open';
  const m = new Map();
  m.set('customer', req.query.customer);
  m.set('region', 'emea');
  // ok: test.js.sqli
  await pool.query(orderQuery(form.region));
  // ok: test.js.sqli
  await pool.query(orderQuery(form['status']));
  // ok: test.js.sqli
  await pool.query(orderQuery(m.get('region')));
  // ruleid: test.js.sqli
  await pool.query(orderQuery(m.get('customer')));
  // ruleid: test.js.sqli
  await pool.query(orderQuery(form.customer));
});

router.get('/orders/clean', async (req, res) => {
  // ok: test.js.sqli
  await pool.query(orderById(req.query.id));
  // The HTML escaper is the wrong sanitizer for SQL.
  // ruleid: test.js.sqli
  await pool.query(orderQuery(escapeHtml(req.query.customer)));
  // ok: test.js.xss
  res.send(`<p>${escapeHtml(orderQuery(req.query.customer))}</p>`);
  // ruleid: test.js.xss
  res.send(`<p>${orderQuery(req.query.customer)}</p>`);
});

router.get('/orders/params', async (req, res) => {
  const customer = req.query.customer;
  // ok: test.js.sqli
  await pool.query('SELECT id FROM orders WHERE customer = $1', [orderQuery(customer)]);
  // ok: test.js.sqli
  await pool.query('SELECT id FROM orders WHERE customer = ? AND region = ?', [customer, req.query.region]);
});

router.get('/lists', async (req, res) => {
  const items = [];
  items.push(req.query.p);
  items.push('safe');
  items.shift();
  // ok: test.js.sqli
  await pool.query('SELECT ' + items[0]);
  const more = ['safe'];
  more.push(req.query.p);
  more.shift();
  // ruleid: test.js.sqli
  await pool.query('SELECT ' + more[0]);
  const on = !!req.query.on;
  // ok: test.js.sqli
  await pool.query('SELECT ' + on);
  const flag = Boolean(req.query.flag);
  // ok: test.js.sqli
  await pool.query('SELECT ' + flag);
});

class OrderRepo {
  constructor(table) {
    this.table = table;
    this.owner = null;
  }

  setOwner(o) {
    this.owner = o;
  }

  byOwner() {
    // ruleid: test.js.sqli
    return pool.query(`SELECT * FROM ${this.table} WHERE owner = '${this.owner}'`);
  }
}

router.get('/repo', (req, res) => {
  const repo = new OrderRepo('orders');
  repo.setOwner(req.query.owner);
  repo.byOwner();
});

router.get('/repo2', (req, res) => {
  const repo = new OrderRepo(req.query.table);
  // ok: test.js.sqli
  pool.query('SELECT * FROM t WHERE owner = ' + repo.owner);
  // ruleid: test.js.sqli
  pool.query('SELECT * FROM ' + repo.table);
});
