/**
 * Runs a command on a real pseudo-terminal (Python's pty module: fork, the child's stdin, stdout
 * and stderr are the terminal) and plays a dialogue: wait until the screen shows a pattern, then
 * type. Returns everything the terminal showed and the exit code.
 */
import { spawnSync } from 'child_process';

/** One turn: wait for `expect` (a regular expression, Python syntax) in what appeared since the last turn, then type `send`. */
export interface Turn {
  readonly expect: string;
  readonly send: string;
}

const DRIVER = String.raw`
import json, os, pty, re, select, sys, time
spec = json.loads(sys.stdin.read())
pid, fd = pty.fork()
if pid == 0:
    os.chdir(spec["cwd"])
    os.execvpe(spec["argv"][0], spec["argv"], spec["env"])
seen = b""
mark = 0
def read_until(pattern, deadline):
    global seen, mark
    while True:
        m = re.search(pattern.encode(), seen[mark:])
        if m:
            mark += m.end()
            return True
        left = deadline - time.time()
        if left <= 0:
            return False
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            seen += chunk
for turn in spec["turns"]:
    if not read_until(turn["expect"], time.time() + spec["timeout"]):
        sys.stdout.write(json.dumps({"screen": seen.decode("utf-8", "replace"), "code": None, "stuck": turn["expect"]}))
        os.kill(pid, 9)
        sys.exit(0)
    time.sleep(0.05)
    os.write(fd, turn["send"].encode())
deadline = time.time() + spec["timeout"]
timed_out = False
while True:
    left = deadline - time.time()
    if left <= 0:
        timed_out = True
        os.kill(pid, 9)
        break
    r, _, _ = select.select([fd], [], [], min(left, 0.2))
    if r:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
_, status = os.waitpid(pid, 0)
code = None if timed_out else os.waitstatus_to_exitcode(status)
sys.stdout.write(json.dumps({"screen": seen.decode("utf-8", "replace"), "code": code, "stuck": None}))
`;

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', ctrlC: '\u0003', backspace: '\u007f' } as const;

/** The terminal's text without colours and cursor movements, for matching. */
export function plainScreen(screen: string): string {
  // eslint-disable-next-line no-control-regex
  return screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\u001b[78]/g, '').replace(/\r/g, '');
}

export function runOnTerminal(argv: readonly string[], cwd: string, turns: readonly Turn[], env: NodeJS.ProcessEnv = process.env, timeoutSeconds = 20): { screen: string; code: number | null; stuck: string | null } {
  const result = spawnSync('python3', ['-c', DRIVER], {
    input: JSON.stringify({ argv, cwd, turns, env: { ...env, TERM: 'xterm-256color', COLUMNS: '200', LINES: '50' }, timeout: timeoutSeconds }),
    encoding: 'utf8',
    timeout: (timeoutSeconds * (turns.length + 2) + 10) * 1000,
  });
  if (result.status !== 0) throw new Error(`pty driver failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}
