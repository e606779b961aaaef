import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROCESS_CATALOGUE, PROCESS_END_ACTIVITIES, PROCESS_NAMES, processEntry, processNameOf } from './index';

describe('process catalogue', () => {
  it('lists the three pilots with Danish and English labels and end activities among their activities', () => {
    expect(PROCESS_NAMES).toEqual(['akademiker', 'dagpenge', 'rekruttering']);
    for (const name of PROCESS_NAMES) {
      const p = processEntry(name);
      expect(p.name).toBe(name);
      expect(p.label.da.length).toBeGreaterThan(0);
      expect(p.label.en.length).toBeGreaterThan(0);
      expect(p.endActivities.every((a) => p.activities.includes(a))).toBe(true);
      expect(new Set(p.activities).size).toBe(p.activities.length);
      expect(PROCESS_END_ACTIVITIES[name]).toBe(p.endActivities);
    }
  });

  it('points at processes/<name>/rules.yaml and model.bpmn at the repository root', () => {
    const p = PROCESS_CATALOGUE.dagpenge;
    expect(p.rulesPath).toMatch(/\/processes\/dagpenge\/rules\.yaml$/);
    expect(p.modelPath).toMatch(/\/processes\/dagpenge\/model\.bpmn$/);
    expect(existsSync(p.rulesPath.replace(/rules\.yaml$/, ''))).toBe(true);
  });

  it('finds a process by name, Danish label or English label, else null', () => {
    expect(processNameOf('Placering af dagpengemodtagere')).toBe('dagpenge');
    expect(processNameOf(' Unemployed academics ')).toBe('akademiker');
    expect(processNameOf('rekruttering')).toBe('rekruttering');
    expect(processNameOf('Sygedagpenge')).toBeNull();
  });
});
