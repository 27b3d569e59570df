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
    if (participant.spotlight) PEX.pluginAPI.spotlightOffParticipant(participant.uuid);
    else PEX.pluginAPI.spotlightOnParticipant(participant.uuid);
  }

  PEX.pluginAPI.registerPlugin({ id: 'spotlight-plugin-1.0', load: load, unload: function () {}, toggleSpotlight: toggleSpotlight, state$: state$ });
})();
