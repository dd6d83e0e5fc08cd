import { Request, Response } from 'express';
import { buildQuery, safeLabel } from './helpers';
import * as h from './helpers';
import db from './db';

export async function list(req: Request, res: Response): Promise<void> {
  const name = req.query.name as string;
  // ruleid: test.js.sqli
  await db.query(buildQuery(name));
  // ruleid: test.js.sqli
  await db.query(h.buildQuery(req.params.id));
  // ok: test.js.sqli
  await db.query('SELECT ' + safeLabel(name));
  const n: number = Number(req.query.n);
  // ok: test.js.sqli
  await db.query('SELECT * FROM t LIMIT ' + n);
}
