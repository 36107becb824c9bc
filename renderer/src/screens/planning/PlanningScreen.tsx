import './planning.css';
import { ProjectsList } from './ProjectsList';
import { ProjectView } from './ProjectView';
import { WaitingScreen } from './WaitingView';

/** Planning's pages: `#/planning`, `#/planning/<project id>`, `#/planning/waiting`. */
export function PlanningScreen({ rest }: { rest: string[] }) {
  const [first] = rest;
  if (first === 'waiting') return <WaitingScreen />;
  const projectId = Number(first);
  if (first && Number.isInteger(projectId) && projectId > 0) {
    return <ProjectView key={projectId} projectId={projectId} />;
  }
  return <ProjectsList />;
}
