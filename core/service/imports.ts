import type { ServiceContext } from './context';
import { notYet } from './not-yet';

export function importsHandlers(_ctx: ServiceContext) {
  return notYet([
    'imports.presets',
    'imports.inspect',
    'imports.preview',
    'imports.start',
    'imports.batches',
    'imports.rejected',
    'mappings.list',
    'mappings.save',
  ] as const);
}
