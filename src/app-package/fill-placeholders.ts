/**
 * Fills the Agents Toolkit's `${{NAME}}` placeholders in a JSON template. Values are escaped as
 * JSON string content, so a value with a quote or backslash cannot break the manifest.
 */

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Some placeholders have no value: lists every one, with where values were looked for. */
export class UnfilledPlaceholderError extends Error {
  constructor(
    readonly names: readonly string[],
    readonly files: readonly string[],
  ) {
    super(
      `no value for ${names.map((name) => `\${{${name}}}`).join(', ')}; ` +
        `set ${names.length === 1 ? 'it' : 'them'} in ${files.join(' or ') || 'the environment file'}`,
    );
    this.name = 'UnfilledPlaceholderError';
  }
}

/** The distinct placeholder names in a template, in order of first use. */
export function placeholderNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/**
 * Replaces every placeholder with its value. A name that is missing, or empty while
 * `allowEmpty` does not list it, is an error naming every such placeholder at once.
 */
export function fillJsonPlaceholders(
  template: string,
  values: Readonly<Record<string, string>>,
  options: { files?: readonly string[]; allowEmpty?: readonly string[] } = {},
): string {
  const allowEmpty = new Set(options.allowEmpty ?? []);
  const unfilled = placeholderNames(template).filter((name) => {
    const value = values[name];
    return value === undefined || (value.trim() === '' && !allowEmpty.has(name));
  });
  if (unfilled.length > 0) throw new UnfilledPlaceholderError(unfilled, options.files ?? []);
  return template.replace(PLACEHOLDER, (_match, name: string) => JSON.stringify(values[name]).slice(1, -1));
}
