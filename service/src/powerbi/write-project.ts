import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { PROJECT_NAME } from './project';

/** Folders the project regenerates whole, so that a page or table dropped since the last run does not linger. */
const GENERATED_FOLDERS = [
  `${PROJECT_NAME}.SemanticModel/definition`,
  `${PROJECT_NAME}.Report/definition`,
  `${PROJECT_NAME}.Report/CustomVisuals`,
];

function bytesOf(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? strToU8(content) : content;
}

/** Writes the project's files under `outDir` (created when missing), replacing the generated folders. */
export function writeProjectFolder(files: ReadonlyMap<string, string | Uint8Array>, outDir: string): void {
  for (const folder of GENERATED_FOLDERS) rmSync(join(outDir, folder), { recursive: true, force: true });
  for (const [path, content] of files) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytesOf(content));
  }
}

/** The project's files as one zip archive (deflated; fixed timestamps so equal projects give equal bytes). */
export function zipProject(files: ReadonlyMap<string, string | Uint8Array>): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const mtime = new Date('2026-01-01T00:00:00Z');
  for (const [path, content] of files) entries[path] = [bytesOf(content), { mtime }];
  return zipSync(entries, { level: 6 });
}
