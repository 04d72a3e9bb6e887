// The host listens to the component's events; nothing is sent anywhere.
// The report is schema 3: one row per designation in report.overview.
const calculator = document.querySelector('spd-score-calculator');
const status = document.getElementById('host-status');
calculator.addEventListener('spd-score:report', (event) => {
  const scored = (event.detail.overview ?? []).filter((row) => row.status !== 'not_scored');
  status.textContent = scored.length
    ? `Host received a report: ${scored.map((row) => `${row.label} ${Math.round(row.score)} / 100 (${row.status})`).join('; ')}.`
    : 'Host received a report: no designation scored yet.';
});
calculator.addEventListener('spd-score:error', (event) => {
  status.textContent = `Host received an error: ${event.detail.message}`;
});
