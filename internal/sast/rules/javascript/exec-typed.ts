import * as cp from 'child_process';
import { execSync, spawn as run } from 'node:child_process';
import * as vm from 'vm';

function handler(req: Request, res: Response) {
  // ruleid: javascript.lang.child-process-non-constant-command
  cp.exec('convert ' + req.query.file, (err: Error) => res.end());
  // ruleid: javascript.lang.child-process-non-constant-command
  execSync(
    `git log ${req.query.ref}`,
  );
  // ruleid: javascript.lang.child-process-non-constant-command
  run(req.body.tool, ['--help']);
  // ok: javascript.lang.child-process-non-constant-command
  cp.execFile('ls', ['-l', req.query.dir]);
  // ok: javascript.lang.child-process-non-constant-command
  execSync(`git status`);
  // ok: javascript.lang.child-process-non-constant-command
  other.exec(req.query.cmd);
  const listing = 'ls -la';
  // ok: javascript.lang.child-process-non-constant-command
  cp.exec(listing);

  // ruleid: javascript.lang.eval-non-literal
  eval(req.body.code);
  // ruleid: javascript.lang.eval-non-literal
  const f = new Function('a', 'b', req.body.expr);
  // ruleid: javascript.lang.eval-non-literal
  vm.runInThisContext(req.body.script);
  // ok: javascript.lang.eval-non-literal
  eval('1 + 2');
  // ok: javascript.lang.eval-non-literal
  const g = new Function('a', 'return a * 2');
  // ok: javascript.lang.eval-non-literal
  vm.runInThisContext("globalThis.ready = true");
  return f(g);
}
