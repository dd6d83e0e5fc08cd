const express = require('express');
const { requireAuth } = require('./auth');

const router = express.Router();

// ok: javascript.express.route-missing-auth
router.get('/', (req, res) => res.render('index'));
router.get('/orders', requireAuth, (req, res) => res.json([]));
router.post('/orders', requireAuth, (req, res) => res.status(201).end());
// ruleid: javascript.express.route-missing-auth
router.delete('/orders/:id', async (req, res) => {
  res.status(204).end();
});
// ruleid: javascript.express.route-missing-auth
router.put('/admin/users/:id', function (req, res) {
  res.end();
});
// ok: javascript.express.route-missing-auth
router.post('/login', (req, res) => res.end());
// ok: javascript.express.route-missing-auth
router.get('/health', (req, res) => res.send('ok'));
// ok: javascript.express.route-missing-auth
router.get('/profile', requireAuth, (req, res) => res.json(req.user));

module.exports = router;
