import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Space, Statistic, Tooltip } from 'antd';
import type { ReactNode } from 'react';

interface FigureProps {
  title: string;
  value: ReactNode;
  /** What the figure counts, shown on hovering a question mark beside the title. */
  tip?: string;
}

/** One headline number in a small card, named by its title for screen readers and tests. */
export function Figure({ title, value, tip }: FigureProps) {
  const heading = tip ? (
    <Space size={4}>
      {title}
      <Tooltip title={tip}>
        <QuestionCircleOutlined aria-label={tip} />
      </Tooltip>
    </Space>
  ) : (
    title
  );
  return (
    <Card size="small" role="group" aria-label={title} style={{ height: '100%' }}>
      <Statistic title={heading} value={value as string} />
    </Card>
  );
}
