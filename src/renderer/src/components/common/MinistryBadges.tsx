// Ministry codes as small badges; the lead ministry (主担当) carries ◎ and a stronger look.
import { MINISTRY_NAMES, type MinistryCode } from '../../../../shared/domain';

interface Props {
  ministries: readonly MinistryCode[];
  lead?: readonly MinistryCode[];
  /** Accessible label of the group; omit inside a list row, whose text is read as a whole. */
  label?: string;
}

export function MinistryBadges({ ministries, lead = [], label }: Props) {
  if (ministries.length === 0) return null;
  return (
    <span className="badges" role={label ? 'list' : undefined} aria-label={label}>
      {ministries.map((m) => {
        const isLead = lead.includes(m);
        return (
          <span
            key={m}
            role={label ? 'listitem' : undefined}
            className={isLead ? 'badge badge-lead' : 'badge'}
            title={`${MINISTRY_NAMES[m]}${isLead ? '(主担当)' : ''}`}
          >
            {isLead && <span aria-label="主担当">◎</span>}
            {m}
          </span>
        );
      })}
    </span>
  );
}
