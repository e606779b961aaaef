/** Receives the elements of an XES document as saxes reports them: name, `key` and `value` attributes, line. */
export interface XesTagHandler {
  open(name: string, key: string | undefined, value: string | undefined, line: number): void;
  close(line: number): void;
  /** Called where everything before has been handed over whole: inside the root, between its children. */
  safePoint(): void;
}

/** Thrown by `XesScanner` at what it does not read itself: the caller reads on with saxes from `resumeText()`. */
export class XesScanUnsupported extends Error {}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const AMP = 38;
const EQ = 61;

/**
 * A fast reader of the XML that XES logs are written in, for the plain case only: elements
 * with quoted attributes (entities `&amp;` `&lt;` `&gt;` `&quot;` `&apos;`), whitespace between
 * them, comments, and an XML declaration at the start. It reports tags with the line saxes
 * would report (that of the tag's `>`). Anything else (text, CDATA, a DOCTYPE, a processing
 * instruction, a numeric character reference, a character XML forbids, a line break inside an
 * attribute value, or any malformation) throws `XesScanUnsupported`, and the caller reads on
 * with saxes from the last safe point (`resumeText`, `resumeLine`), where the scanner had
 * handed over whole elements only; so the outcome, messages of malformed XML included, is saxes's.
 */
export class XesScanner {
  private text = '';
  /** Position in `text` up to which everything is read. */
  private pos = 0;
  private line = 1;
  private readonly names: string[] = [];
  private readonly knownNames: string[] = [];
  private started = false;
  private rootName: string | null = null;
  /** Offset in `text` and line of the last safe point (-1: the document's start). */
  private safeAt = -1;
  private safeLine = 1;

  constructor(private readonly handler: XesTagHandler) {}

  /** Reads the next chunk of text (throws `XesScanUnsupported`, see the class). */
  write(chunk: string): void {
    this.text = this.keep() + chunk;
    this.scan();
  }

  /** Ends the document (throws `XesScanUnsupported` when it did not end as a plain XES document). */
  close(): void {
    if (this.names.length > 0 || this.rootName === null || this.pos < this.text.length) throw new XesScanUnsupported();
  }

  /** The text saxes has to read from the last safe point on: the root's start tag, then what followed the point. */
  resumeText(): string {
    if (this.safeAt < 0) return this.text;
    return `<${this.rootName}>${this.text.slice(this.safeAt)}`;
  }

  /** True when saxes has to read from the document's start (there is no safe point yet). */
  resumesAtStart(): boolean {
    return this.safeAt < 0;
  }

  /** The line of the last safe point (saxes's line 1 of `resumeText()` is this line). */
  resumeLine(): number {
    return this.safeAt < 0 ? 1 : this.safeLine;
  }

  /** The unread text plus what a fallback needs: from the last safe point (or the document's start) on. */
  private keep(): string {
    const from = this.safeAt < 0 ? 0 : Math.min(this.safeAt, this.pos);
    const kept = this.text.slice(from);
    this.pos -= from;
    if (this.safeAt >= 0) this.safeAt -= from;
    return kept;
  }

  private scan(): void {
    const text = this.text;
    const n = text.length;
    let p = this.pos;
    if (!this.started) {
      if (n < 256 && text.indexOf('?>') < 0) return;
      this.started = true;
      const declaration =
        /^<\?xml\s+version\s*=\s*(["'])1\.0\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/.exec(
          text,
        );
      if (declaration) p = declaration[0].length;
    }
    for (;;) {
      // Whitespace up to the next '<'.
      while (p < n) {
        const c = text.charCodeAt(p);
        if (c === LT) break;
        if (c === 10) this.line++;
        else if (c === 13) {
          if (p + 1 === n) break;
          if (text.charCodeAt(p + 1) !== 10) this.line++;
        } else if (c !== 32 && c !== 9) throw new XesScanUnsupported();
        p++;
      }
      if (p + 1 >= n || text.charCodeAt(p) !== LT) break;
      const c1 = text.charCodeAt(p + 1);
      if (c1 === SLASH) {
        const end = text.indexOf('>', p);
        if (end < 0) break;
        p = this.closeTag(text, p + 2, end);
      } else if (c1 === 33) {
        if (n - p < 4) break;
        if (!text.startsWith('<!--', p)) throw new XesScanUnsupported();
        const close = text.indexOf('-->', p + 4);
        if (close < 0) break;
        p = this.comment(text, p + 4, close);
      } else {
        const q = this.openTag(text, p + 1, n);
        if (q < 0) break;
        p = q;
      }
      if (this.names.length === 1) {
        // Inside the root, between two of its children: everything before is handed over whole.
        this.safeAt = p;
        this.safeLine = this.line;
        this.handler.safePoint();
      }
    }
    this.pos = p;
  }

  /** The tag name `text[from, to)`, as the same string each time it recurs (XES has a handful). */
  private tagName(text: string, from: number, to: number): string {
    const known = this.knownNames;
    for (let k = 0; k < known.length; k++) {
      const name = known[k]!;
      if (name.length === to - from && text.startsWith(name, from)) return name;
    }
    const name = text.slice(from, to);
    if (known.length < 32) known.push(name);
    return name;
  }

  private comment(text: string, from: number, close: number): number {
    const body = text.slice(from, close);
    if (body.includes('--') || body.endsWith('-') || /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(body))
      throw new XesScanUnsupported();
    for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) this.line++;
    return close + 3;
  }

