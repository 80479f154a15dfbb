/** The OpenAPI description served at /api/openapi.json. */
export function openApiDocument(): Record<string, unknown> {
  const list = (summary: string, params: string[]) => ({
    get: {
      summary,
      parameters: params.map((name) => ({ name, in: 'query', required: name === 'q', schema: { type: /year|limit|offset|_id/.test(name) ? 'integer' : 'string' } })),
      responses: { '200': { description: 'JSON envelope {ok, total, items}; .csv and .xlsx forms give the same rows' }, '400': { description: 'invalid query' } },
    },
  });
  const place = ['jurisdiction', 'level'];
  const factParams = [...place, 'indicator', 'year', 'headline', 'document_id', '_limit', '_offset'];
  return {
    openapi: '3.0.3',
    info: { title: 'Luoshi 落实 API', version: '0.1.0', description: 'Government work reports: documents, targets, outcomes, commitments, search.' },
    paths: {
      '/api/reports': list('Stored documents with identity and fact counts', [...place, 'year_from', 'year_to', '_limit', '_offset']),
      '/api/documents/{id}': { get: { summary: 'One document with its text, sections, facts and warnings', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { '200': { description: 'the document' }, '404': { description: 'no such document' } } } },
      '/api/targets': list('Expected targets (预期目标)', factParams),
      '/api/outcomes': list('Results stated in review parts', factParams),
      '/api/commitments': list('Quantified tasks of plan parts', factParams),
      '/api/check': list('Scorecard: the year-N promises of a place against its year-N+1 report', ['jurisdiction', 'year']),
      '/api/compare': list('One indicator: target vs outcome by place and year', ['indicator', 'kind', ...place, 'year_from', 'year_to']),
      '/api/search': list('Full-text search, any query length', ['q', ...place, 'year_from', 'year_to', 'part', '_limit']),
      '/api/import': {
        post: {
          summary: 'Import one report file (raw bytes in the body); needs an admin or supervisor session and the CSRF header, within the account\'s daily quota',
          parameters: [{ name: 'filename', in: 'query', required: true, schema: { type: 'string' } }],
          requestBody: { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: { '201': { description: 'imported' }, '200': { description: 'duplicate of a stored report' }, '401': { description: 'not signed in' }, '403': { description: 'no CSRF token, or a role that may not import' }, '413': { description: 'too large' }, '422': { description: 'not a readable report' }, '429': { description: 'import quota reached' } },
        },
      },
      '/api/reports/choice': {
        get: list('Which stored report speaks for a place and year (the reviewer\'s choice, else the first stored) and every other claimant', ['jurisdiction', 'year']).get,
        put: op('Mark one stored report authoritative for its place and year (admin or supervisor): {jurisdiction, year, document_id, note?}'),
      },
      ...ledgerPaths(),
      ...proposalPaths(),
      ...votePaths(),
      '/-/health': { get: { summary: 'Liveness and store counts', responses: { '200': { description: 'ok' } } } },
    },
  };
}

/** An operation needing a session: the answers every such route can give. */
function op(summary: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    summary,
    responses: { '200': { description: 'ok' }, '401': { description: 'not signed in' }, '403': { description: 'not allowed, or no CSRF token' }, '409': { description: 'stale version, or a step the state does not allow' } },
    ...extra,
  };
}

/**
 * The supervision ledger's routes: session-cookie authentication, and every
 * write needs the CSRF token from /api/ledger/session in `x-csrf-token`.
 */
