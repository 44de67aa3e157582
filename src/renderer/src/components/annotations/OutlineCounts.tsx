// Open annotations in the outline: a small count beside each section's item count (annotations.counts).
import { useEffect } from 'react';
import { refreshCounts, useAnnotations } from '../../state/annotations';
import '../../styles/annotations.css';

/** Read the counts once when the outline appears (later changes refresh them). */
export function useAnnotationCounts(): void {
  useEffect(() => {
    void refreshCounts();
  }, []);
}

export function useOpenAnnotations(sectionId: string): number {
  return useAnnotations((s) => s.counts?.sections[sectionId] ?? 0);
}

export function openAnnotationLabel(count: number): string {
  return count > 0 ? `、未対応の注釈${count}件` : '';
}

export function OpenAnnotationCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="annot-outline-count" aria-hidden="true" title={`未対応の注釈 ${count}件`}>
      注{count}
    </span>
  );
}
