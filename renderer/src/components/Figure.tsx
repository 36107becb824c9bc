import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';

/** One headline number in a small card, named by its title for screen readers and tests. */
export function Figure({ title, value }: { title: string; value: ReactNode }) {
  return (
    <Card size="small" role="group" aria-label={title}>
      <Statistic title={title} value={value as string} />
    </Card>
  );
}
