function addOrder(q) {
  const out = q + ' ORDER BY id';
  return out;
}

function buildQuery(name) {
  return addOrder("SELECT * FROM users WHERE name = '" + name + "'");
}

function runQuery(db, id) {
  const sql = 'SELECT * FROM t WHERE id = ' + id;
  // ruleid: test.js.sqli
  db.query(sql);
}

function safeLabel(s) {
  return s.length > 10 ? 'long' : 'short';
}

const greet = (who) => `Hello ${who}`;

module.exports = { buildQuery, runQuery, safeLabel, greet };
