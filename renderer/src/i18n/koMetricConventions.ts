// Korean conventions of the catalogue metrics, typed against the English
// ones so that a missing or extra key fails the type check. The shared
// paragraphs mirror those of the English file one for one.
import type { enMetricConventions } from './enMetricConventions.js';

const MONTH_END =
  '한 달은 마지막 날(월말)을 기준으로 셉니다. 구독은 start_on <= 그날이고 end_on이 없거나 end_on > 그날이면 활성이며, 체험판은 제외합니다. 고객은 고객사 단위이며, 고객사 연결이 없으면 고객사 키로 구분합니다. 각 통화는 그 월말의 환율로 환산합니다.';

const AT_PERIOD_END = `${MONTH_END} 분기, 연도 또는 임의 기간은 마지막 월말의 값입니다.`;

const MOVEMENT = `고객마다 전월 말 MRR과 이번 월말 MRR을 비교합니다. 0 -> x는 신규(이전 월말에 한 번이라도 결제했던 고객이면 재활성), x -> 0은 이탈, 증가는 확장, 감소는 축소입니다. 여러 구독 중 하나를 해지한 고객은 축소로 셉니다. 금액은 변동이 일어난 월말의 환율로 환산하며, 분기, 연도 또는 임의 기간은 마지막 날이 그 안에 있는 달을 모두 합산합니다. ${MONTH_END}`;

const CHAINED =
  '분기, 연도 또는 임의 기간은 월별 비율을 연쇄해 계산합니다. 유지율은 곱하고, 이탈률은 1 - (1 - 월별 이탈률)의 곱으로 누적합니다. 시작 시점에 대상이 없는 달은 건너뜁니다.';

const TERM =
  '계약 기간은 start_on부터 end_on까지이며, 꽉 찬 개월 수에 남은 일수를 다음 달에 대한 비율로 더해 셉니다. 종료일이 없는 구독은 12개월 계약으로 봅니다. 체험판과 MRR이 없는 구독은 제외합니다.';

const ANSWERED =
  '티켓은 종료일이 속한 기간에 셉니다(아직 열려 있으면 접수일 기준, UTC). 만족도 점수가 없는 티켓은 응답하지 않은 것으로 보고 제외합니다.';

const CYCLE =
  '거래의 시작은 생성일이며, 원본에 생성일이 없으면 진행 시작일입니다. 둘 다 없는 거래는 제외합니다.';

const OPEN =
  '어느 날 또는 그 이전에 시작했고(시작일이 없어도 포함) 그때까지 종료되지 않은 거래는 그날 진행 중인 거래입니다.';

export const koMetricConventions: Record<
  keyof typeof enMetricConventions,
  string
