import { exec as run } from "child_process";
import * as proc from "node:child_process";
import cp = require("child_process");

export function start(userCmd: string, opts: { cwd: string }): void {
  // ruleid: examples.ts-exec
  run(userCmd as string);
  // ruleid: examples.ts-exec
  proc.exec(
    userCmd,
    opts,
  );
  // ruleid: examples.ts-exec
  cp.exec(userCmd);
  // ok: examples.ts-exec
  run("ls");
  // ok: examples.ts-exec
  proc.exec('ls', opts);
  // ok: examples.ts-exec
  const exec = (s: string): string => s;
  // ok: examples.ts-exec
  exec(userCmd);
}
