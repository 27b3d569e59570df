// A participants-menu plugin with per-participant state: {[uuid]: {icon, label}}.
(function () {
  var state$ = PEX.pluginAPI.createNewState({});

  function load(participants$) {
    participants$.subscribe(function (participants) {
      var next = {};
      participants.forEach(function (p) {
        if (p.spotlight) next[p.uuid] = { icon: 'spotlight-off.svg#spotlightOff', label: 'Remove spotlight' };
      });
      state$.next(next);
    });
  }

  function toggleSpotlight(participant) {
    PEX.dispatchAction({ type: participant.spotlight ? '[Demo] Spotlight off' : '[Demo] Spotlight on', payload: participant.uuid });
  }

  PEX.pluginAPI.registerPlugin({ id: 'spotlight-plugin-1.0', load: load, unload: function () {}, toggleSpotlight: toggleSpotlight, state$: state$ });
})();
