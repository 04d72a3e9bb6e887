// The standalone page (index.html) works offline and installs as an app: it
// registers sw.js, which keeps the page's own files (see sw.js). Only the
// page does this; <spd-score-calculator> embedded in a host's portal never
// registers a service worker on the host's origin.
if ('serviceWorker' in navigator && window.isSecureContext) {
  // updateViaCache 'none': a new build's file list (sw-files.js) is seen at once.
  navigator.serviceWorker.register('./sw.js', { updateViaCache: 'none' }).catch(() => {
    // Without it the page works as before, online.
  });
}
