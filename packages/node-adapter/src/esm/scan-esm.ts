/**
 * The fast path of the ES module transform: one pass of a tokenizer over the source, no syntax tree. It does the same
 * rewrites as the AST path (`transform-esm.ts`) for the modules it is sure about, and gives up (`undefined`) on
 * anything else, which the AST path then transforms. What it gives up on:
 *
 * - an imported name that may be declared again: after `let`/`const`/`var`/`function`/`class`, inside a destructuring
 *   declaration, in a parameter list (other than in a default value), before `=>`, as `{ name = ... }`;
 * - `export` of a destructuring declaration, `export default` of an arrow or parenthesised expression (it may be an
 *   anonymous function that must be named "default"), an anonymous default class with a static member called `name`;
 * - an imported name in a destructuring default value;
 * - early errors a function body would accept: a name exported twice, `await` declared, a top-level `return` (the
 *   AST path reports them);
 * - `export { x }` of a name it has not seen declared at the top level: `let`/`const`/`var` names outside patterns,
 *   function and class declarations, imports (the AST path, which sees every declaration, refuses an undeclared one);
 * - anything it cannot tokenize (escapes in identifiers, unbalanced brackets, `@`, an unterminated literal).
 *
 * Where it is wrong in a way it cannot see, the result does not compile: a declaration whose name was rewritten to
 * `__ms_iN.name` is a syntax error, and `compileEsm` then falls back to the AST path. What it must never do is take a
 * reference for something else (a property key, a label): those are recognised only in forms that cannot be a read.
 * Regular expressions are told from division the way es-module-lexer does it (by the token before the slash, and for
 * `)` and `}` by what opened the group: a block, or the body of a function or class expression). Grammar that is easy
 * to misread while the output still compiles has its own tests against the AST path (`test/scan-edge-cases.test.ts`).
 */
import { CLASS_DEFAULT_CLOSE, CLASS_DEFAULT_OPEN, DEFAULT, DYNAMIC, META, NAME_DEFAULT, member } from './generated-names.js'
import type { EsmImport, Rewritten } from './transform-esm.js'
import { addImportAttribute, type ImportAttributes } from './import-attributes.js'

// Token kinds: small and dense, so that a `switch` over them is a jump table (a chain of comparisons per token costs
// while the code is interpreted). Punctuators that matter have their own; the rest are grouped.
const EOF: number = 0
const IDENT: number = 1
const PRIVATE: number = 2
const NUM: number = 3
const STRING: number = 4
/** A template without substitutions, or the tail `}...\`` of one with substitutions. */
const TEMPLATE: number = 5
/** `` `...${ ``: opens a substitution. */
const TEMPLATE_HEAD: number = 6
/** `}...${`: closes one substitution and opens the next. */
const TEMPLATE_MIDDLE: number = 7
const REGEX: number = 8
const LPAREN: number = 9
const RPAREN: number = 10
const STAR: number = 11
const COMMA: number = 12
const DOT: number = 13
const COLON: number = 14
const SEMI: number = 15
const ASSIGN: number = 16
const QUESTION: number = 17
const LBRACKET: number = 18
const RBRACKET: number = 19
const LBRACE: number = 20
const RBRACE: number = 21
const ARROW: number = 22
const DOT3: number = 23
const OPTDOT: number = 24
const INCDEC: number = 25
/** A binary (or compound assignment) operator: `+`, `==`, `&&=`, `/`, ... */
const OP: number = 26
/** `!` or `~`: unary only, so a newline before one ends a statement. */
const UNARY: number = 27

// What a token starting with an ASCII character is, for `next()`'s switch (every other character starts a name).
const C_OTHER = 0
const C_IDENT = 1
const C_DIGIT = 2
/** A punctuator of one character whose token is its own char code. */
const C_SINGLE = 3
const C_QUOTE = 4
const C_BACKQUOTE = 5
const C_RBRACE = 6
const C_DOT = 7
const C_QUESTION = 8
const C_EQUALS = 9
const C_PLUS_MINUS = 10
const C_STAR = 11
const C_SLASH = 12
const C_BANG = 13
const C_TILDE = 14
/** `%`, `&`, `|`, `^`, `<`, `>`: the start of an operator of one or more characters. */
const C_OPERATOR = 15
const C_HASH = 16
const CHAR_CLASS = new Uint8Array(128).fill(C_OTHER)
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36) CHAR_CLASS[c] = C_IDENT
  else if (c >= 48 && c <= 57) CHAR_CLASS[c] = C_DIGIT
}
/** The token of each character of class `C_SINGLE`. */
const SINGLE_TOKEN = new Uint8Array(128)
for (const [char, tok] of [['(', LPAREN], [')', RPAREN], [',', COMMA], [':', COLON], [';', SEMI], ['[', LBRACKET], [']', RBRACKET], ['{', LBRACE]] as const) {
  CHAR_CLASS[char.charCodeAt(0)] = C_SINGLE
  SINGLE_TOKEN[char.charCodeAt(0)] = tok
}
/** Tokens other than names that end an expression (a newline after one may end the statement). */
const VALUE_END = new Uint8Array(32)
for (const tok of [NUM, STRING, TEMPLATE, REGEX, PRIVATE, RPAREN, RBRACKET, RBRACE, INCDEC]) VALUE_END[tok] = 1
for (const [chars, kind] of [['"\'', C_QUOTE], ['`', C_BACKQUOTE], ['}', C_RBRACE], ['.', C_DOT], ['?', C_QUESTION], ['=', C_EQUALS], ['+-', C_PLUS_MINUS], ['*', C_STAR], ['/', C_SLASH], ['!', C_BANG], ['~', C_TILDE], ['%&|^<>', C_OPERATOR], ['#', C_HASH]] as const) {
  for (const char of chars) CHAR_CLASS[char.charCodeAt(0)] = kind
}

// Bracket contexts.
const TOP: number = 0
const PAREN: number = 1
const BRACKET: number = 2
const BLOCK: number = 3
const OBJECT: number = 4
const CLASS: number = 5
const SUBSTITUTION: number = 6

interface Context {
  kind: number
  /** PAREN: the keyword before it (`if`, `for`, `catch`, ...), or ''. */
  keyword: string
  /** How many rewrites were made before it opened (a parameter list that got one gives up). */
  rewrites: number
  /** PAREN: rewrites made in default values (`= ...` at this level), which are reads even in a parameter list. */
  defaultRewrites: number
  /** PAREN: the rewrite count at the `=` of the default value being read, or -1. */
  defaultStart: number
  /** Inside a destructuring declaration. */
  pattern: boolean
  /** BLOCK: a function's body. */
  fn: boolean
  /** PAREN: a function's parameters (after `function`, or a method's, in an object literal or a class body). */
  params: boolean
  /** PAREN: the parameters of a function expression; BLOCK: its body (a `/` after it divides). */
  fnExpression: boolean
  /** PAREN: a `;` was seen (a `for (;;)` head). */
  semicolon: boolean
  /** A `let`/`const`/`var` declaration is going on at this level: a name after a `,` here is declared. */
  declaring: boolean
  /** Unmatched `?` at this level (the next `:` ends a conditional, not a label or a case). */
  ternary: number
  /**
   * `class` keywords seen at this level whose body has not begun: the next `{` here is the last one's (a class in
   * another's `extends`, `class A extends class {} {}`, comes first).
   */
  classPending: number
  /** For each of them, last one lowest, a bit: that class is an expression (a `/` after its body divides). */
  classExpression: number
  /** CLASS: an anonymous `export default class`, which ends with the statement that names it "default". */
  anonymousDefault: boolean
  /** BLOCK: an arrow function's body (no statement ends with it). */
  arrow: boolean
}

