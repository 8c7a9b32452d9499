// The floor of a JSON Lines batch: read the file a chunk at a time, split it into lines, JSON.parse
// each and write JSON.stringify of a small object per line, in buffered writes. What any command
// that decides cases from JSON Lines must pay; `pnpm bench` times `guideline check` against it.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

const fd = openSync(process.argv[2], 'r');
const chunk = Buffer.allocUnsafe(1 << 16);
let rest = Buffer.alloc(0);
let out = '';
let lines = 0;
const flush = () => {
  if (out) writeSync(1, out);
  out = '';
};
const line = (bytes) => {
  if (bytes.length === 0) return;
  const c = JSON.parse(bytes.toString('utf8'));
  out += JSON.stringify({ caseId: c.id, decision: typeof c.request === 'object' ? 'read' : 'none', line: ++lines }) + '\n';
  if (out.length > 1 << 16) flush();
};
for (;;) {
  const n = readSync(fd, chunk, 0, chunk.length, null);
  if (n === 0) break;
  let data = rest.length ? Buffer.concat([rest, chunk.subarray(0, n)]) : chunk.subarray(0, n);
  let from = 0;
  for (let nl = data.indexOf(10, from); nl >= 0; nl = data.indexOf(10, from)) {
    line(data.subarray(from, nl));
    from = nl + 1;
  }
  rest = Buffer.from(data.subarray(from));
}
line(rest);
flush();
closeSync(fd);
