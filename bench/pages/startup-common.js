/* global window, location, requestAnimationFrame */
/**
 * Shared by the start-up pages (bench/startup.mjs): the plugin count from `?n=`, a quiet
 * moment to start from, and a watch on the plugins' icons (resource timing of `*.svg`).
 * Times are performance.now(), reported from `t0`, the moment the page starts the work.
 */
(function () {
  var expected = Number(new URLSearchParams(location.search).get('n') || 30);
  // 100 plugins make 300 requests: more than the default buffer of 250 resource timing entries.
  performance.setResourceTimingBufferSize(4000);
  var icons = [];
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (entry) {
      if (/\.svg(\?|#|$)/.test(entry.name)) icons.push(entry);
    });
  }).observe({ type: 'resource', buffered: true });

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

  /** Resolves when every plugin's icon is in (responseEnd of the last), checked as entries arrive. */
  function iconsIn(t0) {
    return new Promise(function (resolve) {
      (function check() {
        var mine = icons.filter(function (e) { return e.startTime >= t0; });
        if (mine.length >= expected) {
          resolve(Math.max.apply(null, mine.map(function (e) { return e.responseEnd; })));
        } else {
          setTimeout(check, 2);
        }
      })();
    });
  }

  /** Resource timing from t0, grouped: when each group's first request started and its last answer ended. */
  function timeline(t0) {
    var entries = performance.getEntriesByType('resource').filter(function (e) { return e.startTime >= t0 - 0.01; });
    function span(test) {
      var list = entries.filter(function (e) { return test(e.name); });
      if (!list.length) return null;
      return {
        n: list.length,
        firstStart: Math.min.apply(null, list.map(function (e) { return e.startTime; })) - t0,
        lastEnd: Math.max.apply(null, list.map(function (e) { return e.responseEnd; })) - t0,
      };
    }
    return {
      branding: span(function (n) { return /\/(manifest|settings)\.json/.test(n); }),
      packages: span(function (n) { return n.indexOf('.plugin.package.json') >= 0; }),
      scripts: span(function (n) { return /\.plugin\.js/.test(n); }),
      icons: span(function (n) { return /\.svg(\?|#|$)/.test(n); }),
      other: span(function (n) { return !/\/(manifest|settings)\.json|\.plugin\.package\.json|\.plugin\.js|\.svg/.test(n); }),
    };
  }

  window.benchStartup = { expected: expected, quiet: quiet, iconsIn: iconsIn, timeline: timeline };
})();
