import { describe, expect, it } from 'vitest';
import { InvalidModelError } from '../errors';
import { tinyNet } from '../testing/tiny-net';
import { checkWorkflowNet } from './check-workflow-net';
import { compareLabels } from './compare-labels';
import { buildWorkflowNet, netLabels, relabelNet } from './workflow-net';

describe('buildWorkflowNet', () => {
  it('compiles arcs into sorted input and output places', () => {
    const net = tinyNet('a: i -> p2,p1; b: p1,p2 -> o');
    expect(net.transitions[0]).toMatchObject({ id: 'a', label: 'a', inputs: [0] });
    expect(net.transitions[1]!.inputs).toEqual([...net.transitions[0]!.outputs]);
    expect(net.initialMarking).toEqual([net.places.indexOf('i')]);
  });

  it('refuses an arc between two places, naming it', () => {
    expect(() =>
      buildWorkflowNet({
        places: ['i', 'o'],
        transitions: [],
        arcs: [{ from: 'i', to: 'o' }],
        initialMarking: { i: 1 },
        finalMarking: { o: 1 },
      }),
    ).toThrow(/arc "i" -> "o" does not join a place and a transition/);
  });
});

describe('checkWorkflowNet', () => {
  it('returns the source and sink of a workflow net', () => {
    const net = tinyNet('a: i -> p; b: p -> o');
    expect(checkWorkflowNet(net)).toEqual({ source: net.places.indexOf('i'), sink: net.places.indexOf('o') });
  });

  it('refuses a net with two source places', () => {
    expect(() => checkWorkflowNet(tinyNet('a: i -> p; b: p,q -> o'))).toThrow(InvalidModelError);
    expect(() => checkWorkflowNet(tinyNet('a: i -> p; b: p,q -> o'))).toThrow(/expected one source place, got 2 \("i", "q"\)/);
  });

  it('refuses a net with two sink places', () => {
    expect(() => checkWorkflowNet(tinyNet('a: i -> p,o'))).toThrow(/expected one sink place, got 2/);
  });

  it('refuses a place off every path from source to sink', () => {
    expect(() => checkWorkflowNet(tinyNet('a: i -> o; b: p -> p'))).toThrow(/place "p" is not on a path from the source to the sink/);
  });
});

describe('relabelNet / netLabels / compareLabels', () => {
  it('renames model labels to log activities and lists what the other side lacks', () => {
    const net = relabelNet(tinyNet('a: i -> p; tau: p -> q; b: q -> o'), { a: 'Tilmeldt' });
    expect(netLabels(net)).toEqual(['Tilmeldt', 'b']);
    expect(compareLabels(net, ['Tilmeldt', 'x'])).toEqual({ modelTasksNotInLog: ['b'], logActivitiesNotInModel: ['x'] });
  });
});
