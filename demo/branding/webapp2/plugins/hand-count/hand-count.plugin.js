// A toolbar plugin: state$ follows the roster (buzzTime); the action lowers every raised hand
// through sendRequest (participants/<uuid>/clearbuzz), as a host would.
(function () {
  var state$ = window.PEX.pluginAPI.createNewState({});

  function load(participants$) {
    participants$.subscribe(function (participants) {
      var raised = participants.filter(function (p) { return p.buzzTime > 0; });
      state$.next(raised.length === 0
        ? { icon: null, label: null }
        : { icon: 'hand-raised.svg#handRaised', label: raised.length + ' raised hand' + (raised.length === 1 ? '' : 's') + ': lower all' });
    });
  }

  function lowerAllHands(participants) {
    participants
      .filter(function (p) { return p.buzzTime > 0; })
      .forEach(function (p) { PEX.pluginAPI.sendRequest('/participants/' + p.uuid + '/clearbuzz'); });
  }

  PEX.pluginAPI.registerPlugin({
    id: 'hand-count-plugin-1.0',
    load: load,
    unload: function () {},
    lowerAllHands: lowerAllHands,
    state$: state$
  });
})();
