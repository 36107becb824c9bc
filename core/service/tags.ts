import type { ServiceContext } from './context';
import { notYet } from './not-yet';

export function tagsHandlers(_ctx: ServiceContext) {
  return notYet([
    'tags.list',
    'tags.fields',
    'tags.count',
    'tags.save',
    'tags.delete',
    'tags.history',
    'tags.assign',
    'segments.export',
    'rfm.grid',
    'rfm.settings',
    'rfm.setSettings',
    'lifecycle.settings',
    'lifecycle.setSettings',
  ] as const);
}
