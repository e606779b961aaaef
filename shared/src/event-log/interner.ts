/** Interns strings to dense integer ids in first-seen order. */
export class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The id of `value`, assigning the next id when it is new. */
  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  /** The id of `value`, or -1 when it was never interned. */
  idOf(value: string): number {
    return this.ids.get(value) ?? -1;
  }
}
