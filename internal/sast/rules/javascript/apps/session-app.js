const express = require('express');
const session = require('express-session');

const app = express();
// ruleid: javascript.express.session-hardcoded-secret
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));

app.get('/profile', (req, res) => res.json(req.session.user));
// ruleid: javascript.express.csrf-missing
app.post('/transfer', (req, res) => res.send('ok'));
// ruleid: javascript.express.csrf-missing
app.delete('/account', (req, res) => res.send('bye'));

module.exports = app;
