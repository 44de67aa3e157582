// One page that explains every quality label, generated from the rules themselves
// (src/shared/quality/rules.ts), so the help cannot drift from what the app does.
import { QUALITY_GROUPS, QUALITY_RULES } from '../../../../shared/quality';

const TONE_NAMES = { good: '望ましい', attention: '要確認', info: '参考' } as const;

export function QualityHelp() {
  return (
    <section className="quality-help" aria-labelledby="quality-help-title">
      <h2 id="quality-help-title">品質ラベルの説明</h2>
      <p>
        品質ラベルは、各小項目の記述がどれだけ具体的で追跡できるかを示す目印です。ラベルごとに、付いた理由と根拠になった語句が小項目の画面に表示されます。
        一覧の「品質」絞り込みとダッシュボードでも使えます。
      </p>
      {QUALITY_GROUPS.map((group) => (
        <section key={group} className="quality-help-group">
          <h3>{group}</h3>
          <dl>
            {QUALITY_RULES.filter((r) => r.group === group).map((r) => (
              <div key={r.id}>
                <dt>
                  <span className={`quality-badge quality-${r.tone}`}>{r.label}</span>
                  <span className="quality-tone">{TONE_NAMES[r.tone]}</span>
                </dt>
                <dd>{r.explanation}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </section>
  );
}
