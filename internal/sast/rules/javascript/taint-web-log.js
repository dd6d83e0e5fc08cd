const express = require('express');
const pino = require('pino');

const app = express();
const logger = pino();

app.post('/login', (req, res) => {
  const { user } = req.body;
  // ruleid: javascript.taint.log-injection
  console.log('login failed for ' + user);
  // ruleid: javascript.taint.log-injection
  console.warn(`bad token from ${req.get('x-client')}`);
  // ok: javascript.taint.log-injection
  console.warn('login failed for %s', JSON.stringify(user));
  // ok: javascript.taint.log-injection
  console.log('login failed for ' + String(user).replace(/[\r\n]/g, '_'));
  // ok: javascript.taint.log-injection
  logger.warn({ user }, 'login failed');
  res.sendStatus(401);
});
