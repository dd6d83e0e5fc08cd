const proc = require('child_process');
const { exec: run } = require('child_process');
// ruleid: test.js-exec
proc.exec(cmd);
// ruleid: test.js-exec
run(
  cmd,
  () => {});
// ok: test.js-exec
proc.exec("ls");
// ok: test.js-exec
run(`ls`, cb);
