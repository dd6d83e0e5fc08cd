import * as proc from 'child_process';
export function App(props: { cmd: string }) {
  // ruleid: test.js-exec
  proc.exec(props.cmd);
  // ok: test.js-exec
  proc.exec('ls');
  return <div onClick={() => proc.exec("ls")}>{props.cmd}</div>;
}