// What a keyword does to the tokens after it, as bits (one lookup per identifier).
/** A `/` after it starts a regular expression, a `{` an object literal. */
const K_EXPRESSION = 1
/** It does not end an expression: a newline after it does not end the statement. */
const K_NOT_VALUE = 2
/** A name after it is declared. */
const K_DECLARING = 4
/** `if`, `while`, `for`, `with`, `switch`: the `(...)` after it is not a parameter list. */
const K_STATEMENT = 8
/** A class member's name can follow it. */
const K_MODIFIER = 16
/** A `{` after it starts a block. */
const K_BLOCK = 32
/** `ident()` has something to do for it. */
const K_SPECIAL = 64
const KEYWORDS = new Map<string, number>()
for (const word of ['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'yield', 'extends']) KEYWORDS.set(word, K_EXPRESSION | K_NOT_VALUE)
for (const word of ['do', 'else']) KEYWORDS.set(word, K_EXPRESSION | K_NOT_VALUE | K_BLOCK)
KEYWORDS.set('await', K_EXPRESSION | K_NOT_VALUE | K_SPECIAL)
KEYWORDS.set('return', K_EXPRESSION | K_NOT_VALUE | K_SPECIAL)
for (const word of ['let', 'const', 'var', 'class']) KEYWORDS.set(word, K_NOT_VALUE | K_DECLARING | K_SPECIAL)
KEYWORDS.set('function', K_NOT_VALUE | K_DECLARING)
for (const word of ['if', 'for', 'while', 'switch', 'with']) KEYWORDS.set(word, K_NOT_VALUE | K_STATEMENT)
for (const word of ['try', 'finally']) KEYWORDS.set(word, K_NOT_VALUE | K_BLOCK)
KEYWORDS.set('catch', K_NOT_VALUE)
KEYWORDS.set('default', K_NOT_VALUE)
// A `/` after them starts a regular expression (a new statement); a `{` a block.
for (const word of ['break', 'continue', 'debugger']) KEYWORDS.set(word, K_EXPRESSION | K_NOT_VALUE | K_BLOCK)
for (const word of ['import', 'export']) KEYWORDS.set(word, K_NOT_VALUE | K_SPECIAL)
for (const word of ['get', 'set', 'async', 'accessor']) KEYWORDS.set(word, K_MODIFIER)
KEYWORDS.set('static', K_MODIFIER | K_BLOCK)
KEYWORDS.set('name', K_SPECIAL)
/** By first character (ASCII): a bit for each length of a keyword starting with it (so most names skip the lookup). */
const KEYWORD_STARTS = new Uint32Array(128)
for (const word of KEYWORDS.keys()) markStart(KEYWORD_STARTS, word)
/** The same for the imported names of the module being scanned (scans do not overlap). */
const NAME_STARTS = new Uint32Array(128)

/** Marks `word` in a table by first character and length; a non-ASCII start or 32 characters and more: always looked up. */
function markStart(table: Uint32Array, word: string): void {
  const c = word.charCodeAt(0)
  if (c < 128 && word.length < 32) table[c]! |= 1 << word.length
}

// Runs the tokenizer hands to the regular expression engine (sticky: they match where `lastIndex` says).
const SPACES = /[ \t\v\f\u00a0\ufeff]+/y
const LINE_END = /[\n\r\u2028\u2029]/g
/** The rest of an identifier: ASCII word characters, `$`, and every non-ASCII character but spaces and line ends. */
const IDENTIFIER_REST = /[\w$\u0080-\u009f\u00a1-\u167f\u1681-\u1fff\u200b-\u2027\u202a-\u202e\u2030-\u205e\u2060-\u2fff\u3001-\ufefe\uff00-\uffff]*/y
const SINGLE_QUOTED = /'(?:[^'\\\n\r]|\\(?:\r\n|[\s\S]))*'/y
const DOUBLE_QUOTED = /"(?:[^"\\\n\r]|\\(?:\r\n|[\s\S]))*"/y
/** A template's text up to its closing backquote or its next `${`. */
const TEMPLATE_TEXT = /(?:[^`\\$]|\\[\s\S]|\$(?!\{))*/y

class GiveUp extends Error {}

/** Tokens after `await` that make it a name rather than an await expression. */
const AWAIT_AS_NAME = new Set([EOF, RPAREN, COMMA, COLON, SEMI, ASSIGN, RBRACKET, RBRACE])


/** Transforms `code` without a syntax tree, or gives `undefined` when the AST path must do it. */
export function scanEsm(code: string): Rewritten | undefined {
  try {
    const first = new Scan(code, undefined)
    const result = first.run()
    // An import after code that used its name: scan again, knowing every imported name from the start.
    if (first.lateImport) return new Scan(code, new Set(first.bindings.keys())).run()
    return result
  } catch (error) {
    if (error instanceof GiveUp) return undefined
    throw error
  }
}

class Scan {
  // The current token.
  pos = 0
  tok = EOF
  start = 0
  end = 0
  newline = false
  // The token before it, as the handler left it.
  prevTok = EOF
  /** The previous token as a keyword ('' for any other token, and for a keyword used as a property name). */
  prevKeyword = ''
  prevFlags = 0
  prevValueEnd = false
  prev2Tok = EOF
  prev2Keyword = ''
  prev2ValueEnd = false
  /** A line break came before the previous token. */
  prevNewline = false
  /** The previous token is where a member of a class starts, or a modifier of one (see `boundary`). */
  prevBoundary = false
  prev2Boundary = false
  /** The `}` being handled closed a block (not an object literal or a class body). */
  closedBlock = false
  /** The `}` being handled ended a statement: a block's or a declaration's (not an expression's, not an arrow body's). */
  closedStatement = false
  regexAllowed = true

  readonly stack: Context[] = []
  depth = 0
  ctx: Context
  fnDepth = 0
  /** The keyword before the last `(...)` closed: a `{` right after it is a function's body unless it is a statement's. */
  lastParenKeyword = ''
  /** The last `(...)` closed was a parameter list: a `{` right after it is a function's body. */
  lastParenParams = false
  /** The last `(...)` closed was the parameter list of a function expression. */
  lastParenFnExpression = false
  /** The previous token is a name a declaration binds (`let a`): a `/` on the next line starts a regular expression. */
  bindingEnd = false
  /** The depth of a `function` keyword whose `(` has not come yet, or -1; and whether it starts an expression. */
  functionDepth = -1
  functionExpression = false
  /** The last `:` ended a conditional expression. */
  colonWasTernary = false
  /** The token after `let`/`const`/`var`: a `{` or `[` there is a pattern. */
  declPending = false
  /**
   * The bodies of arrow functions without braces at the top level, while they last: for each, the depth it began at
   * and the number of unmatched `?` there.
   */
  readonly arrowBodies: number[] = []
  /** Between `export const|let|var` and the end of that statement. */
  exportDecl = false
  exportDeclExpectName = false
  /** The token before was a name the `export const|let|var` statement declares. */
  exportDeclAfterName = false
  /** The next CLASS context is an anonymous default export. */
  anonymousDefaultClass = false
  /** Code (not an import or export statement) was seen: an import after it is late. */
  sawCode = false
  lateImport = false

  /** Replacements in source order: [from, to, text]; a text of `\0name` is the namespace read of that import. */
  readonly edits: Array<[number, number, string]> = []
  rewrites = 0
  async = false
  usesMeta = false
  readonly imports: EsmImport[] = []
  readonly importIndex = new Map<string, number>()
  readonly bindings = new Map<string, string>()
  /** Index into `imports` of the last module specifier read. */
  lastDependency = 0
  /** The last `{ ... }` of specifiers had a string before an `as` (or alone). */
  stringLocal = false
  readonly getters = new Map<string, string>()
  readonly locals = new Map<string, string>()
  /** Names seen declared at the top level (not all of them: see `topLevelName`), for the names `locals` export. */
  readonly declared = new Set<string>()
  readonly stars: number[] = []
  renameDefault = ''
  /** The imported names (known so far) by first character and length, as `KEYWORD_STARTS` (one table for every scan). */
  readonly nameStarts = NAME_STARTS

  constructor(
    readonly code: string,
    /** Every imported name, when known before the scan (the second scan of a module with a late import). */
    readonly names: Set<string> | undefined,
  ) {
    this.ctx = this.context(TOP, '')
    this.stack.push(this.ctx)
    NAME_STARTS.fill(0)
    if (names) names.forEach((name) => markStart(NAME_STARTS, name))
  }

  run(): Rewritten {
    this.next()
    // `handle()`, written out: one call less per token.
    while (this.tok !== EOF) {
      if (this.newline && this.ctx.declaring && this.prevValueEnd && !continuesExpression(this.tok, this.word())) this.ctx.declaring = false
      if (this.exportDecl && this.depth === 0) this.exportDeclToken()
      if (this.arrowBodies.length !== 0) this.endArrowBodies()
      if (this.tok === IDENT) this.ident()
      else this.punctuator()
      this.next()
    }
    if (this.depth !== 0) throw new GiveUp()
    this.locals.forEach((local) => {
      if (!this.bindings.has(local) && !this.declared.has(local)) throw new GiveUp()
    })
    return {
      body: this.output(),
      async: this.async,
      usesMeta: this.usesMeta,
      imports: this.imports,
      stars: this.stars,
      getters: this.getters,
      locals: this.locals,
      bindings: this.bindings,
      renameDefault: this.renameDefault,
    }
  }

  output(): string {
    const { code, edits } = this
    let out = ''
    let at = 0
    // Index loops here and below, no for-of: this runs before the JIT has warmed up, where each step of a for-of (and
    // each destructured pair) is an allocation.
    for (let i = 0; i < edits.length; i++) {
      const edit = edits[i]!
      const from = edit[0]
      const to = edit[1]
      const text = edit[2]
      if (from < at) throw new GiveUp()
      out += code.slice(at, from)
      if (text.charCodeAt(0) === 0) {
        const name = text.slice(1)
        out += this.bindings.get(name)
      } else if (text.includes('\0')) {
        const name = text.slice(text.indexOf('\0') + 1)
        out += `${name}: ${this.bindings.get(name)}`
      } else {
        out += text
      }
      at = to
    }
    return out + code.slice(at)
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Handling tokens

  handle(): void {
    if (this.exportDecl && this.depth === 0) this.exportDeclToken()
    if (this.arrowBodies.length !== 0) this.endArrowBodies()
    if (this.tok === IDENT) this.ident()
    else this.punctuator()
  }

  /** Any token but a name. */
  punctuator(): void {
    const tok = this.tok
    this.sawCode = true
    this.bindingEnd = false
    const declPending = this.declPending
    this.declPending = false
    switch (tok) {
      case LPAREN: {
        let keyword = (this.prevFlags & K_STATEMENT) !== 0 || this.prevKeyword === 'catch' ? this.prevKeyword : ''
        if (this.prevKeyword === 'await' && this.prev2Keyword === 'for') keyword = 'for'
        const parent = this.ctx.kind
        const pushed = this.push(PAREN, keyword)
        if (this.functionDepth === this.depth - 1) {
          pushed.params = true
          pushed.fnExpression = this.functionExpression
        } else {
          // Directly in an object literal or a class body, a `(...)` followed by `{` can only be a method's.
          pushed.params = parent === OBJECT || parent === CLASS
        }
        // The first `(` after `function` is its parameters'; a marker left any longer would be stale.
        this.functionDepth = -1
        this.regexAllowed = true
        break
      }
      case RPAREN: {
        const ctx = this.pop(PAREN)
        this.endDefault(ctx)
        const statement = ctx.keyword !== '' && ctx.keyword !== 'catch'
        this.regexAllowed = statement && ctx.keyword !== 'switch'
        this.lastParenKeyword = ctx.keyword
        this.lastParenParams = ctx.params
        this.lastParenFnExpression = ctx.fnExpression
        if (this.rewrites - ctx.rewrites > ctx.defaultRewrites && !statement) {
          // A parameter list (or a catch clause) if `=>` or `{` follows: an imported name in it, but in a default
          // value, may be declared again.
          const after = this.peek()
          if (after === ARROW || after === LBRACE) throw new GiveUp()
        }
        break
      }
      case LBRACKET:
        this.push(BRACKET, '').pattern ||= declPending
        this.regexAllowed = true
        break
      case RBRACKET:
        this.pop(BRACKET)
        this.regexAllowed = false
        break
      case LBRACE:
        this.brace(declPending)
        this.regexAllowed = true
        break
      case RBRACE: {
        const ctx = this.stack[this.depth]!
        if (ctx.kind !== BLOCK && ctx.kind !== OBJECT && ctx.kind !== CLASS) throw new GiveUp()
        this.pop(ctx.kind)
        // A method's body or a static block ends a member; a function expression's body (in a field's value) does not.
        this.closedBlock = ctx.kind === BLOCK && !ctx.fnExpression
        this.closedStatement = (ctx.kind === BLOCK || ctx.kind === CLASS) && !ctx.fnExpression && !ctx.arrow
        if (ctx.fn) this.fnDepth--
        if (ctx.anonymousDefault) this.edits.push([this.end, this.end, `${CLASS_DEFAULT_CLOSE};`])
        // After a block a `/` starts a regular expression; after an object literal or a function expression it divides.
        this.regexAllowed = ctx.kind !== OBJECT && !ctx.fnExpression
        break
      }
      case TEMPLATE_HEAD:
        this.push(SUBSTITUTION, '')
        this.regexAllowed = true
        break
      case TEMPLATE_MIDDLE:
        this.regexAllowed = true
        break
      case TEMPLATE:
        if (this.ctx.kind === SUBSTITUTION && this.code.charCodeAt(this.start) === 125) this.pop(SUBSTITUTION)
        this.regexAllowed = false
        break
      case QUESTION:
        this.ctx.ternary++
        this.regexAllowed = true
        break
      case COLON:
        this.colonWasTernary = this.ctx.kind !== OBJECT && this.ctx.ternary > 0
        if (this.colonWasTernary) this.ctx.ternary--
        this.regexAllowed = true
        break
      case ARROW:
        this.regexAllowed = true
        if (this.fnDepth === 0 && this.peek() !== LBRACE) this.arrowBodies.push(this.depth, this.ctx.ternary)
        break
      case ASSIGN:
        if (this.ctx.kind === PAREN && this.ctx.defaultStart < 0) this.ctx.defaultStart = this.rewrites
        this.regexAllowed = true
        break
      case COMMA:
        if (this.ctx.kind === PAREN) this.endDefault(this.ctx)
        // The next name (or pattern) is declared too: `let a = 1, b`.
        if (this.ctx.declaring) this.declPending = true
        this.regexAllowed = true
        break
      case SEMI:
        // A `for (;;)` head: no `of` keyword after its first `;`.
        if (this.ctx.kind === PAREN) this.ctx.semicolon = true
        this.ctx.declaring = false
        this.regexAllowed = true
        break
      case STRING:
      case PRIVATE:
        // A static member called `name` keeps its own name: the AST path knows which members those are.
        if (this.ctx.anonymousDefault && /^.?name.?$|\\/.test(this.code.slice(this.start, this.end))) throw new GiveUp()
        this.regexAllowed = false
        break
      case NUM:
      case REGEX:
        this.regexAllowed = false
        break
      case INCDEC: {
        // Postfix after a value on the same line (`i++`: a value, a `/` after it divides); prefix where an expression
        // starts (where a `/` would start a regular expression: after `if (c)`, a block, an operator) or after a line break.
        const postfix = !this.regexAllowed && !this.newline
        this.regexAllowed = !postfix
        this.shift('', 0)
        this.prevValueEnd = postfix
        return
      }
      default:
        this.regexAllowed = true
    }
    this.shift('', 0)
  }

  /** Moves the current token to `prev`: `keyword` and `flags` are its own if it is a keyword. */
  shift(keyword: string, flags: number): void {
    const tok = this.tok
    this.prev2Tok = this.prevTok
    this.prev2Keyword = this.prevKeyword
    // Kept here only (a plain name shifts itself in without them): read only when the previous token is a keyword.
    this.prev2ValueEnd = this.prevValueEnd
    this.prevNewline = this.newline
    this.prev2Boundary = this.prevBoundary
    const kind = this.ctx.kind
    this.prevBoundary = (kind === CLASS || kind === OBJECT) && this.boundary(tok, flags)
    this.prevTok = tok
    this.prevKeyword = keyword
    this.prevFlags = flags
    this.prevValueEnd = tok === IDENT ? (flags & K_NOT_VALUE) === 0 : VALUE_END[tok] === 1
  }

  ident(): void {
    // A property name is never a keyword; a name no keyword or import starts with (and is as long as) is neither:
    // for those (most names) not even the string is made.
    const first = this.code.charCodeAt(this.start)
    const size = this.end - this.start
    if (
      this.prevTok === DOT || this.prevTok === OPTDOT ||
      (first < 128 && size < 32 && ((KEYWORD_STARTS[first]! | this.nameStarts[first]!) & (1 << size)) === 0)
    ) {
      const declPending = this.declPending
      this.declPending = false
      this.bindingEnd = declPending
      this.regexAllowed = false
      if (this.prevTok !== DOT && this.prevTok !== OPTDOT) {
        this.sawCode = true
        if (declPending && this.exportDecl && this.depth === 0) this.exportName(this.word())
        if (this.depth === 0 && this.topLevelName(declPending)) this.declared.add(this.word())
      }
      // The label of `break`/`continue` ends the statement: a `/` after it starts a regular expression.
      const label = this.prevFlags !== 0 && !this.newline && (this.prevKeyword === 'break' || this.prevKeyword === 'continue')
      // `shift('', 0)`, written out: this is the path of most tokens.
      this.prev2Tok = this.prevTok
      this.prev2Keyword = this.prevKeyword
      this.prev2Boundary = this.prevBoundary
      this.prevBoundary = false
      this.prevTok = IDENT
      this.prevKeyword = ''
      this.prevFlags = 0
      this.prevValueEnd = !label
      if (label) this.regexAllowed = true
      return
    }
    const name = this.word()
    let flags = KEYWORDS.get(name) ?? 0
    // `of` is a keyword only right after the binding of a `for (... of ...)` (a name, `]` or `}`, before any `;`);
    // elsewhere it is a name (rxjs exports one), and a `/` after it divides.
    if (name === 'of' && !(this.ctx.kind === PAREN && this.ctx.keyword === 'for' && !this.ctx.semicolon && this.forBinding())) flags = 0
    // What follows an identifier is told by the identifier alone.
    this.regexAllowed = (flags & K_EXPRESSION) !== 0
    const declPending = this.declPending
    this.declPending = false
    this.bindingEnd = declPending
    if (declPending && this.exportDecl && this.depth === 0) this.exportName(name)
    if (this.depth === 0 && this.prevTok !== DOT && this.prevTok !== OPTDOT && this.topLevelName(declPending)) this.declared.add(name)
    if ((flags & K_SPECIAL) !== 0) {
      switch (name) {
        case 'import':
        case 'export':
          if (this.depth === 0 && this.peek() !== LPAREN && this.peek() !== DOT) {
            // Only a statement can start here (not after `function f()` or `if (a)`): the AST path reports the rest.
            if (!this.statementStart()) throw new GiveUp()
            if (name === 'import') this.importDeclaration()
            else this.exportDeclaration()
            return
          }
          if (name === 'import' && !this.keyHere() && this.importExpression()) {
            // `import.meta` (now current as `meta`) ends a value: shifted in as a name.
            this.sawCode = true
            this.regexAllowed = false
            this.shift('', 0)
            return
          }
          break
        case 'class':
          if (!this.keyHere()) {
            const ctx = this.ctx
            ctx.classExpression = (ctx.classExpression << 1) | (this.functionIsExpression() ? 1 : 0)
            ctx.classPending++
          }
          break
        case 'let':
        case 'const':
        case 'var':
          if (!this.keyHere()) {
            this.declPending = true
            this.ctx.declaring = true
          }
          break
        case 'await':
          // `await` is reserved in a module: declaring it is an early error the AST path reports.
          if ((this.prevFlags & K_DECLARING) !== 0) throw new GiveUp()
          // Nor a parameter, a label or a name in a pattern (what follows is no operand): the AST path reports those.
          if (this.prevTok !== DOT && !this.keyHere() && AWAIT_AS_NAME.has(this.peek())) throw new GiveUp()
          // Outside any function body and any arrow function's body: top-level await.
          if (this.fnDepth === 0 && this.arrowBodies.length === 0 && !this.keyHere()) this.async = true
          break
        case 'return':
          // A top-level `return` is an early error V8's second parse misses in a module with top-level await (that body
          // is checked as an async function's): the AST path reports it.
          if (this.fnDepth === 0 && this.arrowBodies.length === 0 && this.prevTok !== DOT && this.prevTok !== OPTDOT && !this.keyHere()) throw new GiveUp()
          break
        case 'name':
          // A static member called `name` keeps its own name: the AST path knows which members those are.
          if (this.ctx.anonymousDefault) throw new GiveUp()
          break
      }
    }
    this.sawCode = true
    // (`of` as the keyword of a loop is no read of an import called `of`.)
    if ((this.names ? this.names.has(name) : this.bindings.has(name)) && !(flags !== 0 && name === 'of')) this.reference(name)
    // A keyword as a method or property name (`async catch(e) {}`, `{ if: 1 }`) is a name: its `(...)` is a parameter
    // list, and the `{` after it a function's body. Modifiers keep their meaning for the name after them.
    if (flags !== 0 && (flags & K_MODIFIER) === 0 && this.keyHere()) flags = 0
    // The keyword `function` (not a key called so): its `(...)` is a parameter list.
    if (flags !== 0 && name === 'function') {
      this.functionDepth = this.depth
      this.functionExpression = this.functionIsExpression()
    }
    this.shift(flags === 0 ? '' : name, flags)
  }

  /** At `import` or `export` at the top level: whether a statement can start there, by the token before it. */
  statementStart(): boolean {
    const tok = this.prevTok
    if (tok === EOF || tok === SEMI) return true
    if (tok === RBRACE && this.closedStatement) return true
    // A line break ends the statement before (ASI), but not the head of a function, an `if` or a loop.
    return this.newline && this.prevValueEnd && !(tok === RPAREN && (this.lastParenKeyword !== '' || this.lastParenParams))
  }

  /**
   * At a name at the top level: whether it is declared there, as the name after `let`/`const`/`var` (or after a `,` of
   * theirs), or after `function`, `function *` or `class` that start a declaration, not an expression. The names of
   * patterns and of `var` in blocks are not seen: an `export { x }` of one of those sends the module to the AST path.
   */
  topLevelName(declPending: boolean): boolean {
    if (declPending) return true
    if (this.prevKeyword === 'function' || (this.prevTok === STAR && this.prev2Keyword === 'function')) return !this.functionExpression
    return this.prevKeyword === 'class' && (this.ctx.classExpression & 1) === 0
  }

  /** An identifier that is an imported name: rewritten if it is a reference, else left (or the scan gives up). */
  reference(name: string): void {
    const next = this.peek()
    const { ctx, prevTok, prevKeyword } = this
    if (next === ARROW || ctx.pattern) throw new GiveUp()
    if ((this.prevFlags & K_DECLARING) !== 0 || (prevTok === STAR && this.prev2Keyword === 'function')) throw new GiveUp()
    if (ctx.kind === OBJECT && (prevTok === LBRACE || prevTok === COMMA)) {
      if (next === COLON || next === LPAREN) return
      if (next === COMMA || next === RBRACE) return this.rewrite(name, true)
      throw new GiveUp()
    }
    if (this.isKey(next)) return
    if (ctx.kind !== OBJECT && ctx.kind !== CLASS) {
      // A label, or the label of `break`/`continue`.
      const statementStart = prevTok === EOF || prevTok === SEMI || prevTok === LBRACE || prevTok === RBRACE || (this.newline && this.prevValueEnd)
      if (next === COLON && (ctx.kind === TOP || ctx.kind === BLOCK) && statementStart) return
      if ((prevKeyword === 'break' || prevKeyword === 'continue') && !this.newline) return
    }
    this.rewrite(name, false)
  }

  /** In a `for (...)` head: whether the token before is the end of a binding (`x`, `a.b`, `[...]`, `{...}`, `(x)`). */
  forBinding(): boolean {
    const tok = this.prevTok
    return (tok === IDENT && (this.prevFlags & K_NOT_VALUE) === 0) || tok === RBRACKET || tok === RBRACE || tok === RPAREN
  }

  /**
   * Whether a member name can follow the token being shifted in: in a class body, the `{` that opens it, a `;`, the
   * `}` of a method's body or a static block, or a modifier (`static`, `async`, `get`, ...) that is itself at such a
   * place; in an object literal, a modifier right after `{` or `,`.
   */
  boundary(tok: number, flags: number): boolean {
    const kind = this.ctx.kind
    if (kind === CLASS) {
      if (tok === LBRACE || tok === SEMI || (tok === RBRACE && this.closedBlock)) return true
      return (flags & K_MODIFIER) !== 0 && (this.prevBoundary || (this.newline && this.prevValueEnd))
    }
    return kind === OBJECT && (flags & K_MODIFIER) !== 0 && (this.prevTok === LBRACE || this.prevTok === COMMA)
  }

  /**
   * At `function`: whether it starts a function expression rather than a declaration, by the token before it (before
   * `async`, for an async function). After an expression's body a `/` divides; after a declaration's it starts a
   * regular expression.
   */
  functionIsExpression(): boolean {
    // `async` then a line break is a name, not `async function` (no line break is allowed between them).
    const async = this.prevKeyword === 'async' && !this.newline
    const tok = async ? this.prev2Tok : this.prevTok
    const keyword = async ? this.prev2Keyword : this.prevKeyword
    const newline = async ? this.prevNewline : this.newline
    if (tok === EOF || tok === SEMI || tok === LBRACE || tok === RBRACE) return false
    // A line break after these ends their statement (`return` then a declaration on the next line).
    if (newline && (keyword === 'return' || keyword === 'yield' || keyword === 'debugger' || keyword === 'break' || keyword === 'continue')) return false
    if (tok === COLON) return this.ctx.kind === OBJECT || this.colonWasTernary
    if (tok === RPAREN && this.lastParenKeyword !== '' && this.lastParenKeyword !== 'catch') return false
    if (keyword === 'else' || keyword === 'do' || keyword === 'export' || keyword === 'default') return false
    // A line break after a complete expression ends its statement.
    return !(async ? this.prevNewline && this.prev2ValueEnd : this.newline && this.prevValueEnd)
  }

  /** `isKey` for the next token, which is looked at only in an object literal or a class body (the only places a key is). */
  keyHere(): boolean {
    const kind = this.ctx.kind
    return (kind === OBJECT || kind === CLASS) && this.isKey(this.peek())
  }

  /**
   * Whether the current identifier is a property key or a method name of an object literal or a class body (only
   * the forms that cannot be a read), given the token after it.
   */
  isKey(next: number): boolean {
    const { ctx, prevTok, prevKeyword } = this
    if (ctx.kind === OBJECT) {
      if (prevTok === LBRACE || prevTok === COMMA) return next === COLON || next === LPAREN
      if (next !== LPAREN) return false
      // `get`, `set`, `async` only as modifiers of this member, not as names in a value (`a: async * x(1)`).
      if (prevKeyword === 'get' || prevKeyword === 'set' || prevKeyword === 'async') return this.prevBoundary
      return prevTok === STAR && (this.prev2Tok === LBRACE || this.prev2Tok === COMMA || (this.prev2Keyword === 'async' && this.prev2Boundary))
    }
    if (ctx.kind === CLASS) {
      // After a member's end or a modifier of this member, not after an object literal or a name in a field's value.
      if (this.prevBoundary) return true
      // (`a = 1` then `*g() {}` on the next line is no field and a method: `*` continues the value, no `;` is inserted.)
      if (prevTok === STAR) return this.prev2Boundary
      // A field without a semicolon, then the next member.
      return this.newline && this.prevValueEnd
    }
    return false
  }

  rewrite(name: string, shorthand: boolean): void {
    this.rewrites++
    this.edits.push([this.start, this.end, shorthand ? `${name}:\0${name}` : `\0${name}`])
  }

  /** `import(...)` or `import.meta` inside the module; true for `import.meta`, whose `meta` is then the current token. */
  importExpression(): boolean {
    const start = this.start
    const state = this.save()
    this.next()
    if (this.tok === LPAREN) {
      this.restore(state)
      this.edits.push([start, start + 'import'.length, DYNAMIC])
      return false
    }
    if (this.tok === DOT) {
      this.next()
      if (this.tok === IDENT && this.word() === 'meta') {
        this.edits.push([start, this.end, META])
        this.usesMeta = true
        return true
      }
    }
    throw new GiveUp()
  }

  brace(declPending: boolean): void {
    const { ctx, prevTok } = this
    // The class body, unless the `{` opens an object literal right after `extends` (`class A extends {}.constructor {}`).
    if (ctx.classPending !== 0 && this.prevKeyword !== 'extends') {
      ctx.classPending--
      const expression = (ctx.classExpression & 1) === 1
      ctx.classExpression >>= 1
      const pushed = this.push(CLASS, '')
      // A class expression's body, like a function expression's: a `/` after it divides.
      pushed.fnExpression = expression
      // An anonymous default export is the outermost class, whose body comes last.
      if (ctx.classPending === 0) {
        pushed.anonymousDefault = this.anonymousDefaultClass
        this.anonymousDefaultClass = false
      }
      return
    }
    if (declPending) {
      this.push(OBJECT, '').pattern = true
      return
    }
    let kind: number
    let fn = false
    switch (prevTok) {
      case EOF:
      case SEMI:
      case LBRACE:
      case RBRACE:
      case NUM:
      case STRING:
      case TEMPLATE:
      case REGEX:
      case PRIVATE:
      case RBRACKET:
      case INCDEC:
        kind = BLOCK
        break
      case RPAREN:
        // A function's body after its parameters; a block after any other `)` (`if (a)`, or a call and ASI: `f()\n{`).
        kind = BLOCK
        fn = this.lastParenParams
        break
      case ARROW:
        kind = BLOCK
        fn = true
        break
      case COLON:
        kind = ctx.kind === OBJECT || this.colonWasTernary ? OBJECT : BLOCK
        break
      case IDENT:
        kind = (this.prevFlags & (K_EXPRESSION | K_BLOCK)) === K_EXPRESSION ? OBJECT : BLOCK
        // `return` and `yield` end their statement at a line break: a `{` on the next line opens a block.
        if (this.newline && (this.prevKeyword === 'return' || this.prevKeyword === 'yield')) kind = BLOCK
        break
      default:
        kind = OBJECT
    }
    const pushed = this.push(kind, '')
    pushed.arrow = prevTok === ARROW
    if (fn) {
      pushed.fn = true
      pushed.fnExpression = prevTok === RPAREN && this.lastParenFnExpression
      this.fnDepth++
    }
  }

  /** Ends the default value being read in a parenthesised list (at its `,` or `)`). */
  endDefault(ctx: Context): void {
    if (ctx.defaultStart < 0) return
    ctx.defaultRewrites += this.rewrites - ctx.defaultStart
    ctx.defaultStart = -1
  }

  /**
   * Before each token: ends the bodies (without braces) of arrow functions that this token is no longer part of. A
   * body ends with its bracket level, at a `,` or `;` of its level, or where a newline ends the statement.
   */
  endArrowBodies(): void {
    const bodies = this.arrowBodies
    const tok = this.tok
    while (bodies.length) {
      const depth = bodies[bodies.length - 2]!
      // A body that began in the middle of a conditional (`c ? () => x : y`) ends at the `:` that closes it.
      const ternary = bodies[bodies.length - 1]!
      const ends = this.depth < depth ||
        (this.depth === depth && (tok === COMMA || tok === SEMI || tok === TEMPLATE_MIDDLE || (tok === TEMPLATE && this.ctx.kind === SUBSTITUTION) ||
          (tok === COLON && ternary > 0 && this.ctx.ternary === ternary) ||
          (this.newline && this.prevValueEnd && !continuesExpression(tok, this.word()))))
      if (!ends) return
      bodies.length -= 2
    }
  }


  context(kind: number, keyword: string): Context {
    return { kind, keyword, rewrites: 0, defaultRewrites: 0, defaultStart: -1, pattern: false, fn: false, params: false, fnExpression: false, semicolon: false, declaring: false, ternary: 0, classPending: 0, classExpression: 0, anonymousDefault: false, arrow: false }
  }

  push(kind: number, keyword: string): Context {
    const parent = this.ctx
    const depth = ++this.depth
    let ctx = this.stack[depth]
    if (!ctx) {
      ctx = this.context(kind, keyword)
      this.stack[depth] = ctx
    } else {
      ctx.kind = kind
      ctx.keyword = keyword
      ctx.fn = false
      ctx.params = false
      ctx.fnExpression = false
      ctx.semicolon = false
      ctx.declaring = false
      ctx.defaultRewrites = 0
      ctx.defaultStart = -1
      ctx.ternary = 0
      ctx.classPending = 0
      ctx.classExpression = 0
      ctx.anonymousDefault = false
      ctx.arrow = false
    }
    ctx.rewrites = this.rewrites
    ctx.pattern = parent.pattern
    this.ctx = ctx
    return ctx
  }

  pop(kind: number): Context {
    const ctx = this.ctx
    if (ctx.kind !== kind || this.depth === 0) throw new GiveUp()
    this.depth--
    this.ctx = this.stack[this.depth]!
    return ctx
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Import and export declarations

  dependency(specifier: string): number {
    let index = this.importIndex.get(specifier)
    if (index === undefined) {
      index = this.imports.length
      this.imports.push({ specifier, names: [] })
      this.importIndex.set(specifier, index)
    }
    this.lastDependency = index
    return index
  }

  /** `with { key: 'value', ... }` of the last dependency, the `with` read: ends on the `}`. */
  attributes(): void {
    this.next()
    if (this.tok !== LBRACE) throw new GiveUp()
    const attributes: ImportAttributes = {}
    this.next()
    while (this.tok !== RBRACE) {
      if (this.tok !== IDENT && this.tok !== STRING) throw new GiveUp()
      const key = this.tok === STRING ? this.stringValue() : this.word()
      this.next()
      if (this.tok !== COLON) throw new GiveUp()
      this.next()
      if (this.tok !== STRING) throw new GiveUp()
      addImportAttribute(attributes, key, this.stringValue())
      this.next()
      if (this.tok === COMMA) this.next()
      else if (this.tok !== RBRACE) throw new GiveUp()
    }
    this.imports[this.lastDependency]!.attributes ??= attributes
  }

  /** Replaces a statement by its newlines only, so that the lines after it keep their numbers. */
  blank(from: number, to: number, keep = ''): void {
    let lines = 0
    for (let at = this.code.indexOf('\n', from); at >= 0 && at < to; at = this.code.indexOf('\n', at + 1)) lines++
    this.edits.push([from, to, lines ? keep + '\n'.repeat(lines) : keep])
  }

  importDeclaration(): void {
    const start = this.start
    this.regexAllowed = false
    this.next()
    if (this.tok === STRING) {
      this.dependency(this.stringValue())
      this.statementEnd(start)
      return
    }
    // Local name, then the imported name (`undefined`: the namespace), for each binding.
    const locals: Array<string | undefined> = []
    if (this.tok === IDENT) {
      // A default import; `import defer * as x`, `import source x` and the like are for the AST path.
      locals.push(this.word(), 'default')
      this.next()
      if (this.tok === COMMA) this.next()
      else if (this.tok !== IDENT || this.word() !== 'from') throw new GiveUp()
    }
    if (this.tok === STAR) {
      this.expectIdent('as')
      this.next()
      if (this.tok !== IDENT) throw new GiveUp()
      locals.push(this.word(), undefined)
      this.next()
    } else if (this.tok === LBRACE) {
      const specifiers = this.specifiers()
      for (let i = 0; i < specifiers.length; i += 2) locals.push(specifiers[i + 1]!, specifiers[i]!)
      this.next()
    }
    if (this.tok !== IDENT || this.word() !== 'from') throw new GiveUp()
    this.next()
    if (this.tok !== STRING) throw new GiveUp()
    const index = this.dependency(this.stringValue())
    for (let i = 0; i < locals.length; i += 2) {
      const local = locals[i]!
      const imported = locals[i + 1]
      if (this.bindings.has(local)) throw new GiveUp()
      if (this.sawCode && !this.names) this.lateImport = true
      if (imported === undefined) {
        this.bindings.set(local, `__ms_i${index}`)
        markStart(this.nameStarts, local)
      } else {
        this.imports[index]!.names.push(imported)
        this.bindings.set(local, member(index, imported))
        markStart(this.nameStarts, local)
      }
    }
    this.statementEnd(start)
  }

  exportDeclaration(): void {
    const start = this.start
    this.regexAllowed = true
    this.next()
    const tok = this.tok
    if (tok === STAR) {
      this.next()
      let exported: string | undefined
      if (this.tok === IDENT && this.word() === 'as') {
        this.next()
        exported = this.moduleExportName()
        this.next()
      }
      if (this.tok !== IDENT || this.word() !== 'from') throw new GiveUp()
      this.next()
      if (this.tok !== STRING) throw new GiveUp()
      const index = this.dependency(this.stringValue())
      if (exported !== undefined) this.exportAs(exported, `__ms_i${index}`)
      else this.stars.push(index)
      this.statementEnd(start)
      return
    }
    if (tok === LBRACE) {
      const specifiers = this.specifiers()
      const state = this.save()
      this.next()
      if (this.tok === IDENT && this.word() === 'from') {
        this.next()
        if (this.tok !== STRING) throw new GiveUp()
        const index = this.dependency(this.stringValue())
        for (let i = 0; i < specifiers.length; i += 2) {
          this.imports[index]!.names.push(specifiers[i]!)
          this.exportAs(specifiers[i + 1]!, member(index, specifiers[i]!))
        }
        this.statementEnd(start)
        return
      }
      this.restore(state)
      // `export { "a" }` names no binding without `from`: the AST path reports it.
      if (this.stringLocal) throw new GiveUp()
      // Resolved against the imports at the end: an `export { x }` may come before `import { x }`.
      for (let i = 0; i < specifiers.length; i += 2) this.exportLocal(specifiers[i + 1]!, specifiers[i]!)
      this.statementEnd(start)
      return
    }
    if (tok !== IDENT) throw new GiveUp()
    const keyword = this.word()
    if (keyword === 'default') {
      this.exportDefault(start)
      return
    }
    this.edits.push([start, this.start, ''])
    if (keyword === 'var' || keyword === 'let' || keyword === 'const') {
      this.exportDecl = true
      this.exportDeclExpectName = false
      this.exportDeclAfterName = false
      // A destructuring declaration: the AST path extracts the names.
      if (this.peek() !== IDENT) throw new GiveUp()
      this.ident()
      return
    }
    if (keyword === 'function' || keyword === 'class' || keyword === 'async') {
      // `export async` then a line break is no declaration (no line break may come between `async` and `function`).
      if (keyword === 'async' && !this.asyncFunction()) throw new GiveUp()
      const name = this.declarationName()
      if (name === undefined) throw new GiveUp()
      this.exportAs(name, name)
      this.declarationStart()
      this.ident()
      return
    }
    throw new GiveUp()
  }

  /** `export default ...`: the current token is `default`. */
  exportDefault(start: number): void {
    const keywordsEnd = this.end
    this.regexAllowed = true
    this.next()
    const tok = this.tok
    const value = this.word()
    if (tok === IDENT && (value === 'function' || (value === 'async' && this.asyncFunction()))) {
      const name = this.declarationName()
      this.edits.push([start, this.start, ''])
      if (name !== undefined) {
        this.exportAs('default', name)
      } else {
        // Keep it a hoisted declaration (a cycle may call it before the body runs): give it a name, and give it
        // back the name "default" Node gives it before anything can see it.
        this.edits.push([this.openParen(), this.openParen(), ` ${DEFAULT}`])
        this.exportAs('default', DEFAULT)
        this.renameDefault = `${NAME_DEFAULT};`
      }
      this.declarationStart()
      this.ident()
      return
    }
    if (tok === IDENT && value === 'class') {
      const name = this.declarationName()
      if (name !== undefined) {
        this.edits.push([start, this.start, ''])
        this.exportAs('default', name)
      } else {
        this.edits.push([start, keywordsEnd, `const ${DEFAULT} = ${CLASS_DEFAULT_OPEN}`])
        this.exportAs('default', DEFAULT)
        this.anonymousDefaultClass = true
      }
      this.declarationStart()
      this.ident()
      return
    }
    // An expression. One that may be an anonymous function or class (parenthesised, an arrow) needs the name
    // "default", which needs its end: the AST path does those.
    this.regexAllowed = false
    if (tok === LPAREN || (tok === IDENT && (value === 'async' || this.peek() === ARROW))) throw new GiveUp()
    this.edits.push([start, keywordsEnd, `const ${DEFAULT} =`])
    this.exportAs('default', DEFAULT)
    this.prevTok = ASSIGN
    this.prevKeyword = ''
    this.prevFlags = 0
    this.prevValueEnd = false
    this.regexAllowed = true
    this.handle()
  }

  /** Before the keyword of an exported declaration: what came before `export` no longer counts (it is a statement). */
  declarationStart(): void {
    this.prevTok = SEMI
    this.prevKeyword = ''
    this.prevFlags = 0
    this.prevValueEnd = false
  }

  /** At `async`: whether `function` follows on the same line. */
  asyncFunction(): boolean {
    const state = this.save()
    this.next()
    const result = this.tok === IDENT && this.word() === 'function' && !this.newline
    this.restore(state)
    return result
  }

  /** At `function`, `async` or `class`: the declared name, if any (looks ahead, consumes nothing). */
  declarationName(): string | undefined {
    const state = this.save()
    if (this.word() === 'async') this.next()
    this.next()
    if (this.tok === STAR) this.next()
    const name = this.tok === IDENT && this.word() !== 'extends' ? this.word() : undefined
    this.restore(state)
    return name
  }

  /** At an anonymous `function`: where its `(` is. */
  openParen(): number {
    const state = this.save()
    while (this.tok !== LPAREN && this.tok !== EOF) this.next()
    const at = this.start
    this.restore(state)
    return at
  }

  /** Every token at the top level while an `export const|let|var` statement lasts: collects the declared names. */
  exportDeclToken(): void {
    const tok = this.tok
    if (this.exportDeclAfterName) {
      this.exportDeclAfterName = false
      // A name with no initializer ends the declaration at a line break, unless `=`, `,` or `;` follows (ASI: `let a`
      // followed by `+ 1` on the next line is two statements, whatever continues an expression).
      if (this.newline && tok !== ASSIGN && tok !== COMMA && tok !== SEMI) {
        this.exportDecl = false
        return
      }
    }
    if (tok === SEMI) {
      this.exportDecl = false
      return
    }
    if (this.newline && this.prevValueEnd && !continuesExpression(tok, this.word())) {
      this.exportDecl = false
      return
    }
    if (this.exportDeclExpectName) {
      // A destructuring pattern after the `,`: the AST path extracts its names. A name is exported by `ident()`.
      this.exportDeclExpectName = false
      if (tok !== IDENT) throw new GiveUp()
      return
    }
    if (tok === COMMA) this.exportDeclExpectName = true
  }

  /** Export `name` as the value of `expression`. A name exported twice is an early error: the AST path reports it. */
  exportAs(name: string, expression: string): void {
    if (this.getters.has(name) || this.locals.has(name)) throw new GiveUp()
    this.getters.set(name, expression)
  }

  /** `export { local as name }`, resolved against the imports at the end. */
  exportLocal(name: string, local: string): void {
    if (this.getters.has(name) || this.locals.has(name)) throw new GiveUp()
    this.locals.set(name, local)
  }

  exportName(name: string): void {
    if (!this.exportDecl) return
    this.exportAs(name, name)
    this.exportDeclAfterName = true
  }

  /** `{ a, b as c, "d" as e }` of an import or export: name before `as`, name after, for each. The `}` is current at the end. */
  specifiers(): string[] {
    const result: string[] = []
    this.stringLocal = false
    this.next()
    while (this.tok !== RBRACE) {
      if (this.tok === STRING) this.stringLocal = true
      const first = this.moduleExportName()
      let second = first
      this.next()
      if (this.tok === IDENT && this.word() === 'as') {
        this.next()
        second = this.moduleExportName()
        this.next()
      }
      result.push(first, second)
      if (this.tok === COMMA) this.next()
      else if (this.tok !== RBRACE) throw new GiveUp()
    }
    return result
  }

  moduleExportName(): string {
    if (this.tok === IDENT) return this.word()
    if (this.tok === STRING) return this.stringValue()
    throw new GiveUp()
  }

  expectIdent(word: string): void {
    this.next()
    if (this.tok !== IDENT || this.word() !== word) throw new GiveUp()
  }

  /** After the specifier of an import or export: import attributes, an optional `;`, then blanks the statement. */
  statementEnd(start: number): void {
    let end = this.end
    // After a module specifier a `/` can only start the next statement.
    this.regexAllowed = true
    const state = this.save()
    this.next()
    if (this.tok === IDENT && this.word() === 'with' && !this.newline) {
      this.attributes()
      end = this.end
      const after = this.save()
      this.next()
      if (this.tok === SEMI) end = this.end
      else this.restore(after)
    } else if (this.tok === SEMI) {
      end = this.end
    } else if (!this.newline && this.tok !== EOF) {
      // No `;`, no line break and more code: no semicolon can be inserted (rollup's parser lets `export {} x` pass).
      throw new SyntaxError(`Unexpected token after the ${this.code.slice(start, start + 6)} declaration at offset ${this.start}`)
    } else {
      this.restore(state)
    }
    // A `;` in its place: the statements around it stay apart where a line break after it ended one of them (ASI:
    // `export { a }` then `(f)()` on the next line), and one left unfinished before it (`const a`) still fails.
    this.blank(start, end, ';')
    // The next token starts a statement.
    this.prevTok = SEMI
    this.prevKeyword = ''
    this.prevFlags = 0
    this.prevValueEnd = false
    this.regexAllowed = true
  }

  /** The value of the current string token (escapes other than quotes and backslashes: the AST path). */
  stringValue(): string {
    const raw = this.code.slice(this.start + 1, this.end - 1)
    if (!raw.includes('\\')) return raw
    if (/\\[^\\'"]/.test(raw)) throw new GiveUp()
    return raw.replace(/\\(.)/g, '$1')
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The tokenizer

  /** The current token's text (an identifier's name): made only when asked for. */
  word(): string {
    return this.code.slice(this.start, this.end)
  }

  save(): number[] {
    return [this.pos, this.tok, this.start, this.end, this.newline ? 1 : 0]
  }

  restore(state: number[]): void {
    this.pos = state[0]!
    this.tok = state[1]!
    this.start = state[2]!
    this.end = state[3]!
    this.newline = state[4] === 1
  }

  /** The kind of the next token, consuming nothing. */
  peek(): number {
    const { pos, tok, start, end, newline } = this
    this.next()
    const next = this.tok
    this.pos = pos
    this.tok = tok
    this.start = start
    this.end = end
    this.newline = newline
    return next
  }

  next(): void {
    const code = this.code
    const length = code.length
    let pos = this.pos
    let newline = false
    // White space and comments.
    for (;;) {
      if (pos >= length) {
        this.pos = pos
        this.tok = EOF
        this.start = this.end = pos
        this.newline = true
        return
      }
      const c = code.charCodeAt(pos)
      if (c === 32 || c === 9 || c === 11 || c === 12) {
        pos++
        const d = code.charCodeAt(pos)
        if (d === 32 || d === 9) {
          SPACES.lastIndex = pos
          SPACES.test(code)
          pos = SPACES.lastIndex
        }
      } else if (c === 10 || c === 13) {
        newline = true
        pos++
      } else if (c === 47) {
        const d = code.charCodeAt(pos + 1)
        if (d === 47) {
          LINE_END.lastIndex = pos + 2
          pos = LINE_END.exec(code)?.index ?? length
        } else if (d === 42) {
          const close = code.indexOf('*/', pos + 2)
          if (close < 0) throw new GiveUp()
          if (!newline) {
            LINE_END.lastIndex = pos + 2
            const end = LINE_END.exec(code)
            newline = end !== null && end.index < close
          }
          pos = close + 2
        } else {
          break
        }
      } else if (c >= 128) {
        if (c === 0x2028 || c === 0x2029) {
          newline = true
          pos++
        } else if (c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000) {
          pos++
        } else {
          break
        }
      } else {
        break
      }
    }
    this.newline = newline
    this.start = pos
    const c = code.charCodeAt(pos)
    // One table lookup and a dense switch: a chain of comparisons per token costs while the code is interpreted.
    switch (c < 128 ? CHAR_CLASS[c]! : C_IDENT) {
      case C_IDENT: {
        IDENTIFIER_REST.lastIndex = pos + 1
        IDENTIFIER_REST.test(code)
        const end = IDENTIFIER_REST.lastIndex
        if (code.charCodeAt(end) === 92) throw new GiveUp()
        this.tok = IDENT
        this.pos = this.end = end
        return
      }
      case C_SINGLE:
        this.tok = SINGLE_TOKEN[c]!
        this.pos = this.end = pos + 1
        return
      case C_DIGIT:
        this.number(pos)
        return
      case C_QUOTE:
        this.string(pos, c)
        return
      case C_BACKQUOTE:
        this.template(pos + 1, TEMPLATE_HEAD)
        return
      case C_RBRACE:
        if (this.ctx.kind === SUBSTITUTION) {
          this.template(pos + 1, TEMPLATE_MIDDLE)
          return
        }
        return this.punct(pos, 1, RBRACE)
      case C_DOT: {
        const d = code.charCodeAt(pos + 1)
        if (d >= 48 && d <= 57) {
          this.number(pos)
          return
        }
        if (d === 46 && code.charCodeAt(pos + 2) === 46) return this.punct(pos, 3, DOT3)
        return this.punct(pos, 1, DOT)
      }
      case C_QUESTION: {
        const d = code.charCodeAt(pos + 1)
        if (d === 46) {
          const e = code.charCodeAt(pos + 2)
          if (!(e >= 48 && e <= 57)) return this.punct(pos, 2, OPTDOT)
          return this.punct(pos, 1, QUESTION)
        }
        if (d === 63) return this.punct(pos, code.charCodeAt(pos + 2) === 61 ? 3 : 2, OP)
        return this.punct(pos, 1, QUESTION)
      }
      case C_EQUALS: {
        const d = code.charCodeAt(pos + 1)
        if (d === 62) return this.punct(pos, 2, ARROW)
        if (d === 61) return this.punct(pos, code.charCodeAt(pos + 2) === 61 ? 3 : 2, OP)
        return this.punct(pos, 1, ASSIGN)
      }
      case C_PLUS_MINUS: {
        const d = code.charCodeAt(pos + 1)
        if (d === c) return this.punct(pos, 2, INCDEC)
        return this.punct(pos, d === 61 ? 2 : 1, OP)
      }
      case C_STAR: {
        const d = code.charCodeAt(pos + 1)
        if (d === 42) return this.punct(pos, code.charCodeAt(pos + 2) === 61 ? 3 : 2, OP)
        if (d === 61) return this.punct(pos, 2, OP)
        return this.punct(pos, 1, STAR)
      }
      case C_SLASH:
        // After `let a` a line break ends the declaration (no initializer can start with `/`).
        if (this.regexAllowed || (newline && this.bindingEnd)) {
          this.regex(pos)
          return
        }
        return this.punct(pos, code.charCodeAt(pos + 1) === 61 ? 2 : 1, OP)
      case C_BANG: {
        if (code.charCodeAt(pos + 1) === 61) return this.punct(pos, code.charCodeAt(pos + 2) === 61 ? 3 : 2, OP)
        return this.punct(pos, 1, UNARY)
      }
      case C_TILDE:
        return this.punct(pos, 1, UNARY)
      case C_OPERATOR: {
        let end = pos + 1
        for (;;) {
          const d = code.charCodeAt(end)
          if (d === 61 || d === 38 || d === 124 || d === 60 || d === 62) end++
          else break
        }
        return this.punct(pos, end - pos, OP)
      }
      case C_HASH: {
        let end = pos + 1
        while (end < length && isIdentifierChar(code.charCodeAt(end))) end++
        if (end === pos + 1 || code.charCodeAt(end) === 92) throw new GiveUp()
        this.tok = PRIVATE
        this.pos = this.end = end
        return
      }
    }
    // `@`, `\`, or anything else this scan does not know.
    throw new GiveUp()
  }

  punct(pos: number, length: number, tok: number): void {
    this.tok = tok
    this.pos = this.end = pos + length
  }

  number(pos: number): void {
    const code = this.code
    let end = pos
    let dot = false
    for (;;) {
      const c = code.charCodeAt(end)
      if (c === 46) {
        if (dot) break
        dot = true
        end++
      } else if ((c === 43 || c === 45) && (code.charCodeAt(end - 1) | 32) === 101 && !isHex(code, pos)) {
        end++
      } else if (isIdentifierChar(c)) {
        end++
      } else {
        break
      }
    }
    this.tok = NUM
    this.pos = this.end = end
  }

  string(pos: number, quote: number): void {
    const pattern = quote === 39 ? SINGLE_QUOTED : DOUBLE_QUOTED
    pattern.lastIndex = pos
    // Unterminated, or a line break in it.
    if (!pattern.test(this.code)) throw new GiveUp()
    this.tok = STRING
    this.pos = this.end = pattern.lastIndex
  }

  /** From after `` ` `` or `}` to the closing `` ` `` (TEMPLATE) or the next `${` (`open`). */
  template(pos: number, open: number): void {
    TEMPLATE_TEXT.lastIndex = pos
    TEMPLATE_TEXT.test(this.code)
    const end = TEMPLATE_TEXT.lastIndex
    const c = this.code.charCodeAt(end)
    if (c === 96) {
      this.tok = TEMPLATE
      this.pos = this.end = end + 1
    } else if (c === 36) {
      this.tok = open
      this.pos = this.end = end + 2
    } else {
      throw new GiveUp()
    }
  }

  regex(pos: number): void {
    const code = this.code
    let end = pos + 1
    let inClass = false
    for (;;) {
      const c = code.charCodeAt(end)
      if (c === 92) {
        end += 2
        continue
      }
      if (c === 10 || c === 13 || end >= code.length) throw new GiveUp()
      end++
      if (inClass) {
        if (c === 93) inClass = false
      } else if (c === 91) {
        inClass = true
      } else if (c === 47) {
        break
      }
    }
    while (end < code.length && isIdentifierChar(code.charCodeAt(end))) end++
    this.tok = REGEX
    this.pos = this.end = end
  }
}


/** A token that, after a newline, continues the expression before it (so no semicolon is inserted). */
function continuesExpression(tok: number, value: string): boolean {
  switch (tok) {
    case OP:
    case ASSIGN:
    case QUESTION:
    case COLON:
    case COMMA:
    case DOT:
    case OPTDOT:
    case LPAREN:
    case LBRACKET:
    case TEMPLATE:
    case TEMPLATE_HEAD:
    case ARROW:
    case STAR:
      return true
    case IDENT:
      return value === 'in' || value === 'instanceof'
    default:
      return false
  }
}

function isIdentifierChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || (c >= 128 && !isSpace(c))
}

function isSpace(c: number): boolean {
  return c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
}

function isHex(code: string, pos: number): boolean {
  return code.charCodeAt(pos) === 48 && (code.charCodeAt(pos + 1) | 32) === 120
}
