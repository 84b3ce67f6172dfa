import { isValidRulePattern } from './rule.ts';

/**
 * Rule patterns in linear time. A JavaScript RegExp backtracks: `(a+)+$` takes seconds on 30
 * characters, and even `.*a.*a.*a.*c` takes minutes on a 400-character label, so a person's rule
 * (or one synced from another device) could freeze the worker. Patterns run here instead on a
 * Thompson NFA (a "Pike VM" without captures): every state is advanced once per character, so a
 * test costs at most (label length × program size) steps, whatever the pattern.
 *
 * Semantics are JavaScript's with the flags "iu" (what rule.ts validates): each single-character
 * piece (a literal, ".", a class, "\d", "\p{L}"…) is checked by a native one-character RegExp with
 * those flags, so case folding and classes are exactly the engine's; only the control flow
 * (sequence, "|", quantifiers, groups, "^", "$", "\b", "\B") runs here. Backreferences and
 * lookarounds cannot run in linear time: such patterns are not supported (compile → null).
 * One known difference, with the specification: V8 also tries positions between the two halves of
 * a surrogate pair, so `/\B/u` matches "a😀a" there; this matcher steps over whole code points.
 */
export interface LabelMatcher {
  /** Whether the pattern matches somewhere in `label` (like RegExp.prototype.test). */
  test(label: string): boolean;
}

/** Programs larger than this (from large counted repeats, e.g. `a{5000}`) are not supported. */
export const MAX_PROGRAM_SIZE = 4_000;

type Assertion = 'start' | 'end' | 'word' | 'not-word';

type Node =
  | { readonly type: 'atom'; readonly source: string }
  | { readonly type: 'assert'; readonly kind: Assertion }
  | { readonly type: 'sequence'; readonly items: readonly Node[] }
  | { readonly type: 'choice'; readonly options: readonly Node[] }
  | { readonly type: 'repeat'; readonly node: Node; readonly min: number; readonly max: number };

class Unsupported extends Error {}

/** A recursive-descent parser for the "u"-mode syntax; the pattern is known to be valid. */
class Parser {
  private at = 0;
  constructor(private readonly pattern: string) {}

  parse(): Node {
    const node = this.choice();
    if (this.at !== this.pattern.length) throw new Unsupported('unexpected character');
    return node;
  }

  private peek(offset = 0): string {
    return this.pattern[this.at + offset] ?? '';
  }

  private choice(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.at += 1;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { type: 'choice', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.pattern.length && this.peek() !== '|' && this.peek() !== ')') {
      items.push(this.quantified(this.term()));
    }
    return items.length === 1 ? items[0]! : { type: 'sequence', items };
  }

