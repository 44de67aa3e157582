// A modal dialog on the native <dialog> element: it traps the focus, closes on Esc (reported as
// onCancel) and returns the focus to where it was when it closes. The content mounts only once the
// dialog is modal: React's autoFocus focuses as an element mounts, and an element of a closed dialog
// cannot take the focus (showModal would then focus the first button, often the one that acts).
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  onCancel: () => void;
  children: ReactNode;
  /** Class for width variants. */
  className?: string;
}

export function Dialog({ open, title, onCancel, children, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [modal, setModal] = useState(false);
  // A layout effect: the content is added before the page is painted, never an empty dialog.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
    setModal(open);
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open && modal && (
        <>
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  );
}
