import express from 'express';
import session from 'express-session';
import { doubleCsrf } from 'csrf-csrf';

const app = express();
const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.CSRF_SECRET });
// ok: javascript.express.session-hardcoded-secret
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false, cookie: { secure: true, httpOnly: true } }));
app.use(doubleCsrfProtection);

// ok: javascript.express.csrf-missing
app.post('/transfer', (req: Request, res: Response) => res.send('ok'));
// ok: javascript.express.csrf-missing
app.delete('/account', (req: Request, res: Response) => res.send('bye'));

module.exports = app;
