import express from 'express';
import { requireAuth } from './auth';

const router = express.Router();

// ok: javascript.express.route-missing-auth
router.get('/', (req: Request, res: Response) => res.render('index'));
router.get('/orders', requireAuth, (req: Request, res: Response) => res.json([]));
router.post('/orders', requireAuth, (req: Request, res: Response) => res.status(201).end());
// ruleid: javascript.express.route-missing-auth
router.delete('/orders/:id', async (req: Request, res: Response) => {
  res.status(204).end();
});
// ruleid: javascript.express.route-missing-auth
router.put('/admin/users/:id', function (req: Request, res: Response) {
  res.end();
});
// ok: javascript.express.route-missing-auth
router.post('/login', (req: Request, res: Response) => res.end());
// ok: javascript.express.route-missing-auth
router.get('/health', (req: Request, res: Response) => res.send('ok'));
// ok: javascript.express.route-missing-auth
router.get('/profile', requireAuth, (req: Request, res: Response) => res.json(req.user));

module.exports = router;
