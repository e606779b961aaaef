import { SingleBar, Presets } from 'cli-progress';

/** A byte-based progress bar on stderr, shown only when stderr is a terminal. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** Creates a progress bar for `label`, or a silent one when stderr is not a terminal. */
export function createProgress(label: string): Progress {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {eta_formatted} left`, stream: process.stderr, hideCursor: true, fps: 5 },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(Math.max(total, 1), 0);
        started = true;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(Math.min(done, total));
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
