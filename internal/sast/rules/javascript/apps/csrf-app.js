const express = require('express');
const session = require('express-session');
const { doubleCsrf } = require('csrf-csrf');

const app = express();
const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.CSRF_SECRET });
// ok: javascript.express.session-hardcoded-secret
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false, cookie: { secure: true, httpOnly: true } }));
app.use(doubleCsrfProtection);

// ok: javascript.express.csrf-missing
app.post('/transfer', (req, res) => res.send('ok'));
// ok: javascript.express.csrf-missing
app.delete('/account', (req, res) => res.send('bye'));

module.exports = app;
