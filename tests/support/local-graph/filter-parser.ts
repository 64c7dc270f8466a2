/**
 * The subset of OData `$filter` that Graph accepts on list items: `fields/Name` compared with
 * eq, ne, gt, ge, lt, le against a string ('' doubles a quote), number, true/false or null,
 * combined with and, or, not and parentheses.
 * https://learn.microsoft.com/en-us/graph/filter-query-parameter
 * https://learn.microsoft.com/en-us/graph/api/listitem-list (example: $filter=fields/Color eq 'red')
 */

export type FilterValue = string | number | boolean | null;

export type FilterNode =
  | { readonly op: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly op: 'not'; readonly operand: FilterNode }
  | { readonly op: 'compare'; readonly comparator: Comparator; readonly field: string; readonly value: FilterValue };

type Comparator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
const COMPARATORS: readonly string[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];

export class FilterSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterSyntaxError';
  }
}

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'paren'; text: '(' | ')' };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at];
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: 'paren', text: char });
      at += 1;
    } else if (char === "'") {
      let text = '';
      at += 1;
      for (;;) {
        if (at >= source.length) throw new FilterSyntaxError('Unterminated string literal');
        if (source[at] === "'") {
          if (source[at + 1] === "'") {
            text += "'";
            at += 2;
            continue;
          }
          at += 1;
          break;
        }
        text += source[at];
        at += 1;
      }
      tokens.push({ kind: 'string', text });
    } else if (/[-\d]/.test(char)) {
      const match = /^-?\d+(\.\d+)?/.exec(source.slice(at));
      if (!match) throw new FilterSyntaxError(`Unexpected '${char}' at ${at}`);
      tokens.push({ kind: 'number', value: Number(match[0]) });
      at += match[0].length;
    } else {
      const match = /^[A-Za-z_][\w/]*/.exec(source.slice(at));
      if (!match) throw new FilterSyntaxError(`Unexpected '${char}' at ${at}`);
      tokens.push({ kind: 'word', text: match[0] });
      at += match[0].length;
    }
  }
  return tokens;
}

/** Parses a `$filter` expression; throws FilterSyntaxError on anything outside the subset. */
export function parseFilter(source: string): FilterNode {
  const tokens = tokenize(source);
  let position = 0;
  const peekWord = (): string | undefined => {
    const token = tokens[position];
    return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
  };

  const parseOr = (): FilterNode => {
    let node = parseAnd();
    while (peekWord() === 'or') {
      position += 1;
      node = { op: 'or', left: node, right: parseAnd() };
    }
    return node;
  };
  const parseAnd = (): FilterNode => {
    let node = parseUnary();
    while (peekWord() === 'and') {
      position += 1;
      node = { op: 'and', left: node, right: parseUnary() };
    }
    return node;
  };
  const parseUnary = (): FilterNode => {
    if (peekWord() === 'not') {
      position += 1;
      return { op: 'not', operand: parseUnary() };
    }
    const token = tokens[position];
    if (token?.kind === 'paren' && token.text === '(') {
      position += 1;
      const inner = parseOr();
      const close = tokens[position];
      if (close?.kind !== 'paren' || close.text !== ')') throw new FilterSyntaxError("Expected ')'");
      position += 1;
      return inner;
    }
    return parseComparison();
  };
  const parseComparison = (): FilterNode => {
    const fieldToken = tokens[position];
    if (fieldToken?.kind !== 'word' || !fieldToken.text.startsWith('fields/')) {
      throw new FilterSyntaxError('Expected a property like fields/Name');
    }
    const field = fieldToken.text.slice('fields/'.length);
    const comparator = peekAt(tokens, position + 1);
    if (!comparator || !COMPARATORS.includes(comparator)) throw new FilterSyntaxError(`Expected a comparison after ${fieldToken.text}`);
    const valueToken = tokens[position + 2];
    position += 3;
    return { op: 'compare', comparator: comparator as Comparator, field, value: literalOf(valueToken) };
  };

  const tree = parseOr();
  if (position !== tokens.length) throw new FilterSyntaxError('Unexpected text after the expression');
  return tree;
}

function peekAt(tokens: Token[], index: number): string | undefined {
  const token = tokens[index];
  return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
}

function literalOf(token: Token | undefined): FilterValue {
  if (!token) throw new FilterSyntaxError('Expected a value');
  if (token.kind === 'string') return token.text;
  if (token.kind === 'number') return token.value;
  if (token.kind === 'word') {
    const word = token.text.toLowerCase();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
  }
  throw new FilterSyntaxError('Expected a string, number, true, false or null');
}

/** Every column the expression reads, for Graph's indexed-column check. */
export function fieldsOf(node: FilterNode): string[] {
  switch (node.op) {
    case 'compare':
      return [node.field];
    case 'not':
      return fieldsOf(node.operand);
    default:
      return [...fieldsOf(node.left), ...fieldsOf(node.right)];
  }
}

export function matchesFilter(node: FilterNode, fields: Readonly<Record<string, unknown>>): boolean {
  switch (node.op) {
    case 'and':
      return matchesFilter(node.left, fields) && matchesFilter(node.right, fields);
    case 'or':
      return matchesFilter(node.left, fields) || matchesFilter(node.right, fields);
    case 'not':
      return !matchesFilter(node.operand, fields);
    case 'compare':
      return compare(node.comparator, fields[node.field] ?? null, node.value);
  }
}

function compare(comparator: Comparator, actual: unknown, expected: FilterValue): boolean {
  if (comparator === 'eq') return actual === expected;
  if (comparator === 'ne') return actual !== expected;
  if (actual === null || expected === null) return false;
  const left = actual as string | number;
  const right = expected as string | number;
  if (comparator === 'gt') return left > right;
  if (comparator === 'ge') return left >= right;
  if (comparator === 'lt') return left < right;
  return left <= right;
}
