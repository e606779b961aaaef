/** Interns strings to dense integer ids in first-seen order. */
export class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The id of `value`, assigning the next id when it is new. */
  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      // A value sliced out of a large text (a reader's chunk) would keep that whole text alive
      // as long as the log lives; a copy of its own keeps only itself.
      const own = value.length > 12 ? (' ' + value).slice(1) : value;
      this.ids.set(own, id);
      this.values.push(own);
    }
    return id;
  }

  /** `intern` for a value that is a string of its own already (not sliced out of a larger text): kept as it is. */
  internOwn(value: string): number {
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
