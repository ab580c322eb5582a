/**
 * The subset of pgbench's script language the floors use, so that one script runs through pgbench,
 * through `pg` from Node and through PGlite: `\set name random(lo, hi)`, SQL statements ending in `;`,
 * and `\gset [prefix]` to keep a one-row result's columns as variables. Each `:name` in SQL becomes a
 * parameter ($1, $2, …), as pgbench does with `-M prepared`; `::type` casts are left alone.
 */
export type Operand = { literal: number } | { variable: string };

export type Step =
  | { kind: 'set'; name: string; min: Operand; max: Operand }
  | { kind: 'sql'; text: string; params: string[]; gset: string | null };

export type Vars = Record<string, string | null>;

const SET = /^\\set\s+([A-Za-z_]\w*)\s+random\(\s*(:?[\w-]+)\s*,\s*(:?[\w-]+)\s*\)\s*$/;
const GSET = /\\gset(?:\s+([A-Za-z_]\w*))?\s*$/;
const VARIABLE = /(?<![:\w]):([A-Za-z_]\w*)/g;

function operand(text: string, where: string): Operand {
  if (text.startsWith(':')) return { variable: text.slice(1) };
  const literal = Number(text);
  if (!Number.isSafeInteger(literal)) throw new Error(`${where}: "${text}" is not an integer or :variable`);
  return { literal };
}

export function parseScript(source: string): Step[] {
  const steps: Step[] = [];
  let buffer: string[] = [];
  const finish = (gset: string | null) => {
    const raw = buffer.join('\n').trim().replace(/;$/, '').trim();
    buffer = [];
    const params: string[] = [];
    const text = raw.replace(VARIABLE, (_match, name: string) => {
      params.push(name);
      return `$${params.length}`;
    });
    steps.push({ kind: 'sql', text, params, gset });
  };
  source.split('\n').forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('--')) return;
    const where = `line ${index + 1}`;
    if (line.startsWith('\\set')) {
      if (buffer.length > 0) throw new Error(`${where}: \\set inside a statement`);
      const match = SET.exec(line);
      if (!match) throw new Error(`${where}: only "\\set name random(lo, hi)" is supported`);
      steps.push({ kind: 'set', name: match[1]!, min: operand(match[2]!, where), max: operand(match[3]!, where) });
      return;
    }
    const gset = GSET.exec(rawLine);
    if (gset) {
      buffer.push(rawLine.slice(0, gset.index));
      finish(gset[1] ?? '');
      return;
    }
    if (line.startsWith('\\')) throw new Error(`${where}: unsupported command ${line.split(/\s/)[0]}`);
    buffer.push(rawLine);
    if (line.endsWith(';')) finish(null);
  });
  if (buffer.length > 0) throw new Error('the script ends inside a statement (missing ";")');
  return steps;
}

function resolve(value: Operand, vars: Vars): number {
  if ('literal' in value) return value.literal;
  const text = vars[value.variable];
  const number = Number(text);
  if (text === undefined || text === null || !Number.isSafeInteger(number)) throw new Error(`:${value.variable} is not an integer`);
  return number;
}

/** pgbench's random(lo, hi): uniform over the closed interval. */
export function randomBetween(step: Extract<Step, { kind: 'set' }>, vars: Vars): string {
  const min = resolve(step.min, vars);
  const max = resolve(step.max, vars);
  return String(min + Math.floor(Math.random() * (max - min + 1)));
}

export function bindParams(step: Extract<Step, { kind: 'sql' }>, vars: Vars): Array<string | null> {
  return step.params.map((name) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`undefined variable :${name}`);
    return value;
  });
}

/** What `\gset` keeps of a column: pgbench sees text, so values become strings (null stays null). */
export function gsetValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
