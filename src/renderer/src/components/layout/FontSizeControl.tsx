// 文字 小/中/大 in the header: the size of the text everywhere, remembered for this browser profile.
import { useEffect } from 'react';
import { setFontSize, useLayoutPrefs, type FontSize } from './layout-prefs';

const SIZES: { id: FontSize; label: string; name: string }[] = [
  { id: 'small', label: '小', name: '文字を小さく' },
  { id: 'medium', label: '中', name: '文字を標準の大きさに' },
  { id: 'large', label: '大', name: '文字を大きく' },
];

export function FontSizeControl() {
  const size = useLayoutPrefs((s) => s.fontSize);
  useEffect(() => {
    // On <html>: theme.css redefines the text-size variables there, for the dialogs too.
    document.documentElement.dataset.fontSize = size;
  }, [size]);
  return (
    <div className="font-size-control" role="group" aria-label="文字の大きさ">
      <span className="font-size-label" aria-hidden="true">
        文字
      </span>
      {SIZES.map((s) => (
        <button key={s.id} type="button" aria-pressed={size === s.id} aria-label={s.name} title={s.name} onClick={() => setFontSize(s.id)}>
          {s.label}
        </button>
      ))}
    </div>
  );
}
