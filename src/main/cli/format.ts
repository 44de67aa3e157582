// Human-readable and JSON shapes of plan data for the CLI.
import { actionsLabel, futureLabel } from '../../shared/editions/fiscal-year';
import { fieldLabel } from '../../shared/fields';
import type { SearchHit } from '../../shared/api';
import type { Item, ItemSummary, Section } from '../../shared/domain';
import { bulletsToLines } from '../../shared/item-fields';
import type { ProjectRecord } from '../../shared/project';

/** Ministries as printed in the source: 【◎文・厚】. */
export function formatMinistries(it: Pick<ItemSummary, 'ministries' | 'lead'>): string {
  if (it.ministries.length === 0) return '';
  return `【${it.ministries.map((m) => (it.lead.includes(m) ? `◎${m}` : m)).join('・')}】`;
}

export function itemToJson(it: Item) {
  return {
    key: it.key,
    major: it.major,
    middle: it.middle,
    area: it.area,
    label: it.label,
    title: it.title,
    ministries: it.ministries,
    lead: it.lead,
    actions: it.actions.map((b) => b.text),
    future: it.future.map((b) => b.text),
    actionLevels: it.actions.map((b) => b.level),
    futureLevels: it.future.map((b) => b.level),
    pj: it.pj,
    relistedFrom: it.relistedFrom,
    warnings: it.warnings,
    version: it.version,
  };
}

function truncate(text: string, max: number): string {
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}

export function formatItemLine(it: ItemSummary): string {
  return `${it.key.padEnd(9)} ${(it.label || '－').padEnd(1)} ${truncate(it.title, 40)} ${formatMinistries(it)}${it.relistedFrom ? ` (再掲: ${it.relistedFrom})` : ''}`;
}

function breadcrumb(it: ItemSummary, sections: Section[]): string {
  const ids = [`${it.major}`, `${it.major}-${it.middle}`, ...(it.area === null ? [] : [`${it.major}-${it.middle}-${it.area}`])];
  const names: Record<Section['level'], string> = { major: '大項目', middle: '中項目', area: '' };
  return ids
    .map((id) => sections.find((s) => s.id === id))
    .filter((s): s is Section => s !== undefined)
    .map((s) => (s.level === 'area' ? `${s.area}) ${s.title}` : `${names[s.level]}${s.level === 'major' ? s.major : s.middle} ${s.title}`))
    .join(' > ');
}

export function formatItem(it: Item, sections: Section[], fiscalYear: number | null): string {
  const lines = [`[${it.key}] ${it.label}${it.title}${formatMinistries(it)}`, breadcrumb(it, sections)];
  if (it.relistedFrom) lines.push(`再掲元: ${it.relistedFrom}`);
  lines.push('', `■ ${actionsLabel(fiscalYear)}`, ...(it.actions.length ? bulletsToLines(it.actions) : ['(なし)']));
  lines.push('', `■ ${futureLabel}`, ...(it.future.length ? bulletsToLines(it.future) : ['(なし)']));
  if (it.warnings.length) lines.push('', '■ 取込時の注意', ...it.warnings.map((w) => `・${w}`));
  return lines.join('\n');
}

/** A search hit with its matches marked «like this». */
export function markSnippet(h: Pick<SearchHit, 'snippet' | 'marks'>): string {
  let out = '';
  let at = 0;
  for (const m of h.marks) {
    out += `${h.snippet.slice(at, m.start)}«${h.snippet.slice(m.start, m.end)}»`;
    at = m.end;
  }
  return out + h.snippet.slice(at);
}

export function formatSearchHit(h: SearchHit, fiscalYear: number | null): string {
  return `${h.key.padEnd(9)} ${fieldLabel(h.field, fiscalYear)}: ${markSnippet(h)}`;
}

export function formatProject(p: ProjectRecord): string {
  const lines = [`■ ${p.name}(${p.fiscalYear})`, `背景: ${p.background}`, `目的: ${p.purpose}`, `PJ区分: ${p.pjCategory}`];
  if (p.budget.length) {
    lines.push('予算額(千円):');
    for (const b of p.budget) lines.push(`  ${b.label}: ${b.amountThousandYen?.toLocaleString('ja-JP') ?? '－'}`);
  }
  for (const t of p.topics) lines.push(`【課題名】${t.title}`, `  【概要】${t.summary}`, `  【成果の活用】${t.outcome}`);
  if (p.achievements.length) lines.push('これまでの成果概要:', ...p.achievements.map((a) => `  ・${a}`));
  return lines.join('\n');
}
