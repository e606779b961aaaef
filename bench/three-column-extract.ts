/**
 * The CSV workload: a 1,023,224-event extract with three columns (case, activity,
 * timestamp), cut from a generated dagpenge extract. Cached in bench/out/.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { generateLog } from '../service/src/generate/index';

/** Events in the CSV workload. */
export const THREE_COLUMN_EVENTS = 1_023_224;

/** Writes (once) and returns the path of the 3-column extract under `outDir`. */
export async function threeColumnExtract(outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'three-column-1023224.csv');
  if (existsSync(file)) return file;
  const source = join(outDir, 'dagpenge-130k-cases.csv');
  if (!existsSync(source)) await generateLog({ process: 'dagpenge', cases: 130_000, seed: 'three-column', out: source });
  const lines = createInterface({ input: createReadStream(source), crlfDelay: Infinity });
  const tmp = `${file}.tmp`;
  const out = createWriteStream(tmp);
  let header: string[] | null = null;
  let at: number[] = [];
  let written = 0;
  for await (const line of lines) {
    if (header === null) {
      header = line.split(',');
      const find = (re: RegExp) => header!.findIndex((h) => re.test(h));
      at = [find(/^sag/i), find(/^aktivitet/i), find(/^tidspunkt|^tid/i)];
      if (at.some((i) => i < 0)) throw new Error(`three-column extract: unexpected header ${line}`);
      out.write('case,activity,timestamp\n');
      continue;
    }
    if (line.includes('"')) continue;
    const fields = line.split(',');
    if (!out.write(`${at.map((i) => fields[i]).join(',')}\n`)) await once(out, 'drain');
    if (++written === THREE_COLUMN_EVENTS) break;
  }
  lines.close();
  out.end();
  await once(out, 'finish');
  if (written < THREE_COLUMN_EVENTS) throw new Error(`three-column extract: only ${written} events in ${source}`);
  renameSync(tmp, file);
  return file;
}
