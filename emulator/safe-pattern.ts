/**
 * A linear-time matcher for the regular expressions of the admin API (`lbErrorPattern`, fault
 * `pathPattern`). JavaScript's backtracking engine lets a pattern such as `^(a+)+$` block the
 * event loop for seconds; here a pattern is compiled to a Thompson NFA and simulated with state
 * sets, so a match costs at most O(input length × pattern size) whatever the pattern.
 *
 * Supported (JavaScript syntax, case-sensitive, `test()` semantics): literals, `.`, classes
 * `[a-z]`/`[^…]`, `\d \w \s \D \W \S`, escapes (`\.`, `\t`, `\xHH`, `\uHHHH`…), `^`, `$`, groups
 * `(…)`/`(?:…)`, `|`, quantifiers `* + ? {n} {n,} {n,m}` (lazy forms accepted, they match the
 * same). Refused with a message: lookarounds, backreferences, `\b`/`\B`, named groups, patterns
 * over MAX_PATTERN_LENGTH characters or compiling to more than MAX_PATTERN_STATES states.
 */

export const MAX_PATTERN_LENGTH = 256;
export const MAX_PATTERN_STATES = 2_000;
const MAX_REPEAT = 100;

export class PatternError extends Error {}

type CharTest = (c: number) => boolean;

type Ast =
  | { t: "char"; test: CharTest }
  | { t: "bol" }
  | { t: "eol" }
  | { t: "empty" }
  | { t: "seq"; items: Ast[] }
  | { t: "alt"; options: Ast[] }
  | { t: "rep"; item: Ast; min: number; max: number };

type State =
  | { k: "char"; test: CharTest; out: number }
  | { k: "split"; out: number; out2: number }
  | { k: "bol"; out: number }
  | { k: "eol"; out: number }
  | { k: "match" };

const isDigit: CharTest = (c) => c >= 48 && c <= 57;
const isWord: CharTest = (c) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace: CharTest = (c) =>
  (c >= 9 && c <= 13) ||
  c === 32 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;
const isLineTerminator: CharTest = (c) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const not =
  (test: CharTest): CharTest =>
  (c) =>
    !test(c);
const exactly =
  (code: number): CharTest =>
  (c) =>
    c === code;

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parse(): Ast {
    const ast = this.alternation();
    if (this.pos < this.src.length) throw new PatternError(`unmatched ")" at position ${this.pos}`);
    return ast;
  }

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  private alternation(): Ast {
    const options = [this.sequence()];
    while (this.peek() === "|") {
      this.pos += 1;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as Ast) : { t: "alt", options };
  }

  private sequence(): Ast {
    const items: Ast[] = [];
    for (let c = this.peek(); c !== undefined && c !== "|" && c !== ")"; c = this.peek()) {
      items.push(this.quantified(this.atom()));
    }
    return items.length === 0 ? { t: "empty" } : { t: "seq", items };
  }

  private quantified(item: Ast): Ast {
    let result = item;
    for (;;) {
      const c = this.peek();
      let min: number;
      let max: number;
      if (c === "*" || c === "+" || c === "?") {
        this.pos += 1;
        [min, max] = c === "*" ? [0, Infinity] : c === "+" ? [1, Infinity] : [0, 1];
      } else if (c === "{") {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
        if (!m) return result;
        this.pos += m[0].length;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
        if (max < min) throw new PatternError(`numbers out of order in ${m[0]}`);
        if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) {
          throw new PatternError(`repetition counts above ${MAX_REPEAT} are not supported (${m[0]})`);
        }
      } else {
        return result;
      }
      if (result.t === "bol" || result.t === "eol") throw new PatternError("nothing to repeat");
      if (this.peek() === "?") this.pos += 1; // lazy: same set of matches
      result = { t: "rep", item: result, min, max };
    }
  }

  private atom(): Ast {
    const c = this.src[this.pos++];
    switch (c) {
      case "(":
        return this.group();
      case "[":
        return { t: "char", test: this.charClass() };
      case ".":
        return { t: "char", test: not(isLineTerminator) };
      case "^":
        return { t: "bol" };
      case "$":
        return { t: "eol" };
      case "\\":
        return { t: "char", test: this.escape(false) };
      case "*":
      case "+":
      case "?":
        throw new PatternError(`nothing to repeat at position ${this.pos - 1}`);
      default:
        return { t: "char", test: exactly((c ?? "").charCodeAt(0)) };
    }
  }

  private group(): Ast {
    if (this.peek() === "?") {
      if (this.src[this.pos + 1] !== ":") {
        throw new PatternError("lookarounds and named groups are not supported (use (…) or (?:…))");
      }
      this.pos += 2;
    }
    const inner = this.alternation();
    if (this.peek() !== ")") throw new PatternError('unterminated group: missing ")"');
    this.pos += 1;
    return inner;
  }

  private charClass(): CharTest {
    const negated = this.peek() === "^";
    if (negated) this.pos += 1;
    const parts: CharTest[] = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw new PatternError('unterminated character class: missing "]"');
      // As in JavaScript, "[]" is an empty class and "[^]" matches any character.
      if (c === "]") break;
      const low = this.classAtom();
      if (this.peek() === "-" && this.src[this.pos + 1] !== "]" && this.src[this.pos + 1] !== undefined) {
        this.pos += 1;
        const high = this.classAtom();
        if (typeof low !== "number" || typeof high !== "number") {
          throw new PatternError("a class escape cannot bound a range");
        }
        if (high < low) throw new PatternError("range out of order in character class");
        parts.push((x) => x >= low && x <= high);
      } else {
        parts.push(typeof low === "number" ? exactly(low) : low);
      }
    }
    this.pos += 1;
    const any: CharTest = (x) => parts.some((p) => p(x));
    return negated ? not(any) : any;
  }

  /** One member of a class: a code unit, or a class escape such as `\d`. */
  private classAtom(): number | CharTest {
    const c = this.src[this.pos++] ?? "";
    if (c !== "\\") return c.charCodeAt(0);
    const test = this.escape(true);
    return "code" in test && typeof test.code === "number" ? test.code : test;
  }

  private escape(inClass: boolean): CharTest {
    const c = this.src[this.pos++];
    const code = (n: number): CharTest => Object.assign(exactly(n), { code: n });
    switch (c) {
      case undefined:
        throw new PatternError("\\ at the end of the pattern");
      case "d":
        return isDigit;
      case "D":
        return not(isDigit);
      case "w":
        return isWord;
      case "W":
        return not(isWord);
      case "s":
        return isSpace;
      case "S":
        return not(isSpace);
      case "t":
        return code(9);
      case "n":
        return code(10);
      case "r":
        return code(13);
      case "f":
        return code(12);
      case "v":
        return code(11);
      case "0":
        return code(0);
      case "b":
        if (inClass) return code(8);
        throw new PatternError("word boundaries (\\b, \\B) are not supported");
      case "B":
        throw new PatternError("word boundaries (\\b, \\B) are not supported");
      case "x":
      case "u": {
        const digits = c === "x" ? 2 : 4;
        const hex = this.src.slice(this.pos, this.pos + digits);
        if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) throw new PatternError(`bad \\${c} escape`);
        this.pos += digits;
        return code(Number.parseInt(hex, 16));
      }
      default:
        if (/[1-9]/.test(c)) throw new PatternError("backreferences are not supported");
        if (/[a-zA-Z]/.test(c)) throw new PatternError(`unsupported escape \\${c}`);
        return code(c.charCodeAt(0));
    }
  }
}

