// What the importer was unsure of for this item (e.g. an inferred bullet split): shown so a person
// can check and fix it.
export function IngestWarnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <details className="warnings">
      <summary>取込時の注意 {warnings.length} 件(確認してください)</summary>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </details>
  );
}
