function whereOwner(owner) {
  return "owner = '" + owner.trim() + "'";
}

function select(table, where) {
  return ['SELECT * FROM', table, 'WHERE', where].join(' ');
}

function trimmed(s) {
  return s.trim();
}

function card(title) {
  return `<div class="card">${title}</div>`;
}

module.exports = { whereOwner, select, trimmed, card };
