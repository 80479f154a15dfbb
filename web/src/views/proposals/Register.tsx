/** Bringing items in: registering one by hand, importing the office's list (CSV/XLSX). */
import { useState, type FormEvent } from 'react';
import { qs } from '../../api';
import { isOneOf } from '../../format';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { useSession } from '../../session';
import { KINDS, type ImportAnswer, type ProposalKind, type ProposalView, type Unit } from '../../types';
import { Choice, ErrorBox, Field, ImportReport, TableImport, TextField, UnitOptions } from '../../ui/common';
import { useAction } from '../../ui/useAction';
import { names } from './common';

/** The lead unit and the assisting units (never the lead itself). */
export function UnitSelects({ units, lead, assist, onLead, onAssist, required }: {
  units: Unit[];
  lead: string;
  assist: string[];
  onLead: (v: string) => void;
  onAssist: (v: string[]) => void;
  required: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('pp.lead')}>
        <select value={lead} onChange={(e) => onLead(e.target.value)} required={required} data-testid="lead-unit">
          <option value="">{required ? '—' : t('pp.notYet')}</option>
          <UnitOptions units={units} />
        </select>
      </Field>
      <Field label={t('pp.assistPick')}>
        <select multiple value={assist} disabled={!lead} onChange={(e) => onAssist([...e.target.selectedOptions].map((o) => o.value))} data-testid="assist-units">
          <UnitOptions units={units.filter((u) => String(u.id) !== lead)} />
        </select>
      </Field>
    </>
  );
}

/** `note`: what the last registration did, kept by the list: the form starts afresh when the list moves to the new item's year. */
export function RegisterForm({ place, year, units, note, onDone }: { place: string; year: string; units: Unit[]; note?: string; onDone: (p: ProposalView) => void }) {
  const { t } = useI18n();
  const { send } = useSession();
  const empty = { jurisdiction: place, year, kind: 'suggestion' as ProposalKind, number: '', title: '', proposers: '', received_at: '', lead: '', assist: [] as string[], assigned_at: '' };
  const [f, setF] = useState(empty);
  const { busy, error, run } = useAction<{ proposal: ProposalView }>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const lead = f.lead ? { lead_unit_id: Number(f.lead), assist_unit_ids: f.assist.map(Number).filter((u) => u !== Number(f.lead)), ...(f.assigned_at ? { assigned_at: f.assigned_at } : {}) } : {};
    const body = {
      jurisdiction: f.jurisdiction.trim(), year: Number(f.year), kind: f.kind, number: f.number.trim(), title: f.title.trim(), proposers: names(f.proposers),
      ...(f.received_at ? { received_at: f.received_at } : {}), ...lead,
    };
    void run(
      () => send<{ proposal: ProposalView }>('POST', '/api/proposals', body),
      (r) => {
        setF({ ...empty, jurisdiction: f.jurisdiction, year: f.year, kind: f.kind });
        onDone(r.proposal);
      },
    );
  };
  const text = (k: 'number' | 'title' | 'proposers', label: string, size: number, required = true) => (
    <TextField label={label} required={required} value={f[k]} onChange={(v) => setF({ ...f, [k]: v })} size={size} testId={`reg-${k}`} />
  );
  return (
    <section className="card">
      <h2>{t('pp.register')}</h2>
      <form className="generate" onSubmit={submit} data-testid="register-form">
        <div className="filters">
          <TextField label={t('pp.place')} required value={f.jurisdiction} onChange={(jurisdiction) => setF({ ...f, jurisdiction })} size={8} testId="reg-place" />
          <TextField label={t('pp.year')} required type="number" value={f.year} onChange={(year) => setF({ ...f, year })} style={{ width: '6em' }} testId="reg-year" />
          <Choice label={t('pp.kind')} value={f.kind} onChange={(v) => isOneOf(KINDS, v) && setF({ ...f, kind: v })} testId="reg-kind" options={KINDS.map((k) => ({ value: k, label: t(`pp.kind.${k}`) }))} />
          {text('number', t('pp.number'), 6)}
          {text('title', t('pp.itemTitle'), 32)}
          {text('proposers', t('pp.proposersHint'), 16, false)}
          <TextField label={t('pp.receivedAt')} type="date" value={f.received_at} onChange={(received_at) => setF({ ...f, received_at })} />
        </div>
        {/* The multi-select is tall: its row aligns at the top so the labels line up. */}
        <div className="filters tall">
          <UnitSelects units={units} lead={f.lead} assist={f.assist} onLead={(lead) => setF({ ...f, lead })} onAssist={(assist) => setF({ ...f, assist })} required={false} />
          <TextField label={t('pp.assignedAtOpt')} type="date" value={f.assigned_at} disabled={!f.lead} onChange={(assigned_at) => setF({ ...f, assigned_at })} />
        </div>
        <button type="submit" disabled={busy} data-testid="reg-submit">
          {t('pp.registerBtn')}
        </button>
      </form>
      {note && (
        <p className="ok" role="status" data-testid="reg-note">
          {note}
        </p>
      )}
      {error && <ErrorBox message={error} />}
    </section>
  );
}

