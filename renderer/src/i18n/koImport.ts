// Korean messages of the Import place's tools; typed against the English
// ones, so a missing or extra key fails the type check.
import type { enImport } from './enImport.js';
import type { Message } from './types.js';

export const koImport: Record<keyof typeof enImport, Message> = {
  'import.mapColumns': '열 매핑',
  'import.mappingTitle': '{file}의 열 매핑',
  'import.mappingIntro':
    '파일에 담긴 레코드 종류와 각 열이 들어갈 필드를 정하세요. 먼저 확인하면 무엇이 기록될지 볼 수 있으며, 가져오기 전에는 아무것도 기록되지 않습니다.',
  'import.mappingColumns': { other: '열 {count}개' },
  'import.delimiter.comma': '쉼표로 구분',
  'import.delimiter.semicolon': '세미콜론으로 구분',
  'import.delimiter.tab': '탭으로 구분',
  'import.delimiter.pipe': '세로 막대로 구분',
  'import.mappingEntity': '파일 내용',
  'import.mappingSource': '원본 시스템',
  'import.mappingSourcePlaceholder': '예: salesforce (비우면 {source})',
  'import.mappingSourceHint':
    '이 파일을 내보낸 시스템 이름(예: salesforce, stripe)을 적으세요. 처음에는 이 레코드의 일반적인 원본인 “{source}”(으)로 채워져 있습니다. 레코드는 원본 시스템과 ID로 식별되므로 같은 시스템의 파일에는 같은 이름을 쓰세요. 다른 원본의 같은 ID는 다른 레코드입니다.',
  'import.mappingSourceInvalid':
    '문자, 숫자, 공백, 마침표, 밑줄, 하이픈만 쓸 수 있습니다(최대 60자).',
  'import.col.fileColumn': '파일의 열',
  'import.col.samples': '처음 값',
  'import.col.field': '필드',
  'import.noSamples': '비어 있음',
  'import.fieldFor': '{column}의 필드',
  'import.leaveOut': '가져오지 않음',
  'import.fieldOption': '{label} ({kind})',
  'import.kind.text': '텍스트',
  'import.kind.integer': '정수',
  'import.kind.money': '금액',
  'import.kind.date': '날짜',
  'import.kind.instant': '날짜와 시각',
  'import.kind.flag': '예/아니요',
  'import.or': '또는',
  'import.savedMatch':
    '이 머리글은 저장된 매핑 “{name}”과 일치하여 그 선택을 채워 두었습니다.',
  'import.mappingComplete': '필수 필드가 모두 매핑되었습니다.',
  'import.mappingMissing': '아직 매핑할 필드: {fields}.',
  'import.mappingRepeated':
    '한 필드에는 열 하나만 지정할 수 있습니다: {fields}이(가) 두 번 이상 선택되었습니다.',
  'import.mappingSaveAs': '이 매핑을 저장할 이름',
  'import.mappingSaveAsHint': '선택 사항',
  'import.mappedWith': '매핑 “{name}”으로 읽음',
  'import.savedMappings': '저장된 매핑',
  'import.savedMappingsIntro':
    '머리글이 저장된 매핑과 일치하는 파일은 그 매핑으로 읽히며, 매핑 화면에도 채워집니다.',
  'import.col.name': '이름',
  'import.col.source': '원본',
  'import.col.columns': '매핑된 열',
  'import.col.updated': '저장 시각',
  'import.deleteMapping': '삭제',
  'import.deleteMappingConfirm': '한 번 더 누르면 삭제',

  'import.readingTitle': '읽기 옵션',
  'import.readingHint':
    '이 옵션은 다음 검사나 가져오기의 모든 파일에 적용됩니다. “파일에서 판단”을 고르면 파일마다 스스로 판단합니다. 한 파일만 다르게 읽으려면 여기서 옵션을 정한 뒤 결과 표의 그 파일 행에서 다시 검사하세요.',
  'import.dateOrder': '날짜 순서',
  'import.dateOrder.dmy': '일 먼저 (31/12/2024)',
  'import.dateOrder.mdy': '월 먼저 (12/31/2024)',
  'import.dateOrder.ymd': '연도 먼저 (2024/12/31)',
  'import.fromFile': '파일에서 판단',
  'import.currency': '통화가 없는 행의 통화',
  'import.currencyHint': '예: KRW',
  'import.currencyInvalid': '통화는 USD 같은 세 글자 코드입니다.',
  'import.decimalMark': '소수점 기호',
  'import.decimalPoint': '마침표 (1,234.56)',
  'import.decimalComma': '쉼표 (1.234,56)',

  'import.deletedQuestion': '앞서 삭제한 레코드의 행',
  'import.deletedExplain':
    '일부 행은 이 워크스페이스에서 삭제한 레코드입니다. 가져오기에서 어떻게 처리할지 고르세요.',
  'import.deletedSkip': '건너뛰기: 레코드는 삭제된 채로 둡니다',
  'import.deletedRestore': '파일 내용으로 복원하기',
  'import.importAgain': '다시 가져오기',

  'import.merge': '병합',
  'import.mergeKeep': '남길 레코드:',
  'import.merges': '병합 기록',
  'import.duplicatesNone': '남은 중복 후보가 없습니다.',
  'import.col.mergedAt': '병합 시각',
  'import.col.kept': '남긴 레코드',
  'import.col.merged': '병합된 레코드',
  'import.col.moved': '옮긴 레코드 수',
  'import.unmerge': '되돌리기',
  'import.unmerged': '{time}에 되돌림',

  'import.showChanges': '변경 내용 보기',
  'import.changesOf': '{file}이(가) 바꾼 내용',
  'import.changesIntro':
    '이전 가져오기가 기록한 레코드에서 이번 가져오기가 바꾼 필드입니다.',
  'import.changesNone': '이 가져오기는 기존 레코드의 필드를 바꾸지 않았습니다.',
  'import.changesRange': '{count}개 중 {first}–{last}',
  'import.col.record': '레코드',
  'import.col.before': '이전',
  'import.col.after': '이후',
  'import.pagePrevious': '이전',
  'import.pageNext': '다음',
};
