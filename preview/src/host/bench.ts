import { BUCKET_COLUMNS, FINE_COUNT_COLUMNS, FINE_SECONDS_COLUMNS, fineBucketOf, STEP_END, STEP_START } from '@sagsflow/shared';
import { mulberry32 } from '@sagsflow/shared/testing/random-log';
import { runQuery, type FieldBinding, type QueryResult } from './data-view';
import type { PreviewHandle } from './handle';
import { eventFields, stepFields } from './step-fields';
import type { Row } from './types';

/** A case's path through `activities` activities: mostly forward, with some rework loops. */
function path(rnd: () => number, activities: number): number[] {
  const out: number[] = [];
  let at = 0;
  while (at < activities && out.length < 30) {
    out.push(at);
    const r = rnd();
    at = r < 0.1 && at > 1 ? at - 1 - Math.floor(rnd() * 2) : at + 1 + (r > 0.8 ? 1 : 0);
  }
  return out;
}

/** About `rows` step rows of a synthetic process with `activities` activities. */
export function syntheticSteps(rows: number, activities = 30, seed = 7): Row[] {
  const rnd = mulberry32(seed);
  const names = Array.from({ length: activities }, (_, i) => `Aktivitet ${String(i + 1).padStart(2, '0')}`);
  const out: Row[] = [];
  for (let v = 0; out.length < rows; v++) {
    const key = v.toString(16).padStart(16, '0');
    const nodes = [STEP_START, ...path(rnd, activities).map((a) => names[a]!), STEP_END];
    const cases = 1 + Math.floor(rnd() * 40);
    for (let i = 0; i + 1 < nodes.length && out.length < rows; i++) {
      const inner = i > 0 && i + 2 < nodes.length;
      const seconds = inner ? cases * 3600 * (1 + rnd() * 72) : 0;
      const row: Row = {
        variant_key: key,
        step_index: i,
        from_activity: nodes[i]!,
        to_activity: nodes[i + 1]!,
        cases,
        sum_seconds: seconds,
      };
      const bucket = inner ? 8 + Math.floor(rnd() * 6) : 0;
      BUCKET_COLUMNS.forEach((b, j) => (row[b] = j === bucket ? cases : 0));
      const fine = fineBucketOf(seconds / cases);
      FINE_COUNT_COLUMNS.forEach((d, j) => (row[d] = j === fine ? cases : 0));
      FINE_SECONDS_COLUMNS.forEach((s, j) => (row[s] = j === fine ? seconds : 0));
      row['variant_rank'] = v + 1;
      row['finished'] = 1;
      out.push(row);
    }
  }
  return out;
}

/** `events` events of a synthetic log (case, activity, timestamp as Date, resource). */
export function syntheticEvents(events: number, activities = 20, seed = 11): Row[] {
  const rnd = mulberry32(seed);
  const names = Array.from({ length: activities }, (_, i) => `Trin ${String(i + 1).padStart(2, '0')}`);
  const out: Row[] = [];
  for (let c = 0; out.length < events; c++) {
    let t = Date.UTC(2025, 0, 1) + c * 600_000;
    for (const a of path(rnd, activities)) {
      if (out.length >= events) break;
      t += Math.floor(rnd() * 5 * 86_400_000);
      out.push({ case_id: `c${c}`, activity: names[a]!, timestamp: new Date(t), resource: `r${Math.floor(rnd() * 50)}` });
    }
  }
  return out;
}

/** Resolves with ms from `start` to the visual's next finished render (all windows loaded). */
function untilRendered(handle: PreviewHandle, start: number, act: () => void): Promise<number> {
  const before = handle.events.length;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no render within 30 s')), 30_000);
    const check = () => {
      const last = handle.feed.lastUpdateAt;
      const finished = handle.events.slice(before).some((e) => e.kind !== 'started' && e.at >= last);
      if (finished && !handle.feed.pending()) {
        clearTimeout(timer);
        resolve(performance.now() - start);
      } else requestAnimationFrame(check);
    };
    act();
    requestAnimationFrame(check);
  });
}

/** What one benchmark load measured. */
export interface Load {
  rows: number;
  /** Wall time from the first `update()` to the drawn map, fetchMoreData windows included. */
  ms: number;
  /** Time spent inside the visual's `update()` calls (the rest is the host between windows). */
  visualMs: number;
  updates: number;
  /** The visual's own `data-render-ms` of its last render. */
  renderMs: string | null;
}

async function load(handle: PreviewHandle, view: QueryResult | undefined): Promise<Load> {
  const first = handle.feed.updateMs.length;
  const ms = await untilRendered(handle, performance.now(), () => handle.feed.show(view));
  const spent = handle.feed.updateMs.slice(first);
  return {
    rows: view?.rows.length ?? 0,
    ms,
    visualMs: spent.reduce((a, b) => a + b, 0),
    updates: spent.length,
    renderMs: document.querySelector('.sagsflow')?.getAttribute('data-render-ms') ?? null,
  };
}

/**
 * The fields whose column the synthetic rows have: a report author can only bind columns the
 * table has (the synthetic step table has no jobcenter, period or process).
 */
function presentIn(rows: readonly Row[], fields: FieldBinding[]): FieldBinding[] {
  const first = rows[0] ?? {};
  return fields.filter((field) => field.column in first);
}

/** Installs `window.sagsflowBench`, driven by `bench/visual-bench.ts`. */
export function installBench(handle: PreviewHandle): void {
  const caps = handle.meta.capabilities;
  (window as unknown as Record<string, unknown>)['sagsflowBench'] = {
    /** Binds `rows` synthetic step rows; ms from the first `update()` to the drawn map. */
    steps(rows: number): Promise<Load> {
      const data = syntheticSteps(rows);
      return load(handle, runQuery(caps, presentIn(data, stepFields(caps)), data));
    },
    /** Binds a plain event table of `events` events; ms until mined and drawn. */
    events(events: number): Promise<Load> {
      return load(handle, runQuery(caps, eventFields(caps), syntheticEvents(events)));
    },
    /** ms from an interaction (`act`) until the root's `data-render-ms` changes again. */
    interaction(act: () => void): Promise<number> {
      const root = document.querySelector('.sagsflow');
      if (!root) return Promise.reject(new Error('no .sagsflow root'));
      return new Promise((resolve) => {
        const start = performance.now();
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(root, { attributes: true, attributeFilter: ['data-render-ms'] });
        act();
      });
    },
  };
}