> = {
  'metric.mrr.convention': AT_PERIOD_END,
  'metric.arr.convention': AT_PERIOD_END,
  'metric.mrr_new.convention': MOVEMENT,
  'metric.mrr_expansion.convention': MOVEMENT,
  'metric.mrr_contraction.convention': MOVEMENT,
  'metric.mrr_churn.convention': MOVEMENT,
  'metric.mrr_reactivation.convention': MOVEMENT,
  'metric.net_new_mrr.convention': MOVEMENT,
  'metric.customers.convention': AT_PERIOD_END,
  'metric.logo_churn_rate.convention': `${CHAINED} ${MOVEMENT}`,
  'metric.gross_mrr_churn_rate.convention': `${CHAINED} ${MOVEMENT}`,
  'metric.grr.convention': `${CHAINED} ${MOVEMENT}`,
  'metric.nrr.convention': `재활성은 "NRR에 재활성 포함" 설정이 켜져 있을 때만 분자에 더합니다. ${CHAINED} ${MOVEMENT}`,
  'metric.arpa.convention': AT_PERIOD_END,
  'metric.clv.convention': `ARPA는 기간의 마지막 월말 값이고, 고객 이탈률은 그 월말로 끝나는 이탈 기간 동안의 월별 고객 이탈률 평균입니다(월초 고객이 없는 달은 건너뜁니다). ${MONTH_END}`,
  'metric.quick_ratio.convention': MOVEMENT,
  'metric.renewal_rate.convention':
    '갱신 대상은 end_on이 기간 안에 있는 유료 구독(체험판 제외, MRR 0 초과)입니다. 같은 고객이 그 종료일 전후 30일 안에 다른 유료 구독(새 계약 기간, 업그레이드 또는 다운그레이드)을 시작했으면 갱신된 것으로 봅니다. 종료일이 없는 구독은 끝나는 계약 기간이 없으므로 세지 않습니다. 자동 갱신 여부는 읽지 않습니다. 실제로 일어난 일은 종료일이 기록하기 때문입니다.',

  'metric.cac.convention':
    '비용은 기간 안의 날짜로 기록된 캠페인 비용입니다. 신규 고객은 첫 유료 월말(체험판을 제외하고 MRR이 0보다 큰 구독이 하나라도 활성인 월말)이 기간 안에 있는 고객사입니다.',
  'metric.cac_payback_months.convention':
    '신규 고객 ARPA는 신규 고객의 첫 유료 월말 MRR ÷ 신규 고객 수입니다.',
  'metric.cost_per_lead.convention':
    '채널별로는 그 채널 캠페인의 비용 ÷ 그 채널의 리드 수입니다. 리드의 채널은 리드에 적힌 채널이며, 없으면 해당 캠페인의 채널입니다.',

  'metric.tcv.convention': TERM,
  'metric.revenue_backlog.convention': `${TERM} 매출은 매달 MRR만큼 균등하게 인식하며, 아직 시작하지 않은 구독은 계약 기간 전체를 셉니다. 금액은 기간 말 환율로 환산합니다.`,
  'metric.dso.convention':
    '매출채권은 기간 말 또는 그 이전에 발행되어 기간 말까지 결제되지 않은 청구서이고, 외상 매출은 기간 중 발행된 청구서입니다.',
  'metric.receivables.convention':
    '기간 말 기준 due_on이 지난 일수로 나눕니다: 만기 전(아직 만기가 아니거나 만기일 없음), 1–30일, 31–60일, 61–90일, 90일 초과.',

  'metric.csat.convention': ANSWERED,
  'metric.csat_mean.convention': ANSWERED,
  'metric.adoption_rate.convention':
    '유료 구독은 MRR이 0보다 크고 체험판이 아닌 구독입니다. 기간 말 또는 그 이전에 시작하고, 종료일이 없거나 기간 시작 이후에 끝나면 그 기간에 활성입니다. 사용은 기간 안의 날짜로 기록되고 사용 횟수가 0보다 큰 feature_usage 행입니다.',
  'metric.snapshot_churn_rate.convention':
    '스냅샷 표는 고객마다 한 행이고 날짜가 없으므로, 값은 기간에 따라 달라지지 않습니다.',
  'metric.snapshot_arpu.convention':
    '이탈 여부와 관계없이 표의 모든 고객을 셉니다. 표에 날짜가 없으므로 값은 기간에 따라 달라지지 않습니다. 다른 통화의 요금은 오늘 기준 최신 환율로 환산합니다.',

  'metric.deals_open.convention':
    '어느 날 진행 중인 거래는 그날 또는 그 이전에 시작했고(시작일이 없어도 포함) 그때까지 수주나 실주로 끝나지 않은 거래입니다. 기간이 없으면 지금 진행 중인 거래입니다.',
  'metric.bookings.convention':
    '여러 통화의 금액은 더하지 않습니다. 이때 값은 비워 두고 안내를 표시합니다.',
  'metric.median_sales_cycle_days.convention': CYCLE,
  'metric.mean_sales_cycle_days.convention': CYCLE,

  'metric.weighted_pipeline.convention': `${OPEN} 확률은 거래에 자체 확률이 있으면 그 값(0–1, 1보다 큰 값은 퍼센트로 읽음)이고, 없으면 단계별 값입니다: prospecting(발굴) 10%, qualification(검증) 20%, engaging(접촉) 30%, proposal(제안) 50%, negotiation(협상) 75%, commit(확정) 90%, 그 밖의 단계 10%.`,
  'metric.sales_velocity.convention': `${OPEN} 진행 중 거래는 기간 말 기준으로 셉니다. 평균 수주 거래 규모, 수주율, 평균 영업 주기(생성일, 없으면 진행 시작일부터 종료일까지)는 기간 중 종료된 거래로 구합니다. 값은 하루당 금액입니다.`,
  'metric.pipeline_coverage.convention':
    '기준일에 측정합니다. 기준일은 기간 말이며, 기간이 진행 중이면 오늘입니다. 진행 중 파이프라인은 그날 진행 중이면서 기간 말까지 종료가 예상되는(또는 예상 종료일이 없는) 거래의 금액입니다. 쿼터는 기간 안의 팀 쿼터이며, 쿼터가 있는 팀이 없으면 담당자 쿼터입니다. 쿼터가 없거나 이미 달성했으면 값이 없습니다.',
};
