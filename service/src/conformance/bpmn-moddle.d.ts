/** The part of bpmn-moddle's API the BPMN reader uses (the package ships no types for its main export). */
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    readonly $type: string;
    readonly id?: string;
    readonly name?: string;
    readonly [key: string]: unknown;
  }
  export interface FromXmlResult {
    rootElement: ModdleElement;
    warnings: { message: string }[];
  }
  export class BpmnModdle {
    fromXML(xml: string): Promise<FromXmlResult>;
  }
}
