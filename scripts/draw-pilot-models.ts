/**
 * Draws `processes/<name>/model.bpmn` for the three pilot processes from the generator's
 * process definitions (service/src/generate/processes/, after domain-rules.md § 4): one
 * task per activity, an exclusive gateway where an activity has several successors
 * (split) or predecessors (merge), one start event before the first activity and one
 * end event after each closing activity. The result is the to-be workflow the generator
 * follows; a designer can open and tighten it in Camunda Modeler or bpmn.io (the file
 * carries diagram coordinates laid out left to right by dagre).
 *
 * Run: node --import tsx scripts/draw-pilot-models.ts
 */
import { writeFileSync } from 'node:fs';
import dagre from '@dagrejs/dagre';
import { PROCESSES, PROCESS_KEYS } from '../service/src/generate/processes/index';
import { processEntry } from '../service/src/processes/index';
import type { ProcessDefinition } from '../service/src/generate/processes/index';

type Kind = 'startEvent' | 'endEvent' | 'task' | 'exclusiveGateway';
interface Node {
  id: string;
  kind: Kind;
  name?: string;
}
interface Flow {
  id: string;
  source: string;
  target: string;
}

const SIZE: Record<Kind, [number, number]> = {
  startEvent: [36, 36],
  endEvent: [36, 36],
  task: [120, 80],
  exclusiveGateway: [50, 50],
};

function modelOf(def: ProcessDefinition): { nodes: Node[]; flows: Flow[] } {
  const names = Object.keys(def.activities);
  const taskId = (a: string) => `Task_${names.indexOf(a) + 1}`;
  const predecessors = new Map<string, string[]>(names.map((a) => [a, []]));
  predecessors.get(def.start)!.push('StartEvent_1');
  for (const a of names) for (const t of def.activities[a]!.next) predecessors.get(t.to)!.push(a);
  const nodes: Node[] = [{ id: 'StartEvent_1', kind: 'startEvent', name: 'Sag oprettet' }];
  const flows: Flow[] = [];
  const flow = (source: string, target: string) => flows.push({ id: `Flow_${flows.length + 1}`, source, target });
  const entry = new Map<string, string>();
  const exit = new Map<string, string>();
  names.forEach((a, i) => {
    nodes.push({ id: taskId(a), kind: 'task', name: a });
    entry.set(a, taskId(a));
    exit.set(a, taskId(a));
    if (predecessors.get(a)!.length > 1) {
      nodes.push({ id: `Gateway_merge_${i + 1}`, kind: 'exclusiveGateway' });
      flow(`Gateway_merge_${i + 1}`, taskId(a));
      entry.set(a, `Gateway_merge_${i + 1}`);
    }
    if (def.activities[a]!.next.length > 1) {
      nodes.push({ id: `Gateway_split_${i + 1}`, kind: 'exclusiveGateway' });
      flow(taskId(a), `Gateway_split_${i + 1}`);
      exit.set(a, `Gateway_split_${i + 1}`);
    }
  });
  flow('StartEvent_1', entry.get(def.start)!);
  for (const a of names) for (const t of def.activities[a]!.next) flow(exit.get(a)!, entry.get(t.to)!);
  def.endActivities.forEach((a, k) => {
    nodes.push({ id: `EndEvent_${k + 1}`, kind: 'endEvent', name: 'Sag afsluttet' });
    flow(exit.get(a)!, `EndEvent_${k + 1}`);
  });
  return { nodes, flows };
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function bpmnOf(key: string, label: string, def: ProcessDefinition): string {
  const { nodes, flows } = modelOf(def);
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 60, marginx: 40, marginy: 40 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: SIZE[n.kind][0], height: SIZE[n.kind][1] });
  for (const f of flows) g.setEdge(f.source, f.target, {}, f.id);
  dagre.layout(g);
  const incoming = (id: string) => flows.filter((f) => f.target === id).map((f) => `      <bpmn:incoming>${f.id}</bpmn:incoming>`);
  const outgoing = (id: string) => flows.filter((f) => f.source === id).map((f) => `      <bpmn:outgoing>${f.id}</bpmn:outgoing>`);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" ' +
      `id="Definitions_${key}" targetNamespace="https://sagsflow.example/processes/${key}" exporter="sagsflow scripts/draw-pilot-models.ts" exporterVersion="1">`,
    `  <bpmn:process id="Process_${key}" name="${xml(label)}" isExecutable="false">`,
    `    <bpmn:documentation>To-be workflow of ${xml(label)} (illustrative, after domain-rules.md section 4; drawn from the sample generator's process definition).</bpmn:documentation>`,
  ];
  for (const n of nodes) {
    lines.push(
      `    <bpmn:${n.kind} id="${n.id}"${n.name ? ` name="${xml(n.name)}"` : ''}>`,
      ...incoming(n.id),
      ...outgoing(n.id),
      `    </bpmn:${n.kind}>`,
    );
  }
  for (const f of flows) lines.push(`    <bpmn:sequenceFlow id="${f.id}" sourceRef="${f.source}" targetRef="${f.target}" />`);
  lines.push(
    '  </bpmn:process>',
    `  <bpmndi:BPMNDiagram id="Diagram_${key}">`,
    `    <bpmndi:BPMNPlane id="Plane_${key}" bpmnElement="Process_${key}">`,
  );
  const r = (x: number) => Math.round(x);
  for (const n of nodes) {
    const { x, y, width, height } = g.node(n.id);
    lines.push(
      `      <bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"${n.kind === 'exclusiveGateway' ? ' isMarkerVisible="true"' : ''}>`,
      `        <dc:Bounds x="${r(x - width / 2)}" y="${r(y - height / 2)}" width="${width}" height="${height}" />`,
      '      </bpmndi:BPMNShape>',
    );
  }
  for (const f of flows) {
    const points = g.edge({ v: f.source, w: f.target, name: f.id }).points;
    lines.push(`      <bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}">`);
    for (const p of points) lines.push(`        <di:waypoint x="${r(p.x)}" y="${r(p.y)}" />`);
    lines.push('      </bpmndi:BPMNEdge>');
  }
  lines.push('    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>', '</bpmn:definitions>', '');
  return lines.join('\n');
}

for (const key of PROCESS_KEYS) {
  const entry = processEntry(key);
  writeFileSync(entry.modelPath, bpmnOf(key, entry.label.da, PROCESSES[key]));
  process.stdout.write(`wrote ${entry.modelPath}\n`);
}