  private closeTag(text: string, from: number, end: number): number {
    let e = end;
    while (e > from && isSpace(text.charCodeAt(e - 1))) e--;
    const open = this.names.pop();
    if (open === undefined || open.length !== e - from || !text.startsWith(open, from)) throw new XesScanUnsupported();
    for (let i = e; i < end; i++) if (text.charCodeAt(i) === 10) this.line++;
    if (text.slice(e, end).includes('\r')) throw new XesScanUnsupported();
    this.handler.close(this.line);
    return end + 1;
  }

  /** Reads a start tag from its name at `from`; returns the position after it, or -1 when it is cut off by the chunk's end. */
  private openTag(text: string, from: number, n: number): number {
    let i = from;
    if (!isNameStart(text.charCodeAt(i))) throw new XesScanUnsupported();
    while (i < n && isNameChar(text.charCodeAt(i))) i++;
    if (i >= n) return -1;
    const name = this.tagName(text, from, i);
    let key: string | undefined;
    let value: string | undefined;
    let others: string[] | null = null;
    let lines = 0;
    for (;;) {
      let c = text.charCodeAt(i);
      let spaced = false;
      while (isSpace(c)) {
        if (c === 10) lines++;
        else if (c === 13) throw new XesScanUnsupported();
        spaced = true;
        c = text.charCodeAt(++i);
      }
      if (i >= n) return -1;
      if (c === GT || c === SLASH) {
        const selfClosing = c === SLASH;
        if (selfClosing) {
          if (i + 1 >= n) return -1;
          if (text.charCodeAt(i + 1) !== GT) throw new XesScanUnsupported();
          i++;
        }
        this.line += lines;
        if (this.rootName === null) {
          if (this.names.length > 0) throw new XesScanUnsupported();
          this.rootName = name;
        } else if (this.names.length === 0) throw new XesScanUnsupported();
        this.names.push(name);
        this.handler.open(name, key, value, this.line);
        if (selfClosing) {
          this.names.pop();
          this.handler.close(this.line);
        }
        return i + 1;
      }
      if (!spaced || !isNameStart(c)) throw new XesScanUnsupported();
      const nameFrom = i;
      while (i < n && isNameChar(text.charCodeAt(i))) i++;
      // `key` and `value` are told apart without making a string of the name.
      const nameLength = i - nameFrom;
      const which =
        nameLength === 3 && text.startsWith('key', nameFrom) ? 1 : nameLength === 5 && text.startsWith('value', nameFrom) ? 2 : 0;
      c = text.charCodeAt(i);
      while (c === 32 || c === 9) c = text.charCodeAt(++i);
      if (i >= n) return -1;
      if (c !== EQ) throw new XesScanUnsupported();
      c = text.charCodeAt(++i);
      while (c === 32 || c === 9) c = text.charCodeAt(++i);
      if (i >= n) return -1;
      if (c !== QUOTE && c !== APOS) throw new XesScanUnsupported();
      const start = i + 1;
      let amp = false;
      for (i = start; i < n; i++) {
        const v = text.charCodeAt(i);
        if (v === c) break;
        if (v < 32 || v === LT || v >= 0xd800) throw new XesScanUnsupported();
        if (v === AMP) amp = true;
      }
      if (i >= n) return -1;
      const raw = text.slice(start, i);
      i++;
      if (which === 1) {
        if (key !== undefined) throw new XesScanUnsupported();
        key = amp ? entities(raw) : raw;
      } else if (which === 2) {
        if (value !== undefined) throw new XesScanUnsupported();
        value = amp ? entities(raw) : raw;
      } else {
        const attribute = text.slice(nameFrom, nameFrom + nameLength);
        if ((others ??= []).includes(attribute)) throw new XesScanUnsupported();
        others.push(attribute);
        if (amp) entities(raw);
      }
    }
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute value with its five predefined entities replaced; any other reference is left to saxes. */
function entities(raw: string): string {
  return raw.replace(/&([^;&]*);|&/g, (whole, name: string | undefined) => {
    const replacement = name === undefined ? undefined : ENTITIES[name];
    if (replacement === undefined) throw new XesScanUnsupported();
    return replacement;
  });
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46;
}
