// Browser mode has no native file dialogs, so a workspace is created or
// opened by typing its path on the server's machine, or from the recent
// list. The desktop app uses its native dialogs instead.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../common/StatusNotice.js';
import { useT } from '../common/useT.js';
import { useStore } from '../store/index.js';

export function WorkspaceDialog() {
  const t = useT();
  const kind = useStore((state) => state.workspaceDialog);
  const recent = useStore((state) => state.recent);
  const error = useStore((state) => state.workspaceError);
  const isBusy = useStore((state) => state.isWorkspaceBusy);
  const show = useStore((state) => state.showWorkspaceDialog);
  const create = useStore((state) => state.createWorkspace);
  const open = useStore((state) => state.openWorkspace);
  const openDemo = useStore((state) => state.openDemo);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [isPathMissing, setIsPathMissing] = useState(false);
  const pathId = useId();
  const nameId = useId();
  const hintId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (kind !== null && !dialog.open) {
      setPath('');
      setName('');
      setIsPathMissing(false);
      dialog.showModal();
    } else if (kind === null && dialog.open) {
      dialog.close();
    }
  }, [kind]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = path.trim();
    if (trimmed === '') {
      setIsPathMissing(true);
      return;
    }
    if (kind === 'new') void create(trimmed, name.trim() || undefined);
    else void open(trimmed);
  };

  const isNew = kind === 'new';
  return (
    <dialog
      ref={dialogRef}
      className="workspace-dialog"
      data-testid="workspace-dialog"
      onClose={() => show(null)}
    >
      <form onSubmit={submit} noValidate>
        <h2>{t(isNew ? 'workspace.newTitle' : 'workspace.openTitle')}</h2>
        <label htmlFor={pathId}>{t('workspace.pathLabel')}</label>
        <input
          id={pathId}
          data-testid="workspace-path"
          type="text"
          value={path}
          placeholder="/home/me/acme.revops"
          spellCheck={false}
          autoComplete="off"
          aria-describedby={hintId}
          aria-invalid={isPathMissing}
          onChange={(event) => setPath(event.target.value)}
        />
        <p id={hintId} className="muted small">
          {isPathMissing ? t('workspace.pathNeeded') : t('workspace.pathHint')}
        </p>
        {isNew && (
          <>
            <label htmlFor={nameId}>{t('workspace.nameLabel')}</label>
            <input
              id={nameId}
              data-testid="workspace-name-input"
              type="text"
              value={name}
              maxLength={200}
              onChange={(event) => setName(event.target.value)}
            />
          </>
        )}
        {error !== null && <ErrorNotice error={error} isCompact />}
        {!isNew && (
          <section className="recent-list">
            <h3>{t('workspace.recent')}</h3>
            {recent.length === 0 ? (
              <p className="muted small">{t('workspace.recentEmpty')}</p>
            ) : (
              <ul>
                {recent.map((item) => (
                  <li key={item}>
                    <button
                      type="button"
                      className="link"
                      disabled={isBusy}
                      onClick={() => void open(item)}
                    >
                      {item}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <button
              type="button"
              className="link"
              disabled={isBusy}
              onClick={() => void openDemo()}
            >
              {t('workspace.demo')}
            </button>
          </section>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => show(null)}>
            {t('workspace.cancel')}
          </button>
          <button
            type="submit"
            className="primary"
            data-testid="workspace-submit"
            disabled={isBusy}
          >
            {t(isNew ? 'workspace.create' : 'workspace.openButton')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
