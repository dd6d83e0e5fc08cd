import { exec as run } from 'child_process';
import * as proc from 'node:child_process';

export function start(userCmd) {
  // ruleid: examples.js-exec
  run(userCmd);
  // ruleid: examples.js-exec
  proc
    .exec(userCmd,
      { shell: '/bin/sh' });
  // ok: examples.js-exec
  run(`ls`);
  // ok: examples.js-exec
  proc.exec("ls", { cwd: '/tmp' });
  // ok: examples.js-exec
  proc.execFile(userCmd);
}
