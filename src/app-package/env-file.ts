/**
 * Reads the Agents Toolkit environment files: `env/.env.<env>` (committed, no secrets) and then
 * `env/.env.<env>.user` (git-ignored, secrets) whose values win. The format is the toolkit's:
 * `NAME=value` lines, `#` comments, blank lines, values optionally in single or double quotes.
 */
import fs from 'node:fs';
import path from 'node:path';

export class EnvFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvFileError';
  }
}

/** The values of an environment and the files they came from, in the order they were read. */
export interface AppEnvironment {
  readonly name: string;
  readonly values: Readonly<Record<string, string>>;
  readonly files: readonly string[];
}

const LINE = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

/** Parses one env file's text; `file` names it in errors. */
export function parseEnvFile(text: string, file = 'env file'): Record<string, string> {
  const values: Record<string, string> = {};
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = LINE.exec(line);
    if (!match) throw new EnvFileError(`${file}:${index + 1}: expected NAME=value`);
    values[match[1]] = unquote(match[2].trim(), `${file}:${index + 1}`);
  });
  return values;
}

function unquote(value: string, where: string): string {
  const quote = value[0];
  if (quote !== '"' && quote !== "'") {
    // An unquoted value may carry a trailing comment, as in the toolkit's generated files.
    const comment = value.search(/\s#/);
    return (comment === -1 ? value : value.slice(0, comment)).trim();
  }
  const end = value.indexOf(quote, 1);
  if (end === -1) throw new EnvFileError(`${where}: the value's closing ${quote} is missing`);
  const inner = value.slice(1, end);
  return quote === '"' ? inner.replace(/\\n/g, '\n').replace(/\\"/g, '"') : inner;
}

/** Reads `<envDir>/.env.<name>` and, when present, `<envDir>/.env.<name>.user` on top. */
export function readAppEnvironment(envDir: string, name: string): AppEnvironment {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(name)) throw new EnvFileError(`"${name}" is not an environment name (letters, digits and dashes)`);
  const base = path.join(envDir, `.env.${name}`);
  if (!fs.existsSync(base)) {
    throw new EnvFileError(`${base} does not exist; environments here: ${listEnvironments(envDir).join(', ') || 'none'}`);
  }
  const files = [base];
  let values = parseEnvFile(fs.readFileSync(base, 'utf8'), base);
  const user = `${base}.user`;
  if (fs.existsSync(user)) {
    files.push(user);
    values = { ...values, ...parseEnvFile(fs.readFileSync(user, 'utf8'), user) };
  }
  return { name, values, files };
}

/** The environments that have a committed file in `envDir`. */
export function listEnvironments(envDir: string): string[] {
  if (!fs.existsSync(envDir)) return [];
  return fs
    .readdirSync(envDir)
    .filter((file) => /^\.env\.[^.]+$/.test(file))
    .map((file) => file.slice('.env.'.length))
    .sort();
}