class Compiler {
  readonly states: State[] = [];

  private add(state: State): number {
    this.states.push(state);
    if (this.states.length > MAX_PATTERN_STATES) {
      throw new PatternError(`the pattern is too large (over ${MAX_PATTERN_STATES} states once compiled)`);
    }
    return this.states.length - 1;
  }

  /** Compiles `ast` so that it continues into state `next`; returns its entry state. */
  compile(ast: Ast, next: number): number {
    switch (ast.t) {
      case "char":
        return this.add({ k: "char", test: ast.test, out: next });
      case "bol":
        return this.add({ k: "bol", out: next });
      case "eol":
        return this.add({ k: "eol", out: next });
      case "empty":
        return next;
      case "seq":
        return ast.items.reduceRight((out, item) => this.compile(item, out), next);
      case "alt": {
        const entries = ast.options.map((option) => this.compile(option, next));
        return entries.reduceRight((rest, entry) => this.add({ k: "split", out: entry, out2: rest }));
      }
      case "rep": {
        let entry: number;
        if (ast.max === Infinity) {
          const loop = this.add({ k: "split", out: -1, out2: next });
          const body = this.compile(ast.item, loop);
          const state = this.states[loop];
          if (state?.k === "split") state.out = body;
          entry = loop;
        } else {
          entry = next;
          for (let i = ast.min; i < ast.max; i += 1) {
            entry = this.add({ k: "split", out: this.compile(ast.item, entry), out2: next });
          }
        }
        for (let i = 0; i < ast.min; i += 1) entry = this.compile(ast.item, entry);
        return entry;
      }
    }
  }
}

export interface SafePattern {
  readonly source: string;
  /** Whether the pattern matches anywhere in `input` (like `RegExp.prototype.test`). */
  test(input: string): boolean;
}

/** Compiles `source`; throws PatternError naming what is not supported. */
export function compilePattern(source: string): SafePattern {
  if (source.length > MAX_PATTERN_LENGTH) {
    throw new PatternError(`patterns are limited to ${MAX_PATTERN_LENGTH} characters`);
  }
  const ast = new Parser(source).parse();
  const compiler = new Compiler();
  compiler.states.push({ k: "match" });
  const start = compiler.compile(ast, 0);
  const states = compiler.states;
  const seen = new Uint32Array(states.length);
  let stamp = 0;

  /** Adds `s` and its epsilon closure at `pos`; true when the match state is reached. */
  const add = (list: number[], s: number, pos: number, length: number): boolean => {
    const stack = [s];
    let matched = false;
    while (stack.length > 0) {
      const id = stack.pop() as number;
      if (seen[id] === stamp) continue;
      seen[id] = stamp;
      const state = states[id];
      if (!state) continue;
      if (state.k === "split") stack.push(state.out2, state.out);
      else if (state.k === "bol") {
        if (pos === 0) stack.push(state.out);
      } else if (state.k === "eol") {
        if (pos === length) stack.push(state.out);
      } else if (state.k === "match") matched = true;
      else list.push(id);
    }
    return matched;
  };

  return {
    source,
    test(input: string): boolean {
      const length = input.length;
      stamp += 1;
      let current: number[] = [];
      if (add(current, start, 0, length)) return true;
      for (let pos = 0; pos < length; pos += 1) {
        const c = input.charCodeAt(pos);
        stamp += 1;
        const next: number[] = [];
        for (const id of current) {
          const state = states[id];
          if (state?.k === "char" && state.test(c) && add(next, state.out, pos + 1, length)) return true;
        }
        // Unanchored search: a match may start at every position.
        if (add(next, start, pos + 1, length)) return true;
        current = next;
      }
      return false;
    },
  };
}

/** `null` when `source` is accepted, else why not (for configuration errors). */
export function patternProblem(source: string): string | null {
  try {
    compilePattern(source);
    return null;
  } catch (error) {
    if (error instanceof PatternError) return error.message;
    throw error;
  }
}