function ledgerPaths(): Record<string, unknown> {
  const id = [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }];
  return {
    '/api/ledger/session': { get: op('The current account (if any) and the CSRF token') },
    '/api/ledger/login': { post: op('Sign in (name, password); 429 after repeated failures') },
    '/api/ledger/logout': { post: op('Sign out') },
    '/api/ledger/units': { get: op('The organisation tree'), post: op('Add a unit') },
    '/api/ledger/accounts': { get: op('Accounts'), post: op('Add an account with a role') },
    '/api/ledger/generate': { post: op('Draft tasks from a stored plan report (targets, commitments, livelihood projects)') },
    '/api/ledger/tasks': { get: op('Tasks with their lights'), post: op('Add a task') },
    '/api/ledger/tasks/{id}': { get: op('One task', { parameters: id }), put: op('Edit a task (with its version)', { parameters: id }) },
    '/api/ledger/import-plan': { post: op('Import a 分工方案 (CSV in UTF-8 or GBK, or XLSX) as the raw body; query filename, jurisdiction, year; answers per row') },
    '/api/ledger/tasks/{id}/merge': { post: op('合并: archive the tasks in `from` into this one (version, from, from_versions)', { parameters: id }) },
    '/api/ledger/tasks/{id}/split': { post: op('拆分: new tasks from `titles`, the original archived (version, titles)', { parameters: id }) },
    '/api/ledger/tasks/{id}/history': { get: op('The append-only history of a task', { parameters: id }) },
    '/api/ledger/tasks/{id}/actions/{action}': { post: op('A workflow step: accept, submit, review, close, send back, extension…', { parameters: [...id, { name: 'action', in: 'path', required: true, schema: { type: 'string' } }] }) },
    '/api/ledger/tasks/{id}/progress': { post: op('A progress report', { parameters: id }) },
    '/api/ledger/tasks/{id}/urge': { post: op('催办: chase the units of a task', { parameters: id }) },
    '/api/ledger/tasks/{id}/instructions': { post: op('批示: a leader\'s instruction', { parameters: id }) },
    '/api/ledger/notices': { get: op('催办 notices per unit') },
    '/api/ledger/dashboard': { get: op('Counts by unit and light; completion and on-time rates') },
    '/api/ledger/progress-table': { get: op('The monthly progress table (.xlsx, .json or .html)') },
    '/api/ledger/year-end': { get: op('Each task beside the next report\'s verdict, with disagreements flagged') },
    '/api/public/ledger/tasks': { get: { summary: 'Public read-only view (internal fields hidden)', responses: { '200': { description: 'ok' } } } },
    '/api/public/ledger/tasks/{id}': { get: { summary: 'One task, public view', parameters: id, responses: { '200': { description: 'ok' }, '404': { description: 'no such public task' } } } },
  };
}

/** 建议/提案 handling (signed in, CSRF on writes like the ledger); its public figures. */
function proposalPaths(): Record<string, unknown> {
  const pid = [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }];
  const q = (names: string[]) => names.map((name) => ({ name, in: 'query', required: name === 'jurisdiction' || name === 'filename', schema: { type: name === 'year' ? 'integer' : 'string' } }));
  return {
    '/api/proposals': {
      get: op('建议/提案 with their reply status (.json, .csv, .xlsx)', { parameters: q(['jurisdiction', 'year', 'kind', 'state', 'unit_id', 'status', 'overdue']) }),
      post: op('Register a 建议 or 提案 (optionally assigned at once)'),
    },
    '/api/proposals/import': { post: op('Import a list (CSV in UTF-8 or GBK, or XLSX) as the raw body; answers per row', { parameters: q(['filename', 'jurisdiction', 'year', 'kind']) }) },
    '/api/proposals/stats': { get: op('办结率, 按期办结率, 满意率 per 承办单位 and per year and kind (.json, .csv, .xlsx)', { parameters: q(['jurisdiction', 'year', 'kind', 'group']) }) },
    '/api/proposals/settings': { get: op('Reply deadline months per kind'), put: op('Change the reply deadline months (admin)') },
    '/api/proposals/{id}': { get: op('One item with its history and the steps open to you', { parameters: pid }) },
    '/api/proposals/{id}/assign': { post: op('交办: lead unit (主办), assisting units (会办), date, deadline (version)', { parameters: pid }) },
    '/api/proposals/{id}/reply': { post: op('答复 by the lead unit (version, text, replied_at)', { parameters: pid }) },
    '/api/proposals/{id}/satisfaction': { post: op('The proposer\'s 满意/基本满意/不满意 (version, satisfaction, at)', { parameters: pid }) },
    '/api/proposals/{id}/follow-up': { post: op('跟踪办理 note after the reply (version, note)', { parameters: pid }) },
    '/api/public/proposals/places': { get: { summary: 'Places and years that have 建议/提案, with counts per kind', responses: { '200': { description: 'ok' } } } },
    '/api/public/proposals/stats': { get: { summary: 'Public figures: counts and rates per unit and per year and kind', parameters: q(['jurisdiction', 'year', 'kind', 'group']), responses: { '200': { description: 'ok' } } } },
  };
}

