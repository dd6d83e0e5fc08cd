import build, { quoteIdent } from './idents';
import db from './db';

export async function h(req: any, res: any): Promise<void> {
  const col = req.query.col as string;
  // ruleid: test.js.sqli
  await db.query(build('t', col));
  // ok: test.js.sqli
  await db.query(build('t', 'name'));
  const [a, b] = ['x', col];
  // ok: test.js.sqli
  await db.query('SELECT ' + a);
  // ruleid: test.js.sqli
  await db.query('SELECT ' + b);
  const [, second, , fourth] = [col, 'y', col, 'z'];
  // ok: test.js.sqli
  await db.query('SELECT ' + second + fourth);
  const { id, sort = 'name', ...rest } = { id: 'fixed', sort: col, other: col };
  // ok: test.js.sqli
  await db.query('SELECT ' + id);
  // ruleid: test.js.sqli
  await db.query('SELECT ' + sort);
  // ruleid: test.js.sqli
  await db.query('SELECT ' + rest.other);
  let v = 'x';
  switch (3) {
    case 1:
      v = col;
    case 3:
      v = 'three';
    case 4:
      v = v + '!';
      break;
    default:
      v = col;
  }
  // ok: test.js.sqli
  await db.query('SELECT ' + v);
  const m = new Map<string, string>();
  m.set('col', col);
  m.set('safe', 'x');
  // ok: test.js.sqli
  await db.query('SELECT ' + m.get('safe'));
  // ruleid: test.js.sqli
  await db.query('SELECT ' + quoteIdent(m.get('col') as string));
}
