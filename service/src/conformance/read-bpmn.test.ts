import { describe, expect, it } from 'vitest';
import { createAligner } from '@sagsflow/shared';
import { modelFromGraph } from './load-model';
import { parseBpmn } from './read-bpmn';

/** A BPMN document around process body `inner`; flows as `id:source>target`. */
function bpmn(nodes: string, flows: string): string {
  const flowXml = flows
    .split(' ')
    .filter(Boolean)
    .map((f) => {
      const [id, ends] = f.split(':');
      const [source, target] = ends!.split('>');
      return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"/>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="t">
  <bpmn:process id="p">${nodes}${flowXml}</bpmn:process>
</bpmn:definitions>`;
}

async function aligner(xml: string, labels: Record<string, string> = {}) {
  return createAligner(modelFromGraph('m.bpmn', await parseBpmn(xml, 'm.bpmn'), labels).net);
}

const cost = (a: Awaited<ReturnType<typeof aligner>>, trace: string) => {
  const r = a.align(trace.split(' '));
  return r.status === 'aligned' ? r.cost : null;
};

describe('parseBpmn', () => {
  it('reads tasks of any type by name, events and sequence flows', async () => {
    const graph = await parseBpmn(
      bpmn(
        '<bpmn:startEvent id="s"/><bpmn:userTask id="a" name=" Tilmeldt\n som jobsøgende "/><bpmn:serviceTask id="b" name="CV"/><bpmn:endEvent id="e"/>',
        'f1:s>a f2:a>b f3:b>e',
      ),
    );
    expect(graph.nodes).toEqual([
      { id: 's', kind: 'start' },
      { id: 'a', kind: 'task', name: 'Tilmeldt som jobsøgende' },
      { id: 'b', kind: 'task', name: 'CV' },
      { id: 'e', kind: 'end' },
    ]);
    expect(graph.flows).toEqual([
      { id: 'f1', source: 's', target: 'a' },
      { id: 'f2', source: 'a', target: 'b' },
      { id: 'f3', source: 'b', target: 'e' },
    ]);
  });

  it('flattens an embedded subprocess: its tasks run between the flows into and out of it', async () => {
    const a = await aligner(
      bpmn(
        '<bpmn:startEvent id="s"/><bpmn:task id="a" name="A"/>' +
          '<bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/><bpmn:task id="b" name="B"/><bpmn:task id="c" name="C"/><bpmn:endEvent id="se"/>' +
          '<bpmn:sequenceFlow id="g1" sourceRef="ss" targetRef="b"/><bpmn:sequenceFlow id="g2" sourceRef="b" targetRef="c"/><bpmn:sequenceFlow id="g3" sourceRef="c" targetRef="se"/></bpmn:subProcess>' +
          '<bpmn:task id="d" name="D"/><bpmn:endEvent id="e"/>',
        'f1:s>a f2:a>sub f3:sub>d f4:d>e',
      ),
    );
    expect(a.shortestRun).toBe(4);
    expect(cost(a, 'A B C D')).toBe(0);
    expect(cost(a, 'A C D')).toBe(1);
  });

  it('reads an event-based gateway as exclusive and intermediate events as silent steps', async () => {
    const a = await aligner(
      bpmn(
        '<bpmn:startEvent id="s"/><bpmn:eventBasedGateway id="g"/><bpmn:intermediateCatchEvent id="m"/><bpmn:intermediateCatchEvent id="t"/>' +
          '<bpmn:task id="a" name="A"/><bpmn:task id="b" name="B"/><bpmn:exclusiveGateway id="x"/><bpmn:endEvent id="e"/>',
        'f1:s>g f2:g>m f3:g>t f4:m>a f5:t>b f6:a>x f7:b>x f8:x>e',
      ),
    );
    expect(a.shortestRun).toBe(1);
    expect(cost(a, 'A')).toBe(0);
    expect(cost(a, 'B')).toBe(0);
    expect(cost(a, 'A B')).toBe(1);
  });

  it('maps model labels to log activities through modelLabels', async () => {
    const a = await aligner(
      bpmn('<bpmn:startEvent id="s"/><bpmn:task id="a" name="Registered"/><bpmn:endEvent id="e"/>', 'f1:s>a f2:a>e'),
      { Registered: 'Tilmeldt_som_jobsøgende' },
    );
    expect(cost(a, 'Tilmeldt_som_jobsøgende')).toBe(0);
    expect(cost(a, 'Registered')).toBe(2);
  });

  it('refuses an element it cannot translate, naming its id and type', async () => {
    const xml = bpmn(
      '<bpmn:startEvent id="s"/><bpmn:task id="a" name="A"/><bpmn:boundaryEvent id="timer1" attachedToRef="a"/><bpmn:complexGateway id="cx"/><bpmn:endEvent id="e"/>',
      'f1:s>a f2:a>e',
    );
    await expect(parseBpmn(xml, 'm.bpmn')).rejects.toThrow(
      'm.bpmn: element "timer1" of type bpmn:BoundaryEvent cannot be translated to a workflow net',
    );
  });

  it("refuses duplicate ids and unresolved references with the reader's words", async () => {
    const xml = bpmn(
      '<bpmn:startEvent id="s"/><bpmn:task id="a" name="A"/><bpmn:task id="a" name="B"/><bpmn:endEvent id="e"/>',
      'f1:s>a f2:a>zz',
    );
    await expect(parseBpmn(xml, 'm.bpmn')).rejects.toThrow(/^m\.bpmn: invalid BPMN: .*duplicate ID <a>.*unresolved reference <zz>/);
  });

  it('refuses a file that is no BPMN, and a model whose net cannot be replayed, naming the file', async () => {
    await expect(parseBpmn('<html/>', 'x.bpmn')).rejects.toThrow(/^x\.bpmn: /);
    const graph = await parseBpmn(bpmn('<bpmn:startEvent id="s"/><bpmn:task id="a" name="A"/><bpmn:endEvent id="e"/>', 'f1:s>a'), 'm.bpmn');
    expect(() => modelFromGraph('m.bpmn', graph)).toThrow('m.bpmn: processGraphToNet: task "a" has no outgoing sequence flow');
  });
});
