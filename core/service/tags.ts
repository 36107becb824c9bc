import type { RuleNode } from '../api/rules';
import type { LifecycleSettings, RfmSettings } from '../api/tags';
import { lifecycleSettings, setLifecycleSettings } from '../crm/metrics/settings';
import { rfmCutsInUse } from '../crm/rfm/explain';
import { rfmGrid, rfmUnscored } from '../crm/rfm/grid';
import { rfmSettings, setRfmSettings } from '../crm/rfm/score';
import { exportSegment } from '../crm/segments/export';
import type { SegmentExportInput } from '../crm/segments/export';
import { publicFields, ruleFields } from '../crm/tags/fields';
import { tagHistory } from '../crm/tags/history';
import { liveCount } from '../crm/tags/count';
import { assignTag, deleteTag, listTags, saveTag } from '../crm/tags/store';
import type { TagInput } from '../crm/tags/store';
import type { ServiceContext } from './context';

export function tagsHandlers(ctx: ServiceContext) {
  const { db } = ctx;
  return {
    'tags.list': () => listTags(db, ctx.now()),
    'tags.fields': async () => publicFields(await ruleFields(db)),
    'tags.count': ({ rule }: { rule: RuleNode }) => liveCount(db, rule, ctx.now()),
    'tags.save': (input: TagInput) => saveTag(db, input, ctx.now()),
    'tags.delete': ({ id }: { id: number }) => deleteTag(db, id),
    'tags.history': ({ tagId }: { tagId: number }) => tagHistory(db, tagId),
    'tags.assign': (input: { tagId: number; customerIds: number[]; action: 'add' | 'remove' }) =>
      assignTag(db, input.tagId, input.customerIds, input.action, ctx.now()),
    'segments.export': (input: SegmentExportInput) => exportSegment(db, input, ctx.now()),
    'rfm.grid': () => rfmGrid(db),
    'rfm.unscored': () => rfmUnscored(db),
    'rfm.settings': () => rfmSettings(db),
    'rfm.cutsInUse': () => rfmCutsInUse(db),
    'rfm.setSettings': (input: RfmSettings) => setRfmSettings(db, input),
    'lifecycle.settings': () => lifecycleSettings(db),
    'lifecycle.setSettings': (input: LifecycleSettings) => setLifecycleSettings(db, input),
  };
}
