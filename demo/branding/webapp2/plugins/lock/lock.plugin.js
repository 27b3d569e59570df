// A conference-menu plugin: sendRequest('lock' | 'unlock', undefined, callback). Its item says
// "Lock" or "Unlock" after conferenceDetails$ (state$ with {icon, label}).
(function () {
  var state$ = window.PEX.pluginAPI.createNewState({});
  var locked = false;
  var detailsSubscription = null;

  function load(participants$, conferenceDetails$) {
    detailsSubscription = conferenceDetails$.subscribe(function (details) {
      locked = !!(details && details.locked);
      state$.next(locked ? { icon: 'unlock.svg#unlock', label: 'Unlock' } : { icon: 'lock.svg#lock', label: 'Lock' });
    });
  }

  function unload() {
    if (detailsSubscription) detailsSubscription.unsubscribe();
    detailsSubscription = null;
  }

  function toggleLock() {
    var request = locked ? 'unlock' : 'lock';
    PEX.pluginAPI.sendRequest(request, undefined, function (answer) {
      if (answer.status !== 'success') {
        PEX.dispatchAction({ type: '[Demo] Notice', payload: 'Could not ' + request + ' the conference: ' + answer.result });
      }
    });
  }

  PEX.pluginAPI.registerPlugin({
    id: 'lock-plugin-1.0',
    load: load,
    unload: unload,
    toggleLock: toggleLock,
    state$: state$
  });
})();
