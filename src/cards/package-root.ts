/**
 * Finds the project's root folder (the one holding package.json), so card templates in `cards/`
 * load the same way whether code runs from src/ under ts-node or from dist/src/ after a build.
 */
import fs from 'node:fs';
import path from 'node:path';

export class PackageRootNotFoundError extends Error {
  constructor(readonly startDir: string) {
    super(`No package.json found in ${startDir} or any folder above it`);
    this.name = 'PackageRootNotFoundError';
  }
}

/** Walks up from `startDir` to the nearest folder that contains package.json. */
export function findPackageRoot(startDir: string = __dirname): string {
  let dir = path.resolve(startDir);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new PackageRootNotFoundError(startDir);
    dir = parent;
  }
}

/** The folder of card templates, `<package root>/cards`. */
export function cardsFolder(startDir?: string): string {
  return path.join(findPackageRoot(startDir), 'cards');
}
