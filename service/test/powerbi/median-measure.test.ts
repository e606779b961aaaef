import { describe, expect, test } from 'vitest';
import { BUCKET_COUNT, histogramQuantile, STEP_END } from '@sagsflow/shared';
import { medianThroughputMeasure } from '../../src/powerbi/measures';

function splitTopLevel(args: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < args.length; i++) {
    const ch = args[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(args.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(args.slice(start).trim());
  return parts;
}

function jsExpression(dax: string): string {
  const sw = /^SWITCH\(TRUE\(\),([\s\S]*)\)$/.exec(dax.trim());
  if (sw) {
    const args = splitTopLevel(sw[1]!).map(jsExpression);
    let out = args[args.length - 1]!;
    for (let i = args.length - 3; i >= 0; i -= 2) out = `(${args[i]}) ? (${args[i + 1]}) : (${out})`;
    return out;
  }
  const end = STEP_END.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return dax
    .replace(
      new RegExp(`CALCULATE\\(SUM\\('Steps'\\[h(\\d\\d)\\]\\), 'Steps'\\[to_activity\\] = "${end}"\\)`, 'g'),
      (_, n: string) => `h[${Number(n)}]`,
    )
    .replace(/BLANK\(\)/g, 'NaN')
    .replace(/POWER\(/g, 'Math.pow(')
    .replace(/DIVIDE\(([^,]+), ([^)]+)\)/g, '($1) / ($2)')
    .replace(/ = /g, ' === ');
}

/**
 * Runs the generated DAX in JavaScript: each `VAR x = e` becomes `const x = e`, SWITCH(TRUE(), ...)
 * a chain of conditionals, CALCULATE(SUM(Steps[hNN]), to_activity = END) the bucket count.
 */
function evaluateMedian(dax: string, h: number[]): number {
  const statements = dax.split(/\n(?=VAR |RETURN )/).map((s) => {
    const v = /^VAR (\w+) = ([\s\S]*)$/.exec(s);
    if (v) return `const ${v[1]} = ${jsExpression(v[2]!)};`;
    const r = /^RETURN ([\s\S]*)$/.exec(s);
    if (r) return `return ${jsExpression(r[1]!)};`;
    throw new Error(`unexpected DAX statement: ${s}`);
  });
  return new Function('h', statements.join('\n'))(h) as number;
}

function histogram(entries: Record<number, number>): number[] {
  const h = new Array<number>(BUCKET_COUNT).fill(0);
  for (const [i, n] of Object.entries(entries)) h[Number(i)] = n;
  return h;
}

describe('medianThroughputMeasure', () => {
  const dax = medianThroughputMeasure('Median', 'Steps').expression;

  test.each([
    ['one bucket (1-2 days)', { 11: 7 }],
    ['two buckets, the median on their border', { 3: 5, 12: 5 }],
    ['spread over many buckets', { 0: 2, 4: 3, 10: 9, 14: 4, 18: 1, 22: 6 }],
    ['a single case in the first bucket', { 0: 1 }],
    ['most cases in the open last bucket', { 5: 1, 24: 9 }],
  ])('the DAX gives the median of histogramQuantile in days: %s', (_, entries) => {
    const h = histogram(entries);
    expect(evaluateMedian(dax, h)).toBeCloseTo(histogramQuantile(h, 0.5) / 86400, 9);
  });

  test('an empty histogram gives BLANK (NaN here), as histogramQuantile does', () => {
    expect(evaluateMedian(dax, histogram({}))).toBeNaN();
  });

  test('two cases in the 3-5 day bucket: the median is its geometric middle, √15 days', () => {
    const days = evaluateMedian(dax, histogram({ 13: 2 }));
    expect(days).toBeGreaterThan(3);
    expect(days).toBeLessThan(5);
    expect(days).toBeCloseTo(Math.sqrt(3 * 5), 9);
  });
});
