// The shell's own words: native menus, dialog titles and filters, in the
// two languages of the product. The page has its own catalogue; these are
// the few strings the operating system draws.
import type { Place } from '../../shared/menuCommands.js';

export type ShellMessages = {
  productName: string;
  aboutCredits: string;
  menu: {
    file: string;
    newWorkspace: string;
    openWorkspace: string;
    openRecent: string;
    noRecent: string;
    importFiles: string;
    quit: string;
    edit: string;
    undo: string;
    redo: string;
    cut: string;
    copy: string;
    paste: string;
    selectAll: string;
    view: string;
    reload: string;
    forceReload: string;
    toggleDevTools: string;
    resetZoom: string;
    zoomIn: string;
    zoomOut: string;
    toggleFullScreen: string;
    window: string;
    help: string;
    about: string;
  };
  places: Record<Place, string>;
  dialog: {
    openWorkspaceTitle: string;
    newWorkspaceTitle: string;
    workspaceFilter: string;
    defaultWorkspaceFile: string;
    importTitle: string;
    importFilter: string;
    openFailedTitle: string;
  };
};

const en = {
  productName: 'RevOps Workbench',
  aboutCredits: 'Offline-first workbench for revenue operations.',
  menu: {
    file: 'File',
    newWorkspace: 'New Workspace…',
    openWorkspace: 'Open Workspace…',
    openRecent: 'Open Recent',
    noRecent: 'No Recent Workspaces',
    importFiles: 'Import Files…',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    forceReload: 'Force Reload',
    toggleDevTools: 'Toggle Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    toggleFullScreen: 'Toggle Full Screen',
    window: 'Window',
    help: 'Help',
    about: 'About RevOps Workbench',
  },
  places: {
    home: 'Home',
    data: 'Data',
    import: 'Import',
    settings: 'Settings',
  },
  dialog: {
    openWorkspaceTitle: 'Open Workspace',
    newWorkspaceTitle: 'New Workspace',
    workspaceFilter: 'RevOps workspaces',
    defaultWorkspaceFile: 'Workspace.revops',
    importTitle: 'Choose Files to Import',
    importFilter: 'Delimited text (CSV, TSV, TXT)',
    openFailedTitle: 'The workspace could not be opened',
  },
} satisfies ShellMessages;

const ko = {
  productName: 'RevOps Workbench',
  aboutCredits: '오프라인 우선 레베뉴 운영 워크벤치.',
  menu: {
    file: '파일',
    newWorkspace: '새 작업 공간…',
    openWorkspace: '작업 공간 열기…',
    openRecent: '최근 항목 열기',
    noRecent: '최근 작업 공간 없음',
    importFiles: '파일 가져오기…',
    quit: '종료',
    edit: '편집',
    undo: '실행 취소',
    redo: '다시 실행',
    cut: '잘라내기',
    copy: '복사',
    paste: '붙여넣기',
    selectAll: '모두 선택',
    view: '보기',
    reload: '새로 고침',
    forceReload: '강제 새로 고침',
    toggleDevTools: '개발자 도구 전환',
    resetZoom: '실제 크기',
    zoomIn: '확대',
    zoomOut: '축소',
    toggleFullScreen: '전체 화면 전환',
    window: '창',
    help: '도움말',
    about: 'RevOps Workbench 정보',
  },
  places: {
    home: '홈',
    data: '데이터',
    import: '가져오기',
    settings: '설정',
  },
  dialog: {
    openWorkspaceTitle: '작업 공간 열기',
    newWorkspaceTitle: '새 작업 공간',
    workspaceFilter: 'RevOps 작업 공간',
    defaultWorkspaceFile: '작업 공간.revops',
    importTitle: '가져올 파일 선택',
    importFilter: '구분자 텍스트 (CSV, TSV, TXT)',
    openFailedTitle: '작업 공간을 열 수 없습니다',
  },
} satisfies ShellMessages;

/** Korean for a Korean system locale (`ko`, `ko-KR`), English otherwise. */
export function shellMessages(locale: string): ShellMessages {
  return locale.toLowerCase().startsWith('ko') ? ko : en;
}

export function windowTitle(
  messages: ShellMessages,
  workspaceName: string | null,
): string {
  return workspaceName
    ? `${workspaceName} — ${messages.productName}`
    : messages.productName;
}
