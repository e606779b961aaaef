#!/usr/bin/env node
// The `sagsflow` command: runs the compiled CLI (service/dist/cli/main.mjs, built by
// `npm run build` or at `npm install`). A missing or stale build (a source changed since, or
// built by another recipe) is rebuilt first, never run as it is.
import { CLI_ENTRY, build, staleReason } from './build.mjs';

const stale = staleReason();
if (stale !== null) {
  // Said on a terminal (or with SAGSFLOW_BUILD_VERBOSE=1); scripts and tests see only the command's own output.
  if (process.stderr.isTTY || process.env.SAGSFLOW_BUILD_VERBOSE === '1')
    process.stderr.write(`sagsflow: rebuilding the command (${stale}) ...\n`);
  try {
    await build({ quiet: true });
  } catch (error) {
    process.stderr.write(`sagsflow: the build failed, run npm run build to see why: ${String(error.message).split('\n')[0]}\n`);
    process.exit(1);
  }
}
const { main } = await import(CLI_ENTRY.href);
process.exitCode = await main(process.argv);
