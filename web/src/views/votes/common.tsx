/** Pieces the 票决 pages share: the section nav, a round's heading and its tally. */
import { pct } from '../../format';
import { useI18n, type T } from '../../i18n';
import { SATISFACTIONS, type Round, type Tally } from '../../types';
import { DataTable } from '../../ui/DataTable';
import { SectionNav } from '../../ui/SectionNav';

export function VotesNav({ active }: { active: string }) {
  const { t } = useI18n();
  return (
    <SectionNav
      active={active}
      links={[
        ['votes', t('vt.sessions')],
        ['vote', t('vt.ballot')],
      ]}
    />
  );
}

export function roundTitle(t: T, round: Pick<Round, 'kind' | 'round_no'>): string {
  return t(round.kind === 'selection' ? 'vt.roundSel' : 'vt.roundSat', { n: round.round_no });
}

/** Each closed round: its heading and its tally. */
export function Tallies({ tallies, names }: { tallies: { round: Round; tally: Tally }[]; names: Map<number, string> }) {
  const { t } = useI18n();
  return (
    <>
      {tallies.map(({ round, tally }) => (
        <section key={round.id} className="card">
          <h2>{roundTitle(t, round)}</h2>
          <TallyTable tally={tally} names={names} />
        </section>
      ))}
    </>
  );
}

function TallyTable({ tally, names }: { tally: Tally; names: Map<number, string> }) {
  const { t } = useI18n();
  if (tally.kind === 'satisfaction') {
    return (
      <DataTable
        testId="satisfaction-table"
        rows={tally.rows}
        rowKey={(r) => r.candidate_id}
        columns={[
          { head: t('vt.project'), cell: (r) => r.title },
          ...SATISFACTIONS.map((s) => ({ head: t(`vt.rating.${s}`), className: 'n', cell: (r: (typeof tally.rows)[number]) => r[s] })),
          { head: t('vt.abstained'), className: 'n', cell: (r) => r.abstained },
          { head: t('vt.satRate'), className: 'n', cell: (r) => pct(r.satisfaction_rate) },
        ]}
      />
    );
  }
  return (
    <>
      <p data-testid="tally-summary">
        {t('vt.summary', { ballots: tally.ballots, roster: tally.roster, blank: tally.blank, elected: tally.elected.length, seats: tally.seats })}
      </p>
      {tally.ties.map((g) => (
        <p key={g.votes} className={g.decides_seats ? 'error' : 'muted'} data-testid="tie">
          {t(g.decides_seats ? 'vt.tieDecides' : 'vt.tie', { votes: g.votes, names: g.candidate_ids.map((id) => names.get(id) ?? id).join('、') })}
        </p>
      ))}
      <DataTable
        testId="tally-table"
        rows={tally.rows}
        rowKey={(r) => r.candidate_id}
        rowProps={(r) => ({ className: r.status === 'elected' ? 'elected' : '' })}
        columns={[
          { head: t('vt.rank'), className: 'n', cell: (r) => r.rank },
          { head: t('vt.project'), cell: (r) => r.title },
          { head: t('vt.votes'), className: 'n', cell: (r) => r.votes },
          { head: t('vt.share'), className: 'n', cell: (r) => pct(r.share) },
          { head: t('vt.status'), cell: (r) => t(`vt.st.${r.status}`) },
        ]}
      />
    </>
  );
}
