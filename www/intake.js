// The intake: the drop zone (and its hidden file input), the sample sets,
// "Start over", the rules line, reading progress, the alert and the list of
// files read with their errors and warnings.

import { h, monthName, number, plural } from './dom.js';
import { DOWNLOADS, FILE_KIND } from './strings.js';

/**
 * The intake section and its parts the component updates. `onFiles(files)`
 * scores chosen files, `onSample(names)` a sample set, `onReset()` forgets all.
 */
export function intake({ samples, onFiles, onSample, onReset }) {
  const input = h('input', {
    type: 'file',
    multiple: true,
    accept: '.csv,.txt,.tsv,text/csv,.json,.jsonl',
    class: 'visually-hidden',
    id: 'file-input',
    tabindex: '-1',
    'aria-hidden': 'true',
    onchange: () => {
      if (input.files.length) onFiles(input.files);
      input.value = '';
    },
  });
  const drop = h(
    'div',
    {
      class: 'drop',
      part: 'dropzone',
      role: 'button',
      tabindex: '0',
      'aria-describedby': 'drop-help',
      onclick: () => input.click(),
      onkeydown: (e) => {
        if (e.key === 'Enter' || e.key === ' ') (e.preventDefault(), input.click());
      },
      // Files dropped anywhere on the calculator are taken (see main below).
      ondragover: () => drop.classList.add('over'),
      ondragleave: () => drop.classList.remove('over'),
      ondrop: () => drop.classList.remove('over'),
    },
    h('strong', {}, 'Drop your Partner Center exports here'),
    h(
      'span',
      { id: 'drop-help' },
      'or press Enter to choose files: the Partner Center downloads the guide lists (which report, where, which months), skilling lists and values typed from Partner Center (columns Area, Track, Metric, Value), CSV in any delimiter or encoding. Files added later join the score.',
    ),
  );
  const sampleButtons = samples.map(({ label, files }) => h('button', { type: 'button', class: 'secondary', part: 'button', onclick: () => onSample(files) }, label));
  const clear = h('button', { type: 'button', class: 'secondary', part: 'button', hidden: true, onclick: onReset }, 'Start over');
  const progress = h('progress', { max: '1', value: '0', 'aria-labelledby': 'progress-label' });
  const progressLabel = h('span', { id: 'progress-label' }, 'Reading…');
  const progressStatus = h('span', { class: 'visually-hidden', role: 'status' });
  const alert = h('p', { class: 'alert', role: 'alert', hidden: true });
  const rules = h('p', { class: 'rules', 'data-field': 'rules' });
  // The files read: shown in the files guide (files-guide.js).
  const files = h('ul', { class: 'files', 'aria-label': 'Files' });
  const section = h(
    'section',
    { class: 'intake', 'aria-label': 'Your files' },
    drop,
    input,
    h('div', { class: 'intake-actions' }, sampleButtons, clear, h('span', { class: 'privacy' }, 'Files are read on this computer and never uploaded.')),
    rules,
    h('div', { class: 'progress', hidden: true }, progress, progressLabel),
    progressStatus,
    alert,
  );
  return { section, input, drop, clear, progress, progressLabel, progressStatus, alert, files, rules };
}

/** Fills `list` (the intake's <ul>) with report.files. */
export function fileList(list, report) {
  const warningsFor = (name) => report.warnings.filter((w) => w.file === name);
  const errorsFor = (name) => report.errors.filter((e) => e.file === name);
  list.replaceChildren(
    ...report.files.map((f) => {
      const errors = errorsFor(f.name);
      const warnings = warningsFor(f.name);
      const months = f.months.length ? `${monthName(f.months[0])} to ${monthName(f.months.at(-1))}` : null;
      const details = [...errors.map((e) => errorLine(e)), ...warnings.map((w) => h('li', { class: 'warning' }, w.message))];
      return h(
        'li',
        { class: `file ${f.kind}`, part: 'file' },
        h('span', { class: 'file-name' }, f.name),
        h('span', { class: 'file-kind', 'data-kind': f.kind, title: DOWNLOADS[f.kind]?.name }, FILE_KIND[f.kind] ?? FILE_KIND.unknown),
        h('span', {}, [`${number(f.rows)} rows read`, `${number(f.skippedRows)} skipped`, f.duplicateRows ? `${number(f.duplicateRows)} duplicates counted once` : null, months].filter(Boolean).join(', ')),
        details.length
          ? h(
              'details',
              // A file that was not recognised opens on why.
              { open: f.kind === 'unknown' },
              h('summary', { class: errors.length ? 'has-errors' : 'has-warnings' }, [errors.length ? plural(errors.length, 'error', 'errors') : null, warnings.length ? plural(warnings.length, 'warning', 'warnings') : null].filter(Boolean).join(', ')),
              h('ul', { class: 'issues' }, details),
            )
          : null,
      );
    }),
  );
}

function errorLine(e) {
  const where = [e.line !== null ? `line ${e.line}` : null, e.column ? `column ${e.column}` : null].filter(Boolean).join(', ');
  return h(
    'li',
    { class: 'error' },
    where ? h('strong', {}, `${where}: `) : null,
    e.value !== null && e.value !== '' ? h('code', {}, e.value) : null,
    e.value !== null && e.value !== '' ? ' ' : null,
    e.message,
  );
}
