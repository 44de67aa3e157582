// Shown when the database file or its folder cannot be written: the plan reads as usual, but every
// change would be refused, so say so before anyone starts editing.
import { useApp } from '../../state/app-state';

export function ReadOnlyBanner() {
  const readOnly = useApp((s) => s.overview?.readOnly === true);
  if (!readOnly) return null;
  return (
    <div className="read-only-banner" role="status">
      読み取り専用で開いています。データベースのファイルまたはフォルダーに書き込めないため、編集・取り込み・注釈の変更は保存できません。
    </div>
  );
}
