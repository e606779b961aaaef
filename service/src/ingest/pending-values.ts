/** Values a group is joined into one string after (so the list no longer holds the larger texts they were cut from). */
const GROUP = 4096;

/**
 * A list of strings in the order they were pushed, kept compact: every `GROUP` values are
 * joined into one string, with their lengths kept aside.
 */
export class PendingValues {
  length = 0;
  private readonly groups: string[] = [];
  private part: string[] = [];
  private lengths: number[] = [];

  push(value: string): void {
    this.part.push(value);
    this.lengths.push(value.length);
    this.length++;
    if (this.part.length === GROUP) {
      this.groups.push(this.part.join(''));
      this.part = [];
    }
  }

  /**
   * Calls `visit(text, from, to, index)` for each value `text.slice(from, to)` in order, until
   * `visit` returns false.
   */
  forEachRange(visit: (text: string, from: number, to: number, index: number) => boolean): void {
    const lengths = this.lengths;
    let index = 0;
    for (const group of this.groups) {
      let at = 0;
      for (let g = 0; g < GROUP; g++, index++) {
        const to = at + lengths[index]!;
        if (!visit(group, at, to, index)) return;
        at = to;
      }
    }
    for (const value of this.part) {
      if (!visit(value, 0, value.length, index++)) return;
    }
  }

  clear(): void {
    this.groups.length = 0;
    this.part = [];
    this.lengths = [];
    this.length = 0;
  }
}
