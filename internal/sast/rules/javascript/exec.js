const cp = require('child_process');
const { execSync, spawn: run } = require('node:child_process');
const vm = require('vm');

function handler(req, res) {
  // ruleid: javascript.lang.child-process-non-constant-command
  cp.exec('convert ' + req.query.file, (err) => res.end());
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

function runHook(hook, file) {
  // ruleid: javascript.lang.shell-non-constant-script
  cp.spawn('sh', ['-c', hook.command]);
  // ruleid: javascript.lang.shell-non-constant-script
  cp.execFileSync('/bin/bash', ['-lc', `tar -xf ${file}`], { stdio: 'inherit' });
  // ruleid: javascript.lang.shell-non-constant-script
  run('cmd.exe', ['/d', '/c', 'type ' + file]);
  // ok: javascript.lang.shell-non-constant-script
  cp.spawn('sh', ['-c', 'tar -xf "$1"', 'sh', file]);
  // ok: javascript.lang.shell-non-constant-script
  cp.execFileSync('/bin/bash', ['-lc', 'make build'], { stdio: 'inherit' });
  // ok: javascript.lang.shell-non-constant-script
  cp.spawn('tar', ['-c', file]);
}
