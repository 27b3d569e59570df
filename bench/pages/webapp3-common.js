/* global window, location, requestAnimationFrame */
/**
 * Shared by the Web App 3 pages (bench/webapp3.mjs): the frame count (`?n=`) and branding
 * folder (`?branding=`), a quiet moment to start from, and the resource timeline from t0.
 */
(function () {
  var query = new URLSearchParams(location.search);
  var expected = Number(query.get('n') || 30);
  var branding = query.get('branding') || 'webapp3-' + expected;
  performance.setResourceTimingBufferSize(4000);

  // When the frames' messages came in, which the resource timeline cannot show (a message is
  // no request): heard first, in the capture phase, before any page or host handles it. A
  // handshake is a message whose rpc is "syn" (the bare frames post none).
  var heard = { count: 0, first: null, last: null, firstSyn: null, lastSyn: null };
  window.addEventListener('message', function (event) {
    var at = performance.now();
    heard.count += 1;
    if (heard.first === null) heard.first = at;
    heard.last = at;
    if (event.data && event.data.rpc === 'syn') {
      if (heard.firstSyn === null) heard.firstSyn = at;
      heard.lastSyn = at;
    }
  }, true);

  /**
   * The moments of a load from t0 (ms): the frames in the document (`framesIn`, the moment the
   * page saw its insertion done), the first and last message, the first and last handshake.
   */
  function moments(t0, framesIn) {
    function from(at) { return at === null || at === undefined ? null : at - t0; }
    return { framesIn: from(framesIn), messages: heard.count, firstMessage: from(heard.first), firstSyn: from(heard.firstSyn), lastSyn: from(heard.lastSyn), lastMessage: from(heard.last) };
  }

  /** The page's own work starts after two frames and a task, when the page is idle. */
  function quiet() {
    return new Promise(function (resolve) {
      requestAnimationFrame(function () {
        requestAnimationFrame(function () {
          setTimeout(resolve, 0);
        });
      });
    });
  }

  /**
   * Resource timing from t0, grouped: when each group's first request started and its last
   * answer ended. The frames' own requests (their script) are theirs, not this page's: a frame
   * appears here as its navigation (initiatorType "iframe").
   */
  function timeline(t0) {
    var entries = performance.getEntriesByType('resource').filter(function (e) { return e.startTime >= t0 - 0.01; });
    function span(test) {
      var list = entries.filter(test);
      if (!list.length) return null;
      return {
        n: list.length,
        firstStart: Math.min.apply(null, list.map(function (e) { return e.startTime; })) - t0,
        lastEnd: Math.max.apply(null, list.map(function (e) { return e.responseEnd; })) - t0,
      };
    }
    return {
      branding: span(function (e) { return /\/(manifest|settings)\.json/.test(e.name); }),
      chunks: span(function (e) { return e.name.indexOf('/dist/') >= 0; }),
      frames: span(function (e) { return e.initiatorType === 'iframe'; }),
    };
  }

  /** Every file of dist/ this page fetched (from its start), by name. */
  function distFiles() {
    return performance.getEntriesByType('resource')
      .filter(function (e) { return e.name.indexOf('/dist/') >= 0; })
      .map(function (e) { return { file: e.name.replace(/^.*\/dist\//, '').replace(/\?.*$/, ''), start: e.startTime, end: e.responseEnd }; });
  }

  window.benchWebapp3 = { expected: expected, branding: branding, quiet: quiet, timeline: timeline, distFiles: distFiles, moments: moments };
})();
