import './planning.css';
import { ProjectsList } from './ProjectsList';
import { ProjectView } from './ProjectView';
import { TemplateEditor } from './TemplateEditor';
import { TemplatesPage } from './TemplatesPage';
import { WaitingScreen } from './WaitingView';

/**
 * Planning's pages: `#/planning`, `#/planning/<project id>`, `#/planning/waiting`,
 * `#/planning/templates` and `#/planning/templates/<key>`.
 */
export function PlanningScreen({ rest }: { rest: string[] }) {
  const [first, second] = rest;
  if (first === 'waiting') return <WaitingScreen />;
  if (first === 'templates' && second) {
    return <TemplateEditor key={second} templateKey={second} />;
  }
  if (first === 'templates') return <TemplatesPage />;
  const projectId = Number(first);
  if (first && Number.isInteger(projectId) && projectId > 0) {
    return <ProjectView key={projectId} projectId={projectId} />;
  }
  return <ProjectsList />;
}
