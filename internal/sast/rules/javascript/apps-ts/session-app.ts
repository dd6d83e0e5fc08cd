import express from 'express';
import session from 'express-session';

const app = express();
// ruleid: javascript.express.session-hardcoded-secret
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));

app.get('/profile', (req: Request, res: Response) => res.json(req.session.user));
// ruleid: javascript.express.csrf-missing
app.post('/transfer', (req: Request, res: Response) => res.send('ok'));
// ruleid: javascript.express.csrf-missing
app.delete('/account', (req: Request, res: Response) => res.send('bye'));

module.exports = app;
