import { Card, Steps } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileInspection, ImportSummary } from '../../../../core/api/imports';
import type { PickedFile } from '../../api/client';
import { ChooseFileStep } from './ChooseFileStep';
import { InspectStep } from './InspectStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { RunStep } from './RunStep';
import { SummaryStep } from './SummaryStep';
import type { ReadChoice, WizardOptions } from './options';

type Stage = 'choose' | 'inspect' | 'mapping' | 'preview' | 'run' | 'summary';
const stages: Stage[] = ['choose', 'inspect', 'mapping', 'preview', 'run', 'summary'];

/**
 * The import wizard: a channel export goes from a chosen file through inspection,
 * column mapping and a preview of the stored rows to a batch with its summary.
 */
export function ImportWizard() {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>('choose');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [inspection, setInspection] = useState<FileInspection | null>(null);
  const [choice, setChoice] = useState<ReadChoice>({});
  const [options, setOptions] = useState<WizardOptions | null>(null);
  const [acceptPartial, setAcceptPartial] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);

  const onInspected = useCallback((result: FileInspection, read: ReadChoice) => {
    setInspection(result);
    setChoice(read);
  }, []);

  const restart = () => {
    setFile(null);
    setInspection(null);
    setOptions(null);
    setSummary(null);
    setAcceptPartial(false);
    setStage('choose');
  };

  const body = (() => {
    switch (stage) {
      case 'choose':
        return (
          <ChooseFileStep
            onChosen={(f) => {
              setFile(f);
              setStage('inspect');
            }}
          />
        );
      case 'inspect':
        return file ? (
          <InspectStep
            file={file}
            inspection={inspection}
            onInspected={onInspected}
            onBack={restart}
            onNext={() => setStage('mapping')}
          />
        ) : null;
      case 'mapping':
        return inspection ? (
          <MappingStep
            inspection={inspection}
            choice={choice}
            initial={options}
            onBack={() => setStage('inspect')}
            onNext={(o) => {
              setOptions(o);
              setStage('preview');
            }}
          />
        ) : null;
      case 'preview':
        return inspection && options ? (
          <PreviewStep
            fileId={inspection.fileId}
            options={options}
            onBack={() => setStage('mapping')}
            onStart={() => {
              setAcceptPartial(false);
              setStage('run');
            }}
          />
        ) : null;
      case 'run':
        return inspection && options ? (
          <RunStep
            fileId={inspection.fileId}
            options={options}
            acceptPartial={acceptPartial}
            onFinished={(s) => {
              setSummary(s);
              setStage('summary');
            }}
            onStopped={() => setStage('preview')}
          />
        ) : null;
      case 'summary':
        return summary && options ? (
          <SummaryStep
            summary={summary}
            options={options}
            onImportValid={() => {
              setAcceptPartial(true);
              setStage('run');
            }}
            onAnother={restart}
          />
        ) : null;
    }
  })();

  return (
    <Card>
      <Steps
        current={stages.indexOf(stage)}
        size="small"
        style={{ marginBottom: 24 }}
        items={stages.map((s) => ({ title: t(`import.steps.${s}`) }))}
      />
      {body}
    </Card>
  );
}
