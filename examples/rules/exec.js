const cp = require('child_process');
const { exec } = require("child_process");

function run(userCmd, db) {
  // ruleid: examples.js-exec
  cp.exec(userCmd);
  // ruleid: examples.js-exec
  cp.exec(
    `sh -c ${userCmd}`,
    (err, out) => console.log(err, out));
  // ruleid: examples.js-exec
  exec(userCmd);
  // ruleid: examples.js-exec
  require('child_process').exec(userCmd);
  // ok: examples.js-exec
  cp.exec("ls");
  // ok: examples.js-exec
  exec('ls', () => {});
  // ok: examples.js-exec
  db.exec(userCmd);
}
