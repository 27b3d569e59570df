/* global window, location */
/**
 * For a load with no DevTools attached (bench/lib/no-devtools.mjs): with `?report=<url>`, the
 * page's result (what `window.benchDone` resolves to) and its errors are POSTed there. The
 * errors are what DevTools would have seen: uncaught errors and rejections, and console.error.
 * Without `?report` this does nothing.
 */
(function () {
  var report = new URLSearchParams(location.search).get('report');
  if (!report) return;
  var errors = [];
  var consoleError = console.error;
  console.error = function () {
    errors.push('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return consoleError.apply(console, arguments);
  };
  window.addEventListener('error', function (event) { errors.push('pageerror: ' + event.message); });
  window.addEventListener('unhandledrejection', function (event) { errors.push('unhandledrejection: ' + String(event.reason)); });
  // The page sets window.benchDone in a script after this one.
  (function send() {
    if (!window.benchDone) return setTimeout(send, 10);
    window.benchDone.then(function (result) {
      fetch(report, { method: 'POST', mode: 'no-cors', body: JSON.stringify({ result: result, errors: errors }) });
    });
  })();
})();
