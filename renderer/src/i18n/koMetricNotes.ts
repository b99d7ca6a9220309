// Korean notes beside metric values, typed against the English ones so
// that a note the engine learns to write fails the type check until it is
// translated here.
import type { enMetricNotes } from './enMetricNotes.js';

export const koMetricNotes: Record<keyof typeof enMetricNotes, string> = {
  'note.missingRate':
    '금액 날짜 또는 그 이전에 {currencies}에서 {reporting}(으)로의 환율이 없습니다. 환율 없이 다른 통화의 금액은 합산하지 않습니다.',
  'note.missingMonthEndRate':
    '이 기간의 월말에 {currencies}에서 {reporting}(으)로의 환율이 없습니다. 환율 없이 다른 통화의 금액은 합산하지 않습니다.',
  'note.missingStepRate':
    '이번 월말 또는 전월 말에 {currencies}에서 {reporting}(으)로의 환율이 없습니다.',
  'note.missingCloseRate':
    '종료일 또는 그 이전에 {currencies}에서 {reporting}(으)로의 환율이 없습니다. 환율을 추가하면 합계를 볼 수 있습니다.',
  'note.mixedCurrencies':
    '이 거래들의 통화는 {currencies}입니다. 환율 없이 다른 통화의 금액은 합산하지 않습니다.',
  'note.unansweredSegment':
    '이 지표의 {subject}은(는) {fields} 기준으로 나눌 수 없습니다. 값을 보려면 그 필터를 해제하세요.',
  'note.noLeads': '이 기간에 생성된 리드가 없습니다.',
  'note.noNewCustomers': '이 기간에 신규 고객이 없습니다.',
  'note.noInvoicesIssued': '이 기간에 발행된 청구서가 없습니다.',
  'note.noFeatureUsage':
    '이 작업 공간에는 아직 기능 사용 데이터가 없습니다. 도입률을 보려면 기능 사용 내보내기 파일을 가져오세요.',
  'note.noPayingAccounts': '이 기간에 유료 구독이 있는 고객사가 없습니다.',
  'note.noAnsweredTickets': '이 기간에 응답된 티켓이 없습니다.',
  'note.noChurnTable':
    '이 작업 공간에는 고객 이탈 표가 없습니다. 보려면 하나를 가져오세요.',
  'note.emptyChurnTable': '고객 이탈 표가 비어 있습니다.',
  'note.noQuota':
    '{period}에 설정된 할당량이 없습니다. 커버리지를 보려면 할당량을 추가하세요.',
  'note.quotaMet': '{day}까지의 예약 매출이 이미 할당량을 채웠습니다.',
  'note.coverageMeasured': '{day} 기준, {level} 할당량 대비로 측정했습니다.',
  'note.noDealsWon': '이 기간에 성사된 거래가 없습니다.',
  'note.defaultProbability':
    '진행 중인 거래 {deals}건은 확률이 없는 단계에 있어 10%로 계산합니다.',
  'note.reactivationCounts': '재활성은 NRR에 포함됩니다.',
  'note.reactivationNotCounted': '재활성은 NRR에 포함되지 않습니다.',
  'note.clvNoChurn': '이탈 기간 동안 이탈한 고객이 없어 CLV에 상한이 없습니다.',
  'note.noMonthEnd': '이 기간에는 MRR을 측정하는 월말이 없습니다.',
  'note.subject.subscriptions': '구독',
  'note.subject.invoices': '청구서',
  'note.subject.tickets': '티켓',
  'note.subject.usage': '기능 사용',
  'note.subject.snapshots': '고객 스냅샷',
  'note.subject.opportunities': '거래',
  'note.subject.quotas': '할당량',
  'note.subject.spend': '캠페인 지출',
  'note.subject.leads': '리드',
  'note.subject.accounts': '고객사',
  'note.level.team': '팀',
  'note.level.rep': '담당자',
  'note.or': ' 또는 ',
};
