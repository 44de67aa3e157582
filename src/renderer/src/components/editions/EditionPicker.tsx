// Choosing a new edition's table (the text extraction of the follow-up table, or the consolidated
// table workbook Council Desk exports, prepared in Excel): one hidden file input,
// opened by the editions screen's button and the ファイル menu. Dropping a file on the editions screen
// does the same (the drop overlay routes it, see round-trip/ImportPicker.tsx).
import { stageEditionFiles } from '../../state/editions';

const INPUT_ID = 'edition-file-input';

export function openEditionPicker(): void {
  (document.getElementById(INPUT_ID) as HTMLInputElement | null)?.click();
}

export function EditionInput() {
  return (
    <input
      id={INPUT_ID}
      type="file"
      accept=".txt,.xlsx,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      className="visually-hidden"
      tabIndex={-1}
      aria-label="取り込む新しい版の資料(.txt または協議会資料の .xlsx)"
      onChange={(e) => {
        const files = [...(e.currentTarget.files ?? [])];
        e.currentTarget.value = '';
        void stageEditionFiles(files);
      }}
    />
  );
}
