import { Col, Row, Space } from 'antd';
import { ClockCard } from './ClockCard';
import { DemoResetCard, RecomputeCard } from './JobCards';
import { LifecycleCard } from './LifecycleCard';
import { RfmCard } from './RfmCard';

/**
 * Settings: how customers are scored (lifecycle thresholds, RFM cut points) and when
 * that is recomputed; the trainers' simulated clock; resetting the demo chain.
 */
export function SettingsScreen() {
  return (
    <Row gutter={16}>
      <Col span={14}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <LifecycleCard />
          <RfmCard />
        </Space>
      </Col>
      <Col span={10}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <RecomputeCard />
          <ClockCard />
          <DemoResetCard />
        </Space>
      </Col>
    </Row>
  );
}
