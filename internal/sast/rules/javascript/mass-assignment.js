const express = require('express');
const User = require('./models/user');
const Order = require('./models/order');

const router = express.Router();

router.post('/users', async (req, res) => {
  // ruleid: javascript.express.mass-assignment
  const user = await User.create(req.body);
  // ruleid: javascript.express.mass-assignment
  const draft = new Order(req.body);
  const { name, email } = req.body;
  // ok: javascript.express.mass-assignment
  const safe = await User.create({ name, email });
  res.json({ user, draft, safe });
});

router.put('/users/:id', async (req, res) => {
  // ruleid: javascript.express.mass-assignment
  await User.findByIdAndUpdate(req.params.id, req.body, { new: true });
  const user = await User.findById(req.params.id);
  // ruleid: javascript.express.mass-assignment
  Object.assign(user, req.body);
  // ok: javascript.express.mass-assignment
  await User.updateOne({ _id: req.params.id }, { displayName: String(req.body.displayName) });
  // ok: javascript.express.mass-assignment
  const settings = Object.assign({}, DEFAULT_SETTINGS, { theme: req.body.theme });
  res.json({ user, settings });
});