/** 票决: the office's routes (signed in), the deputy's two (a voting code, no account), and public results. */
function votePaths(): Record<string, unknown> {
  const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'integer' } });
  const sid = [path('id')];
  const rid = [path('id')];
  return {
    '/api/votes/sessions': { get: op('票决 sessions'), post: op('Create a session (jurisdiction, year, title, seats, threshold)') },
    '/api/votes/sessions/{id}': { get: op('A session: candidates, rounds with turnout, kept tallies, the result', { parameters: sid }) },
    '/api/votes/sessions/{id}/candidates': { post: op('Add candidates: items, pasted text, or a stored report\'s 民生实事 (document_id); only before voting starts', { parameters: sid }) },
    '/api/votes/sessions/{id}/deputies': { get: op('The roster (no codes)', { parameters: sid }), post: op('Add deputies; the answer is the only place their voting codes appear', { parameters: sid }) },
    '/api/votes/sessions/{id}/deputies/{deputy}/code': { post: op('A new voting code for a deputy (the old one stops working)', { parameters: [...sid, path('deputy')] }) },
    '/api/votes/sessions/{id}/rounds': { post: op('Open the next round: selection (all candidates, or a run-off between the tied) or satisfaction (the elected)', { parameters: sid }) },
    '/api/votes/sessions/{id}/adopt': { post: op('The elected projects become ledger tasks, once', { parameters: sid }) },
    '/api/votes/rounds/{id}/close': { post: op('Close a round: shuffle its ballots in storage, count, keep the count', { parameters: rid }) },
    '/api/votes/rounds/{id}/tally': { get: op('The count recomputed from the stored ballots beside the one kept at closing (reproduced: true|false); .csv, .xlsx', { parameters: rid }) },
    '/api/votes/rounds/{id}/ballots': {
      get: op('A closed round\'s ballots, each alone (id, choices; no voter); .csv, .xlsx', { parameters: rid }),
      post: { summary: 'Cast a secret ballot with a voting code {code, choices}: ids (selection, at most the seats) or {id: satisfied|basically|dissatisfied}; 409 on a second ballot', parameters: rid, responses: { '201': { description: 'cast' }, '403': { description: 'wrong code or no CSRF token' }, '409': { description: 'already voted, or the round is closed' }, '422': { description: 'an invalid ballot' }, '429': { description: 'too many wrong codes' } } },
    },
    '/api/votes/rounds/{id}/participation': { get: op('Who has voted and who has not (never what they chose)', { parameters: rid }) },
    '/api/votes/lookup': { post: { summary: 'A voting code\'s deputy, session and open round', responses: { '200': { description: 'ok' }, '403': { description: 'wrong code' }, '429': { description: 'too many wrong codes' } } } },
    '/api/public/votes/sessions': { get: { summary: 'Published sessions', responses: { '200': { description: 'ok' } } } },
    '/api/public/votes/sessions/{id}': { get: { summary: 'Results of closed rounds: tallies, elected projects, satisfaction shares; never ballots', parameters: sid, responses: { '200': { description: 'ok' } } } },
  };
}
