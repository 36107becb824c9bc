import path from 'node:path';

/** The project's root folder. */
export const repoRoot = path.resolve(__dirname, '..', '..');

/** Real exports published by others; beside the checkout locally and in CI. */
export const sharedData = path.resolve(repoRoot, '..', 'shared', 'data');

export function dataFile(...parts: string[]): string {
  return path.join(sharedData, ...parts);
}
