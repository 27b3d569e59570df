/* global window, document, Node */
/**
 * Counts live event listeners the way test/unload-leaks.test.ts does: watch
 * add/removeEventListener on every target (`once` listeners excluded) and count those whose
 * target is window, document or a node still in the page. Targets and listeners are held
 * weakly here, so that the counting itself keeps nothing alive (the heap is measured too).
 * Loaded as a classic script before the drop-in.
 */
(function () {
  var registrations = new Set();
  var originalAdd = EventTarget.prototype.addEventListener;
  var originalRemove = EventTarget.prototype.removeEventListener;
  function captureOf(options) {
    return typeof options === 'boolean' ? options : !!(options && options.capture);
  }
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    var once = typeof options === 'object' && options !== null && options.once;
    if (listener && !once) {
      registrations.add({ target: new WeakRef(this), type: type, listener: new WeakRef(listener), capture: captureOf(options) });
    }
    return originalAdd.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    var capture = captureOf(options);
    registrations.forEach(function (r) {
      if (r.target.deref() === this && r.type === type && r.listener.deref() === listener && r.capture === capture) registrations.delete(r);
    }, this);
    return originalRemove.call(this, type, listener, options);
  };
  window.benchListeners = {
    /** Live listeners, and how many of each type (to say which ones stayed). */
    count: function () {
      var total = 0;
      var byType = {};
      registrations.forEach(function (r) {
        var target = r.target.deref();
        if (!target) {
          registrations.delete(r);
          return;
        }
        if (target === window || target === document || (target instanceof Node && target.isConnected)) {
          total += 1;
          byType[r.type] = (byType[r.type] || 0) + 1;
        }
      });
      return { total: total, byType: byType, tracked: registrations.size };
    }
  };
})();