  private quantified(node: Node): Node {
    let min: number;
    let max: number;
    const c = this.peek();
    if (c === '*' || c === '+' || c === '?') {
      this.at += 1;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{') {
      const close = this.pattern.indexOf('}', this.at);
      const match = /^\{(\d+)(,(\d*))?\}$/.exec(this.pattern.slice(this.at, close + 1));
      if (close === -1 || !match) throw new Unsupported('bad quantifier');
      this.at = close + 1;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
    } else {
      return node;
    }
    if (this.peek() === '?') this.at += 1; // lazy: the same for a yes/no answer
    // "(?:^)*" is valid (a bare "^*" is not): a zero-width body loops harmlessly in the VM.
    return { type: 'repeat', node, min, max };
  }

  private term(): Node {
    const c = this.peek();
    if (c === '(') return this.group();
    if (c === '[') return this.characterClass();
    if (c === '\\') return this.escape();
    this.at += 1;
    if (c === '^') return { type: 'assert', kind: 'start' };
    if (c === '$') return { type: 'assert', kind: 'end' };
    if (c === '.') return { type: 'atom', source: '.' };
    // A literal code point (a surrogate pair counts as one in "u" mode).
    const codePoint = this.pattern.codePointAt(this.at - 1)!;
    if (codePoint > 0xffff) this.at += 1;
    return { type: 'atom', source: String.fromCodePoint(codePoint) };
  }

  private group(): Node {
    this.at += 1; // '('
    if (this.peek() === '?') {
      if (this.peek(1) === ':') this.at += 2;
      else if (this.peek(1) === '<' && this.peek(2) !== '=' && this.peek(2) !== '!') {
        const close = this.pattern.indexOf('>', this.at);
        if (close === -1) throw new Unsupported('bad group name');
        this.at = close + 1; // a named group: captures are not needed
      } else {
        throw new Unsupported('lookaround or modifier');
      }
    }
    const node = this.choice();
    if (this.peek() !== ')') throw new Unsupported('unclosed group');
    this.at += 1;
    return node;
  }

  private characterClass(): Node {
    const start = this.at;
    this.at += 1; // '['
    while (this.at < this.pattern.length && this.peek() !== ']') {
      this.at += this.peek() === '\\' ? 2 : 1;
    }
    if (this.peek() !== ']') throw new Unsupported('unclosed class');
    this.at += 1;
    return { type: 'atom', source: this.pattern.slice(start, this.at) };
  }

  private escape(): Node {
    const start = this.at;
    const c = this.peek(1);
    this.at += 2;
    if (c === 'b') return { type: 'assert', kind: 'word' };
    if (c === 'B') return { type: 'assert', kind: 'not-word' };
    if (/[1-9k]/.test(c)) throw new Unsupported('backreference');
    if (c === 'p' || c === 'P' || (c === 'u' && this.peek() === '{')) {
      const close = this.pattern.indexOf('}', this.at);
      if (close === -1) throw new Unsupported('bad escape');
      this.at = close + 1;
    } else if (c === 'u') {
      this.at += 4;
      // "\uD83D\uDE00" is one code point in "u" mode.
      const lead = parseInt(this.pattern.slice(start + 2, start + 6), 16);
      const trail = /^\\u([\da-f]{4})$/i.exec(this.pattern.slice(this.at, this.at + 6));
      const trailValue = trail ? parseInt(trail[1]!, 16) : 0;
      if (lead >= 0xd800 && lead <= 0xdbff && trailValue >= 0xdc00 && trailValue <= 0xdfff) {
        this.at += 6;
      }
    } else if (c === 'x') {
      this.at += 2;
    } else if (c === 'c') {
      this.at += 1;
    }
    return { type: 'atom', source: this.pattern.slice(start, this.at) };
  }
}

// The program: instruction kinds and their operands, in parallel arrays.
const CHAR = 0; // operand: atom index; then pc + 1
const SPLIT = 1; // operands: two targets, the first preferred (which does not matter here)
const JUMP = 2; // operand: target
const ASSERT = 3; // operand: assertion code
const MATCH = 4;

const ASSERTIONS: readonly Assertion[] = ['start', 'end', 'word', 'not-word'];

interface Program {
  readonly op: Uint8Array;
  readonly x: Int32Array;
  readonly y: Int32Array;
  readonly atoms: readonly Atom[];
}

/** One single-character piece, checked by a native RegExp with the rule flags; answers cached. */
class Atom {
  private readonly regex: RegExp;
  private readonly ascii = new Int8Array(128).fill(-1);
  private readonly other = new Map<number, boolean>();

  constructor(source: string) {
    this.regex = new RegExp(`^(?:${source})$`, 'iu');
  }

  matches(codePoint: number): boolean {
    if (codePoint < 128) {
      const known = this.ascii[codePoint]!;
      if (known !== -1) return known === 1;
      const answer = this.regex.test(String.fromCharCode(codePoint));
      this.ascii[codePoint] = answer ? 1 : 0;
      return answer;
    }
    let answer = this.other.get(codePoint);
    if (answer === undefined) {
      answer = this.regex.test(String.fromCodePoint(codePoint));
      if (this.other.size < 4_096) this.other.set(codePoint, answer);
    }
    return answer;
  }
}

class Compiler {
  readonly op: number[] = [];
  readonly x: number[] = [];
  readonly y: number[] = [];
  readonly atoms: Atom[] = [];
  private readonly atomIndex = new Map<string, number>();

  private emit(op: number, x = 0, y = 0): number {
    if (this.op.length >= MAX_PROGRAM_SIZE) throw new Unsupported('pattern too large');
    this.op.push(op);
    this.x.push(x);
    this.y.push(y);
    return this.op.length - 1;
  }

  compile(node: Node): void {
    switch (node.type) {
      case 'atom': {
        let index = this.atomIndex.get(node.source);
        if (index === undefined) {
          index = this.atoms.length;
          this.atoms.push(new Atom(node.source));
          this.atomIndex.set(node.source, index);
        }
        this.emit(CHAR, index);
        return;
      }
      case 'assert':
        this.emit(ASSERT, ASSERTIONS.indexOf(node.kind));
        return;
      case 'sequence':
        for (const item of node.items) this.compile(item);
        return;
      case 'choice': {
        const jumps: number[] = [];
        node.options.forEach((option, i) => {
          if (i === node.options.length - 1) {
            this.compile(option);
          } else {
            const split = this.emit(SPLIT);
            this.x[split] = this.op.length;
            this.compile(option);
            jumps.push(this.emit(JUMP));
            this.y[split] = this.op.length;
          }
        });
        for (const jump of jumps) this.x[jump] = this.op.length;
        return;
      }
      case 'repeat': {
        for (let i = 0; i < node.min; i += 1) this.compile(node.node);
        if (node.max === Infinity) {
          const split = this.emit(SPLIT);
          this.x[split] = this.op.length;
          this.compile(node.node);
          this.emit(JUMP, split);
          this.y[split] = this.op.length;
        } else {
          const splits: number[] = [];
          for (let i = node.min; i < node.max; i += 1) {
            const split = this.emit(SPLIT);
            this.x[split] = this.op.length;
            splits.push(split);
            this.compile(node.node);
          }
          for (const split of splits) this.y[split] = this.op.length;
        }
        return;
      }
    }
  }

