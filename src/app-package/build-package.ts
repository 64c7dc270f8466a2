/**
 * Builds the Teams app package: `appPackage/manifest.json` with its `${{NAME}}` placeholders
 * filled from `env/.env.<env>` (+ `.user`), zipped with the icons it names at the zip root, as
 * `appPackage/build/appPackage.<env>.zip`, the same path the Agents Toolkit uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { z } from 'zod';
import { readAppEnvironment } from './env-file';
import { fillJsonPlaceholders } from './fill-placeholders';

/** Placeholders that may be empty, e.g. no name suffix in production. */
const MAY_BE_EMPTY = ['APP_NAME_SUFFIX'];

/** Every zip entry gets this date, so the same inputs give the same bytes. */
const ZIP_DATE = new Date('2025-01-01T00:00:00Z');

const guid = z.string().regex(/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/, 'must be a GUID');

/**
 * What must be right for Teams to accept the package, checked before zipping so the admin
 * hears about it here rather than from an upload error. The full schema check is in the tests
 * and in the toolkit's teamsApp/validateManifest.
 */
const FilledManifestSchema = z.object({
  id: guid,
  icons: z.object({ color: z.string().min(1), outline: z.string().min(1) }),
  bots: z.array(z.object({ botId: guid })).min(1),
  validDomains: z
    .array(z.string().regex(/^[a-z0-9*.-]+(:\d+)?$/i, 'must be a host name such as tass.azurewebsites.net, without https:// or a path'))
    .default([]),
});

export type FilledManifest = z.infer<typeof FilledManifestSchema> & Record<string, unknown>;

export class AppPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AppPackageError';
  }
}

export interface BuildAppPackageOptions {
  /** The folder holding manifest.json and the icons (./appPackage). */
  readonly appPackageDir: string;
  /** The folder of the environment files (./env). */
  readonly envDir: string;
  /** "local", "dev", ... */
  readonly env: string;
  /** Where the zip goes; default `<appPackageDir>/build`. */
  readonly outputDir?: string;
}

export interface BuiltAppPackage {
  readonly zipPath: string;
  readonly manifest: FilledManifest;
  /** The zip's entries, in order. */
  readonly entries: readonly string[];
  /** The environment files the values came from. */
  readonly envFiles: readonly string[];
}

/** Fills the manifest for `env` and checks it; throws UnfilledPlaceholderError or AppPackageError. */
export function fillManifest(options: Pick<BuildAppPackageOptions, 'appPackageDir' | 'envDir' | 'env'>): {
  manifest: FilledManifest;
  envFiles: readonly string[];
} {
  const manifestPath = path.join(options.appPackageDir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) throw new AppPackageError(`${manifestPath} does not exist`);
  const environment = readAppEnvironment(options.envDir, options.env);
  const filled = fillJsonPlaceholders(fs.readFileSync(manifestPath, 'utf8'), environment.values, {
    files: environment.files,
    allowEmpty: MAY_BE_EMPTY,
  });
  let json: unknown;
  try {
    json = JSON.parse(filled);
  } catch (error) {
    throw new AppPackageError(`${manifestPath} is not valid JSON once filled: ${(error as Error).message}`);
  }
  const checked = FilledManifestSchema.safeParse(json);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppPackageError(`the filled manifest for "${options.env}" is not usable (values from ${environment.files.join(', ')}):\n  - ${problems.join('\n  - ')}`);
  }
  // The schema only checks; the manifest goes into the zip exactly as filled, every field kept.
  return { manifest: json as FilledManifest, envFiles: environment.files };
}

/** Builds `appPackage.<env>.zip`: manifest.json, then the colour and outline icons, at the zip root. */
export async function buildAppPackage(options: BuildAppPackageOptions): Promise<BuiltAppPackage> {
  const { manifest, envFiles } = fillManifest(options);
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: ZIP_DATE });
  const entries = ['manifest.json'];
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    if (path.isAbsolute(icon) || icon.includes('..') || icon.includes('/') || icon.includes('\\')) {
      throw new AppPackageError(`icon "${icon}" must be a file name next to manifest.json, as Teams reads icons from the zip root`);
    }
    const iconPath = path.join(options.appPackageDir, icon);
    if (!fs.existsSync(iconPath)) throw new AppPackageError(`the manifest names icon ${icon} but ${iconPath} does not exist`);
    zip.file(icon, fs.readFileSync(iconPath), { date: ZIP_DATE });
    entries.push(icon);
  }
  const outputDir = options.outputDir ?? path.join(options.appPackageDir, 'build');
  fs.mkdirSync(outputDir, { recursive: true });
  const zipPath = path.join(outputDir, `appPackage.${options.env}.zip`);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  fs.writeFileSync(zipPath, bytes);
  return { zipPath, manifest, entries, envFiles };
}