/** 导入清单: a CSV or XLSX from the congress or CPPCC office, with what became of each row. */
export function ImportForm({ place, year, onDone }: { place: string; year: string; onDone: () => void }) {
  const { t } = useI18n();
  const { sendFile } = useSession();
  const [where, setWhere] = useState({ place, year, kind: '' });
  const { busy, error, result, run } = useAction<ImportAnswer>();
  const upload = (file: File) =>
    run(() => sendFile<ImportAnswer>(`/api/proposals/import${qs({ filename: file.name, jurisdiction: where.place.trim(), year: where.year, kind: where.kind || undefined })}`, file), onDone);
  const unitText = (r: ImportAnswer['rows'][number]) =>
    [r.lead_unit, ...r.assist_units]
      .filter((u) => u !== null)
      .map((u, i) => `${u.name}${u.created ? t('pp.newUnit') : ''}${i === 0 && r.lead_unit ? t('pp.leadMark') : ''}`)
      .join('、');
  return (
    <section className="card" data-testid="import-form">
      <h2>{t('pp.import')}</h2>
      <TableImport
        fields={
          <>
            <TextField label={t('pp.place')} value={where.place} onChange={(place) => setWhere({ ...where, place })} size={8} />
            <TextField label={t('pp.year')} type="number" value={where.year} onChange={(year) => setWhere({ ...where, year })} style={{ width: '6em' }} />
            <Choice label={t('pp.kind')} value={where.kind} onChange={(kind) => setWhere({ ...where, kind })} blank={t('pp.kindFromFile')} options={KINDS.map((k) => ({ value: k, label: t(`pp.kind.${k}`) }))} />
          </>
        }
        label={t('pp.importFile')}
        hint={t('pp.importHint')}
        fileTestId="import-file"
        disabled={busy || !where.place.trim() || !where.year}
        onFile={(f) => void upload(f)}
        error={error}
      >
        {result && (
          <ImportReport
            testId="import"
            summary={t('pp.importSummary', { created: result.created, existing: result.existing, skipped: result.skipped })}
            result={result}
            problemsHead={t('pp.problems')}
            columns={[
              { head: t('pp.number'), cell: (r) => r.number || t('none') },
              { head: t('pp.itemTitle'), cell: (r) => (r.id !== null ? <a href={href(`proposals/item/${r.id}`)}>{r.title || t('none')}</a> : r.title || t('none')) },
              { head: t('pp.result'), cell: (r) => t(`pp.imp.${r.status}`) },
              { head: t('pp.units'), cell: (r) => <span className="small">{unitText(r) || t('none')}</span> },
              { head: t('pp.deadline'), cell: (r) => r.reply_deadline ?? t('none') },
            ]}
          />
        )}
      </TableImport>
    </section>
  );
}
