import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./kill-child.ts', import.meta.url));

/**
 * Starts a child that ingests `file` into `dbPath` (`kill-child.ts`; `new`: opened as
 * `sagsflow ingest` opens a database), kills it with SIGKILL once it says it is reading inside
 * its load's transaction, and resolves when it has exited. Rejects when the child finished or
 * exited before it said so, since then nothing was killed mid-load.
 */
export async function killMidLoad(dbPath: string, file: string, how: 'existing' | 'new' = 'existing'): Promise<void> {
  const args = ['--import', 'tsx', CHILD, dbPath, file, ...(how === 'new' ? ['new'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const said = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('reading') || out.includes('done')) resolve(out);
    });
    child.on('exit', () => resolve(out));
  });
  if (!said.includes('reading') || said.includes('done')) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`killMidLoad: the child did not stop mid-load (it said ${JSON.stringify(said)})`);
  }
  child.kill('SIGKILL');
  await exited;
}