  program(): Program {
    this.emit(MATCH);
    return {
      op: Uint8Array.from(this.op),
      x: Int32Array.from(this.x),
      y: Int32Array.from(this.y),
      atoms: this.atoms,
    };
  }
}

const WORD_CHARACTER = new Atom('\\w');

function isWordCharacter(codePoint: number): boolean {
  return codePoint !== -1 && WORD_CHARACTER.matches(codePoint);
}

/**
 * The Pike VM: all threads advance together, one code point at a time, each program counter at
 * most once per position. Its buffers are reused from test to test (tests are synchronous).
 */
class PikeVm implements LabelMatcher {
  private current: Int32Array;
  private next: Int32Array;
  private nextCount = 0;
  /** The generation at which each pc was last added; generations grow across tests. */
  private readonly seen: Float64Array;
  private generation = 0;
  private readonly stack: Int32Array;

  constructor(private readonly program: Program) {
    const size = program.op.length;
    this.current = new Int32Array(size);
    this.next = new Int32Array(size);
    this.seen = new Float64Array(size).fill(-1);
    // Each pc is expanded once per position and pushes at most two others.
    this.stack = new Int32Array(size * 2 + 1);
  }

  test(label: string): boolean {
    let position = 0;
    let previous = -1;
    this.nextCount = 0;
    for (;;) {
      const following = position < label.length ? label.codePointAt(position)! : -1;
      this.generation += 1;
      // The threads that read the last code point, and a new one (RegExp.test searches the whole
      // label), each followed through every step that reads nothing.
      const [moved, movedCount] = this.takeNext();
      for (let i = 0; i < movedCount; i += 1) {
        if (this.addThread(moved[i]!, label, position, previous, following)) return true;
      }
      if (this.addThread(0, label, position, previous, following)) return true;
      if (following === -1) return false;
      // Read one code point: the threads waiting on a matching piece go on.
      const [waiting, waitingCount] = this.takeNext();
      const { x, atoms } = this.program;
      for (let i = 0; i < waitingCount; i += 1) {
        const pc = waiting[i]!;
        if (atoms[x[pc]!]!.matches(following)) this.next[this.nextCount++] = pc + 1;
      }
      previous = following;
      position += following > 0xffff ? 2 : 1;
    }
  }

  /** The pending threads (swapped out of `next`, which starts empty). */
  private takeNext(): [Int32Array, number] {
    const taken = this.next;
    const count = this.nextCount;
    this.next = this.current;
    this.current = taken;
    this.nextCount = 0;
    return [taken, count];
  }

  /** Adds `start` and all it reaches without reading to `next`; true when that reaches MATCH. */
  private addThread(
    start: number,
    label: string,
    position: number,
    previous: number,
    following: number,
  ): boolean {
    const { op, x, y } = this.program;
    const { seen, stack, generation } = this;
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const pc = stack[--top]!;
      if (seen[pc] === generation) continue;
      seen[pc] = generation;
      switch (op[pc]) {
        case MATCH:
          return true;
        case CHAR:
          this.next[this.nextCount++] = pc;
          break;
        case JUMP:
          stack[top++] = x[pc]!;
          break;
        case SPLIT:
          stack[top++] = y[pc]!;
          stack[top++] = x[pc]!;
          break;
        case ASSERT:
          if (holds(ASSERTIONS[x[pc]!]!, label, position, previous, following)) {
            stack[top++] = pc + 1;
          }
          break;
      }
    }
    return false;
  }
}

function holds(
  assertion: Assertion,
  label: string,
  position: number,
  previous: number,
  following: number,
): boolean {
  switch (assertion) {
    case 'start':
      return position === 0;
    case 'end':
      return position === label.length;
    case 'word':
      return isWordCharacter(previous) !== isWordCharacter(following);
    case 'not-word':
      return isWordCharacter(previous) === isWordCharacter(following);
  }
}

/**
 * A linear-time matcher for a rule pattern (flags "iu"), or null when the pattern is invalid or
 * not supported (backreferences, lookarounds, or too large once counted repeats are unrolled).
 */
export function compileLabelPattern(pattern: string): LabelMatcher | null {
  if (!isValidRulePattern(pattern)) return null;
  try {
    const compiler = new Compiler();
    compiler.compile(new Parser(pattern).parse());
    const program = compiler.program();
    return new PikeVm(program);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

/** Whether a valid rule pattern can run (see {@link compileLabelPattern}); for the rule editor. */
export function isSupportedLabelPattern(pattern: string): boolean {
  return compileLabelPattern(pattern) !== null;
}
