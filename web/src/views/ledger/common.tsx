/** Pieces the 督办 ledger pages share: the light chip, the section nav, the place/year picker, the task table. */
import { useMemo, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { unitName, useSession } from '../../session';
import type { Task, Unit, Light } from '../../types';
import { Choice } from '../../ui/common';
import { DataTable } from '../../ui/DataTable';
import { SectionNav } from '../../ui/SectionNav';
import { AccountBox, RequireLogin } from '../account/Login';

export function LightChip({ light }: { light: Light }) {
  const { t } = useI18n();
  return (
    <span className={`light ${light}`} data-light={light}>
      {t(`light.${light}`)}
    </span>
  );
}

/** A ledger page: the sign-in form until signed in, then the ledger's nav above the page. */
export function LedgerPage({ active, children }: { active: string; children: ReactNode }) {
  return (
    <RequireLogin active={active}>
      <LedgerNav active={active} />
      {children}
    </RequireLogin>
  );
}

function LedgerNav({ active }: { active: string }) {
  const { t } = useI18n();
  const { account } = useSession();
  const links: [string, string][] = [['ledger', t('ld.board')]];
  if (account?.role === 'unit_officer') links.push(['ledger/mine', t('ld.mine')]);
  links.push(['ledger/dashboard', t('ld.dashboard')]);
  if (account?.role === 'admin') links.push(['people', t('pe.nav')]);
  return (
    <SectionNav active={active} links={links}>
      <AccountBox testId="ledger-account" logoutTestId="logout" then="login" />
    </SectionNav>
  );
}

export interface Ledger {
  place: string;
  year: number;
}

/** The place/year pairs present in the tasks, newest first. */
export function useLedgers(tasks: Task[] | undefined): Ledger[] {
  return useMemo(() => {
    const seen = new Map<string, Ledger>();
    for (const x of tasks ?? []) seen.set(`${x.jurisdiction}|${x.year}`, { place: x.jurisdiction, year: x.year });
    return [...seen.values()].sort((a, b) => b.year - a.year || a.place.localeCompare(b.place, 'zh'));
  }, [tasks]);
}

/** One select for the place and year of a ledger. */
export function LedgerPick({ ledgers, place, year, onPick, testId }: { ledgers: Ledger[]; place: string; year: string; onPick: (place: string, year: string) => void; testId: string }) {
  const { t } = useI18n();
  return (
    <Choice
      label={`${t('ld.place')} / ${t('ld.year')}`}
      value={`${place}|${year}`}
      onChange={(v) => {
        const [p, y] = v.split('|');
        onPick(p, y);
      }}
      testId={testId}
      options={ledgers.map((l) => ({ value: `${l.place}|${l.year}`, label: `${l.place} ${l.year}` }))}
    />
  );
}

export function TaskTable({ tasks, units, empty }: { tasks: Task[]; units: Unit[]; empty?: string }) {
  const { t } = useI18n();
  return (
    <DataTable
      testId="task-table"
      rows={tasks}
      empty={empty}
      rowKey={(x) => x.id}
      rowProps={(x) => ({ 'data-testid': 'task-row', 'data-task-id': x.id })}
      columns={[
        { head: t('ld.light'), cell: (x) => <LightChip light={x.light} /> },
        { head: t('ld.task'), cell: (x) => <a href={href(`ledger/task/${x.id}`)}>{x.title}</a> },
        { head: t('ld.responsible'), className: 'small', cell: (x) => x.responsible_unit_ids.map((u) => unitName(units, u)).join('、') || t('none') },
        { head: t('ld.deadline'), className: 'nowrap', cell: (x) => x.deadline },
        { head: t('ld.state'), className: 'nowrap', cell: (x) => t(`state.${x.state}`) },
        { head: t('ld.progress'), className: 'n', cell: (x) => x.progress_figure ?? t('none') },
      ]}
    />
  );
}
