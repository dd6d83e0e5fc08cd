import { exec as shell } from 'child_process';
import * as child from 'child_process';
import type { Request } from 'express';

export function start(req: Request, name: string): void {
  // ruleid: javascript.lang.child-process-non-constant-command
  shell(`ping -c 1 ${req.query.host as string}`);
  // ruleid: javascript.lang.child-process-non-constant-command
  child.spawnSync(name, ['--version']);
  // ok: javascript.lang.child-process-non-constant-command
  child.spawnSync('node', ['--version']);
  // ruleid: javascript.lang.eval-non-literal
  eval(req.body.code as string);
  // ok: javascript.lang.eval-non-literal
  eval('(' + '1' + ')');
}

export function runScript(script: string, dir: string): void {
  // ruleid: javascript.lang.shell-non-constant-script
  child.spawnSync('bash', ['-c', script], { cwd: dir });
  // ruleid: javascript.lang.shell-non-constant-script
  child.execFile('/bin/sh', ['-c', `ls ${dir}`], () => undefined);
  // ok: javascript.lang.shell-non-constant-script
  child.spawnSync('bash', ['-c', 'ls -la "$0"', dir], { cwd: dir });
  const fixed = 'npm ci';
  // ok: javascript.lang.shell-non-constant-script
  child.execFile('/bin/sh', ['-c', fixed], () => undefined);
}
