// Korean formulas of every catalogue metric, typed against the English ones
// so that a missing or extra key fails the type check.
import type { enMetricFormulas } from './enMetricFormulas.js';

export const koMetricFormulas: Record<keyof typeof enMetricFormulas, string> = {
  'metric.mrr.formula': '월말에 활성인 구독의 MRR 합계',
  'metric.arr.formula': 'ARR = MRR × 12',
  'metric.mrr_new.formula':
    '이전에 결제한 적 없이 MRR이 0에서 0보다 크게 늘어난 고객의 MRR',
  'metric.mrr_expansion.formula': '두 월말 모두 결제 중인 고객의 MRR 증가분',
  'metric.mrr_contraction.formula': '두 월말 모두 결제 중인 고객의 MRR 감소분',
  'metric.mrr_churn.formula': '마지막 유료 구독이 끝난 고객의 MRR',
  'metric.mrr_reactivation.formula': '다시 결제하기 시작한 이전 고객의 MRR',
  'metric.net_new_mrr.formula':
    '순신규 MRR = 신규 + 확장 + 재활성 − 축소 − 이탈',
  'metric.customers.formula': '월말 MRR이 0보다 큰 고객 수',
  'metric.logo_churn_rate.formula':
    '고객 이탈률 = 기간 중 이탈한 고객 수 ÷ 기간 시작 시점의 고객 수',
  'metric.gross_mrr_churn_rate.formula':
    '총 MRR 이탈률 = (이탈 + 축소) ÷ 시작 MRR',
  'metric.grr.formula': 'GRR = (시작 MRR − 축소 − 이탈) ÷ 시작 MRR',
  'metric.nrr.formula': 'NRR = (시작 MRR + 확장 − 축소 − 이탈) ÷ 시작 MRR',
  'metric.arpa.formula': 'ARPA = MRR ÷ 유료 고객 수',
  'metric.clv.formula': 'CLV = ARPA × 매출총이익률 ÷ 고객 이탈률',
  'metric.quick_ratio.formula':
    '퀵 레이쇼 = (신규 + 확장 + 재활성) ÷ (축소 + 이탈)',
  'metric.renewal_rate.formula': '갱신율 = 갱신된 구독 수 ÷ 갱신 대상 구독 수',

  'metric.cac.formula': '기간 중 영업·마케팅 비용 ÷ 기간 중 신규 고객 수',
  'metric.cac_payback_months.formula': 'CAC ÷ (신규 고객 ARPA × 매출총이익률)',
  'metric.cost_per_lead.formula':
    '기간 중 캠페인 비용 ÷ 기간 중 생성된 리드 수',

  'metric.tcv.formula': 'Σ MRR × 계약 개월 수, 기간 중 시작한 구독 대상',
  'metric.revenue_backlog.formula':
    'Σ MRR × 기간 말 이후 남은 계약 개월 수, 계약된 구독 대상',
  'metric.dso.formula': '기간 말 매출채권 ÷ 기간 중 외상 매출 × 기간 일수',
  'metric.receivables.formula':
    'Σ 기간 말까지 발행되어 그때까지 결제되지 않은 청구서 금액',

  'metric.csat.formula':
    '5점 만점에 4점 또는 5점을 받은 응답 티켓 수 ÷ 응답 티켓 수',
  'metric.csat_mean.formula': 'Σ 응답 티켓의 점수 ÷ 응답 티켓 수 (1–5점)',
  'metric.adoption_rate.formula':
    '기간 중 기능을 하나라도 사용한 유료 고객사 수 ÷ 기간 중 활성 유료 구독이 있는 고객사 수',
  'metric.snapshot_churn_rate.formula':
    '이탈한 고객 수 ÷ 고객 스냅샷 표의 고객 수',
  'metric.snapshot_arpu.formula': 'Σ 월 요금 ÷ 고객 스냅샷 표의 고객 수',

  'metric.deals_won.formula': '종료일이 기간 안에 있는 수주 영업 기회 수',
  'metric.deals_lost.formula': '종료일이 기간 안에 있는 실주 영업 기회 수',
  'metric.deals_open.formula': '기간 말에 진행 중인 거래 수',
  'metric.win_rate.formula':
    '수주 ÷ (수주 + 실주), 종료일이 기간 안에 있는 거래 기준',
  'metric.bookings.formula': 'Σ 기간 중 수주한 거래의 금액, 종료일 기준',
  'metric.avg_won_deal_size.formula': '수주 금액 ÷ 금액이 있는 수주 거래 수',
  'metric.median_sales_cycle_days.formula':
    '기간 중 수주한 거래의 (종료일 − 시작일) 중앙값',
  'metric.mean_sales_cycle_days.formula':
    '기간 중 수주한 거래의 (종료일 − 시작일) 평균',

  'metric.weighted_pipeline.formula':
    'Σ 금액 × 단계별 확률, 기간 말에 진행 중인 거래 대상',
  'metric.sales_velocity.formula':
    '진행 중 거래 수 × 평균 수주 거래 규모 × 수주율 ÷ 평균 영업 주기(일)',
  'metric.pipeline_coverage.formula':
    '진행 중 파이프라인 ÷ (기간 쿼터 − 현재까지의 수주 금액)',
};
