// The Node read-and-split floor (`node bench/read-split-floor.mjs FILE`): plain Node reads the
// file (gunzips it when it is gzip), decodes it as UTF-8 and splits every line into its
// comma-separated fields, nothing more. `npm run bench` runs it as a child process next to
// each `sagsflow` workload on the same file, in the same run. Plain JavaScript, so no
// TypeScript loader is timed.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

const file = process.argv[2];
const raw = createReadStream(file, { highWaterMark: 1 << 20 });
const stream = file.endsWith('.gz') ? raw.pipe(createGunzip({ chunkSize: 1 << 18 })) : raw;
const decoder = new TextDecoder('utf-8');
let rest = '';
let lines = 0;
let fields = 0;
for await (const chunk of stream) {
  const text = rest + decoder.decode(chunk, { stream: true });
  const split = text.split('\n');
  rest = split.pop() ?? '';
  for (const line of split) fields += line.split(',').length;
  lines += split.length;
}
if (rest !== '') {
  fields += rest.split(',').length;
  lines++;
}
process.stdout.write(`${JSON.stringify({ lines, fields })}\n`);
