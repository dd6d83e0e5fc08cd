const express = require('express');
const _ = require('lodash');

const app = express();
const SECTIONS = new Set(['display', 'privacy']);
const settings = {};

app.post('/settings', (req, res) => {
  const { section, key, value } = req.body;
  // The taint engine does not yet read the index expressions of an
  // assignment target, so this write is a known gap.
  // todoruleid: javascript.taint.prototype-pollution
  settings[section][key] = value;
  // ruleid: javascript.taint.prototype-pollution
  _.setWith(settings, `${section}.${key}`, value, Object);
  // ruleid: javascript.taint.prototype-pollution
  _.set(settings, req.query.path, value);
  // ok: javascript.taint.prototype-pollution
  _.set(settings, ['display', 'theme'], value);
  if (SECTIONS.has(section)) {
    // ok: javascript.taint.prototype-pollution
    settings[section][key] = value;
  }
  const prefs = new Map();
  // ok: javascript.taint.prototype-pollution
  prefs.set(key, value);
  res.json(settings);
});
