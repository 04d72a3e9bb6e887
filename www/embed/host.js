// The host listens to the component's events; nothing is sent anywhere.
const calculator = document.querySelector('spd-score-calculator');
const status = document.getElementById('host-status');
calculator.addEventListener('spd-score:report', (event) => {
  const report = event.detail;
  const best = report.bestTrack ? report.tracks[report.bestTrack] : null;
  status.textContent = best
    ? `Host received a report: ${best.label} ${Math.round(best.total)} / 100 (${report.status}).`
    : `Host received a report (${report.status}).`;
});
calculator.addEventListener('spd-score:error', (event) => {
  status.textContent = `Host received an error: ${event.detail.message}`;
});
