'use strict';

function whereCustomer(customer) {
  const cleaned = String(customer).trim();
  return `WHERE customer = '${cleaned}'`;
}

function orderQuery(customer) {
  const where = whereCustomer(customer);
  return ['SELECT id, total FROM orders', where, 'ORDER BY placed DESC'].join(' ');
}

function asNumber(v) {
  return Number.parseInt(v, 10);
}

function orderById(id) {
  return 'SELECT id, total FROM orders WHERE id = ' + asNumber(id);
}

module.exports = { orderQuery, orderById };
